"""The audits' part of the monitoring board, report and summary (registered in AuditsConfig.ready).

It composes `audits.results.programme_results` (five queries) and adds two: the
programme's audit periods and every school's days by phase (any status). Seven queries,
whatever the number of schools.

Cell states per phase: done = as many verified days as the programme requires; late =
not done once the phase's period has ended; in progress = some days recorded; missing =
none yet. Reduction: done when the school is paired (valid baseline and final), late when
it is not once the final period has ended, else missing.
"""

from types import SimpleNamespace

from django.db.models import Count
from django.utils.translation import gettext as _

from audits.charts import bar_chart
from audits.enums import Phase
from audits.models import AuditPeriod, AuditSession
from audits.results import programme_results
from schools.monitoring.registry import (
    DONE,
    IN_PROGRESS,
    LATE,
    MISSING,
    Cell,
    Column,
    Contribution,
    ReportSection,
    ReportTable,
    Stat,
    change_text,
    number_text,
    register_board_provider,
)

CHART_LIMIT = 60  # schools drawn in the board's chart; the table has them all


def _r(value):
    return None if value is None else round(value, 1)


def programme_figures(results) -> dict:
    """The programme's §5 figures as plain JSON (no school, no person)."""
    return {
        "schools_enrolled": results.schools_enrolled,
        "schools_paired": results.schools_paired,
        "coverage": f"{results.schools_paired}/{results.schools_enrolled}",
        "baseline_g_per_person_day": _r(results.baseline.rate),
        "final_g_per_person_day": _r(results.final.rate),
        "reduction_pct": _r(results.reduction_pct),
        "median_school_reduction_pct": _r(results.median_school_reduction_pct),
        "schools_meeting_target": results.schools_meeting_target,
        "target_pct": _r(results.target_pct),
        "low_value_plastic_reduction_pct": _r(results.lvp_reduction_pct),
        "low_value_plastic_items_reduction_pct": _r(results.lvp_items_reduction_pct),
    }


def school_chart(points) -> dict:
    """points: [(school name, baseline g/pd, final g/pd)] → the audits' SVG bar chart geometry."""
    rows = [
        SimpleNamespace(category=SimpleNamespace(name=name), baseline_rate=baseline, final_rate=final)
        for name, baseline, final in points
    ]
    return bar_chart(rows)


class AuditBoardProvider:
    key = "audits"
    order = 20

    def columns(self):
        return [
            Column("baseline", _("Baseline audit")),
            Column("final", _("Final audit")),
            Column("reduction", _("Reduction"), numeric=True),
        ]

    def collect(self, programme, *, school_ids, today) -> Contribution:
        results = programme_results(programme, school_ids=school_ids)
        periods = {p.phase: p for p in AuditPeriod.objects.filter(programme=programme)}
        recorded = _recorded_days(programme, school_ids)
        required = programme.required_audit_days or 1
        days_text = _("%(done)s/%(required)s days")
        cells, points = {}, {}
        for result in results.schools:
            row = {}
            for phase in (Phase.BASELINE, Phase.FINAL):
                recorded_any = recorded.get((result.school_id, phase))
                row[str(phase)] = _phase_cell(
                    result.phase(phase), periods.get(phase), required, recorded_any, today, days_text
                )
            row["reduction"] = _reduction_cell(result, periods.get(Phase.FINAL), today)
            if result.paired:
                points[result.school_id] = (result.name, result.baseline.rate, result.final.rate)
            cells[result.school_id] = row
        figures = programme_figures(results)
        chart = {
            "template": "audits/_chart.html",
            "title": _("Waste per person-day by school: baseline and final"),
            "points": points,
            "render": school_chart,
            "limit": CHART_LIMIT,
        }
        return Contribution(cells=cells, stats=_stats(results, figures), figures=figures, chart=chart)

    def report_sections(self, programme, *, school_ids=None) -> list[ReportSection]:
        results = programme_results(programme, school_ids=school_ids)
        f = programme_figures(results)
        lines = [
            _("Schools with baseline and final figures (coverage): %(coverage)s") % {"coverage": f["coverage"]},
            _("Waste per person-day: %(baseline)s g at baseline, %(final)s g at the end")
            % {"baseline": number_text(results.baseline.rate), "final": number_text(results.final.rate)},
            _("Reduction pooled over paired schools: %(change)s") % {"change": change_text(results.reduction_pct)},
            _("Median school: %(change)s") % {"change": change_text(results.median_school_reduction_pct)},
            _("Schools that reached the −%(target)s %% target: %(count)s of %(paired)s")
            % {
                "target": number_text(results.target_pct, 0),
                "count": results.schools_meeting_target,
                "paired": results.schools_paired,
            },
            _("Low-value plastic: %(mass)s by mass, %(items)s by items (per 100 person-days)")
            % {"mass": change_text(results.lvp_reduction_pct), "items": change_text(results.lvp_items_reduction_pct)},
            _(
                "Pooled: all waste of the final days per person-day against all waste of the baseline days per "
                "person-day, over the paired schools only — not an average of school percentages."
            ),
        ]
        rows = [
            [
                s.code,
                s.name,
                _r(s.baseline.rate),
                _r(s.final.rate),
                _r(s.reduction_pct) if s.paired else None,
            ]
            for s in results.schools
        ]
        table = ReportTable(
            _("Schools"),
            [_("Code"), _("School"), _("Baseline g/person-day"), _("Final g/person-day"), _("Reduction (%)")],
            rows,
            widths=[3, 6, 2, 2, 2],
        )
        paired = sorted((s for s in results.paired if s.reduction_pct is not None), key=lambda s: -s.reduction_pct)
        bars = [(s.name, round(s.reduction_pct, 1)) for s in paired[:40]]
        return [
            ReportSection(
                _("Waste audit results"),
                lines=lines,
                tables=[table],
                bars=bars,
                bars_title=_("Reduction per school (%, g per person-day)"),
            )
        ]


def _recorded_days(programme, school_ids) -> dict:
    """(school pk, phase) → days recorded, whatever their status (one query)."""
    sessions = AuditSession.objects.filter(period__programme=programme)
    if school_ids is not None:
        sessions = sessions.filter(school_id__in=school_ids)
    return {
        (school_id, phase): n
        for school_id, phase, n in sessions.values_list("school_id", "period__phase").annotate(n=Count("pk")).order_by()
    }


def _phase_cell(figures, period, required: int, recorded_any, today, days_text) -> Cell:
    """A phase's cell: verified days (abnormal ones included) against the days required."""
    verified = figures.days + figures.excluded_days
    ended = period is not None and today > period.ends_on
    if verified >= required:
        state = DONE
    elif ended:
        state = LATE
    elif recorded_any:
        state = IN_PROGRESS
    else:
        state = MISSING
    text = days_text % {"done": verified, "required": required}
    return Cell(state, text, verified, verified)


def _reduction_cell(result, final_period, today) -> Cell:
    """The school's reduction when paired; late once the final period has ended without it."""
    if result.paired:
        pct = result.reduction_pct
        return Cell(DONE, change_text(pct), _r(pct), _r(pct))
    if final_period is not None and today > final_period.ends_on:
        return Cell(LATE, "–")
    return Cell(MISSING, "–")


def _stats(results, figures: dict) -> list[Stat]:
    """The board's headline figures: coverage, pooled reduction, schools at the target."""
    paired, enrolled = results.schools_paired, results.schools_enrolled
    return [
        Stat(
            "audits_paired",
            _("%(paired)s/%(total)s with baseline and final figures") % {"paired": paired, "total": enrolled},
            paired,
            enrolled,
        ),
        Stat(
            "reduction",
            _("Reduction (pooled): %(change)s over %(paired)s/%(total)s schools")
            % {"change": change_text(results.reduction_pct), "paired": paired, "total": enrolled},
            figures["reduction_pct"],
            enrolled,
        ),
        Stat(
            "target",
            _("%(count)s schools reached the −%(target)s %% target; median school %(median)s")
            % {
                "count": results.schools_meeting_target,
                "target": number_text(results.target_pct, 0),
                "median": change_text(results.median_school_reduction_pct),
            },
            results.schools_meeting_target,
        ),
    ]


provider = register_board_provider(AuditBoardProvider())

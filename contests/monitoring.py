"""The contests' part of the monitoring board, report and summary (registered in ContestsConfig.ready).

Reads the models only (Contest, PrizeTier, Entry, Award, Implementation). `collect` costs
three queries whatever the number of schools: the programme's contests, entries per
school and status, awards per school.

Cell states: entries — done when the school has a counted entry (submitted or further,
not withdrawn nor ineligible), in progress when it has only drafts, missing when none
(no state when the programme has no contest); awards — done when it won a prize, in
progress while its counted entries wait for results, else missing.
"""

from collections import defaultdict

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from contests.enums import ENTRY_NOT_COUNTED, ContestKind, ContestStatus, EntryStatus
from contests.models import Award, Contest, Entry, EntryMember, Implementation, PrizeTier
from schools.monitoring.registry import (
    DONE,
    IN_PROGRESS,
    MISSING,
    NOT_APPLICABLE,
    Cell,
    Column,
    Contribution,
    ReportSection,
    ReportTable,
    Stat,
    register_board_provider,
)

SELECTED = (EntryStatus.SELECTED, EntryStatus.AWARDED)


def _in_scope(queryset, school_ids, field="school_id"):
    """The rows of the schools in the viewer's scope (None: every enrolled school)."""
    return queryset if school_ids is None else queryset.filter(**{f"{field}__in": school_ids})


def _selected_initiatives(programme, school_ids=None):
    """Initiatives chosen for support: selected or awarded, or already being carried out."""
    entries = Entry.objects.filter(contest__programme=programme, contest__kind=ContestKind.INITIATIVE).filter(
        Q(status__in=SELECTED) | Q(implementation__isnull=False)
    )
    return _in_scope(entries, school_ids)


def _awarded(school_ids):
    """A prize tier's awards, to the schools of `school_ids` only when given."""
    if school_ids is None:
        return Count("awards")
    return Count("awards", filter=Q(awards__entry__school_id__in=school_ids))


class ContestBoardProvider:
    key = "contests"
    order = 30

    def columns(self):
        return [
            Column("entries", _("Contest entries"), numeric=True, required=False),
            Column("awards", _("Awards"), numeric=True, required=False),
        ]

    def collect(self, programme, *, school_ids, today) -> Contribution:
        contests = list(Contest.objects.filter(programme=programme).order_by("opens_at", "pk"))
        entries = _in_scope(Entry.objects.filter(contest__programme=programme), school_ids)
        awards = _in_scope(Award.objects.filter(contest__programme=programme), school_ids, "entry__school_id")
        counted, drafts = defaultdict(int), defaultdict(int)
        for school_id, status, n in entries.values_list("school_id", "status").annotate(n=Count("pk")).order_by():
            if status == EntryStatus.DRAFT:
                drafts[school_id] += n
            elif status not in ENTRY_NOT_COUNTED:
                counted[school_id] += n
        won = dict(awards.values_list("entry__school_id").annotate(n=Count("pk")).order_by())
        published = any(c.status == ContestStatus.RESULTS_PUBLISHED for c in contests)
        if not contests:
            default = {"entries": Cell(NOT_APPLICABLE, "–"), "awards": Cell(NOT_APPLICABLE, "–")}
        else:
            default = {"entries": Cell(MISSING, "0", 0, 0), "awards": Cell(MISSING, "0", 0, 0)}
        cells = {}
        for school_id in set(counted) | set(drafts) | set(won):
            n = counted.get(school_id, 0)
            if n:
                entry_cell = Cell(DONE, str(n), n, n)
            elif drafts.get(school_id):
                entry_cell = Cell(IN_PROGRESS, _("%(count)s drafts") % {"count": drafts[school_id]}, 0, 0)
            else:
                entry_cell = Cell(MISSING, "0", 0, 0)
            a = won.get(school_id, 0)
            if a:
                award_cell = Cell(DONE, str(a), a, a)
            elif n and not published:
                award_cell = Cell(IN_PROGRESS, "0", 0, 0)
            else:
                award_cell = Cell(MISSING, "0", 0, 0)
            cells[school_id] = {"entries": entry_cell, "awards": award_cell}
        total_entries = sum(counted.values())
        schools_taking_part = len([s for s, n in counted.items() if n])
        total_awards = sum(won.values())
        figures = {
            "contests": len(contests),
            "entries": total_entries,
            "schools_taking_part": schools_taking_part,
            "awards": total_awards,
        }
        stats = []
        if contests:
            stats = [
                Stat(
                    "entries",
                    _("%(entries)s entries from %(schools)s schools")
                    % {"entries": total_entries, "schools": schools_taking_part},
                    total_entries,
                ),
                Stat("awards", _("%(count)s awards") % {"count": total_awards}, total_awards),
            ]
        return Contribution(cells=cells, default=default, stats=stats, figures=figures)

    def summary(self, programme, *, school_ids=None) -> dict:
        """Figures for the API and the public page: contests, tiers, initiatives (of the
        schools of `school_ids` when given: prizes awarded to them, their initiatives)."""
        figures = self.collect(programme, school_ids=school_ids, today=None).figures
        tiers = (
            PrizeTier.objects.filter(contest__programme=programme)
            .annotate(awarded=_awarded(school_ids))
            .select_related("contest")
            .order_by("contest__opens_at", "contest_id", "order")
        )
        figures["prize_tiers"] = [
            {"contest": t.contest.title, "tier": t.name, "places": t.count, "awarded": t.awarded} for t in tiers
        ]
        figures["initiatives_selected"] = _selected_initiatives(programme, school_ids).count()
        return figures

    def report_sections(self, programme, *, school_ids=None) -> list[ReportSection]:
        """The contests' section; with `school_ids`, entries, prizes, winners and initiatives
        of those schools only (an officer's report)."""
        contests = _report_contests(programme, school_ids)
        if not contests:
            return [ReportSection(_("Contests"), lines=[_("The programme has no contest.")])]
        awards = _report_awards(programme, school_ids)
        summary = self.summary(programme, school_ids=school_ids)
        lines = [
            _("%(entries)s entries from %(schools)s schools in %(contests)s contests; %(awards)s prizes awarded.")
            % {
                "entries": summary["entries"],
                "schools": summary["schools_taking_part"],
                "contests": summary["contests"],
                "awards": summary["awards"],
            },
            _("Initiatives selected: %(count)s") % {"count": summary["initiatives_selected"]},
        ]
        tables = _report_tables(contests, awards, _report_initiatives(programme, school_ids))
        return [ReportSection(_("Contests"), lines=lines, tables=tables)]


def _report_contests(programme, school_ids) -> list[Contest]:
    """The programme's contests with their counted entries and schools, and their prize
    tiers with the awards (of `school_ids`' schools when given)."""
    counted = ~Q(entries__status__in=ENTRY_NOT_COUNTED)
    if school_ids is not None:
        counted &= Q(entries__school_id__in=school_ids)
    tiers = PrizeTier.objects.annotate(awarded=_awarded(school_ids))
    return list(
        Contest.objects.filter(programme=programme)
        .annotate(
            n_entries=Count("entries", filter=counted, distinct=True),
            n_schools=Count("entries__school", filter=counted, distinct=True),
        )
        .prefetch_related(Prefetch("prize_tiers", queryset=tiers))
        .order_by("opens_at", "pk")
    )


def _report_awards(programme, school_ids) -> list[Award]:
    """The winners in report order (contest, tier, code), with their school and students."""
    members = EntryMember.objects.select_related("student__classroom").order_by("-is_lead", "pk")
    return list(
        _in_scope(Award.objects.filter(contest__programme=programme), school_ids, "entry__school_id")
        .select_related("tier", "entry__school", "contest")
        .prefetch_related(Prefetch("entry__members", queryset=members))
        .order_by("contest__opens_at", "contest_id", "tier__order", "entry__code")
    )


def _report_initiatives(programme, school_ids):
    """The selected initiatives' implementations, by entry code (a queryset, read by the tables)."""
    return (
        Implementation.objects.filter(entry__in=_selected_initiatives(programme, school_ids))
        .select_related("entry__school")
        .order_by("entry__code")
    )


def _report_tables(contests, awards, implementations) -> list[ReportTable]:
    """Contests and prize tiers always; winners and initiatives when there are any."""
    contest_rows = [[c.title, str(c.get_kind_display()), c.n_entries, c.n_schools] for c in contests]
    tier_rows = [[c.title, t.name, t.count, t.awarded] for c in contests for t in c.prize_tiers.all()]
    winner_rows = [
        [
            a.tier.name,
            a.entry.code,
            a.entry.title or a.entry.text[:60],
            a.entry.school.name,
            ", ".join(m.student.public_name for m in a.entry.members.all()),
        ]
        for a in awards
    ]
    initiative_rows = [
        [i.entry.code, i.entry.title, i.entry.school.name, str(i.get_status_display()), f"{i.progress_pct} %"]
        for i in implementations
    ]
    tables = [
        ReportTable(_("Contests"), [_("Contest"), _("Kind"), _("Entries"), _("Schools")], contest_rows, [6, 3, 2, 2]),
        ReportTable(_("Prize tiers"), [_("Contest"), _("Prize"), _("Places"), _("Awarded")], tier_rows, [6, 4, 2, 2]),
    ]
    if winner_rows:
        tables.append(
            ReportTable(
                _("Winners"),
                [_("Prize"), _("Code"), _("Entry"), _("School"), _("Students")],
                winner_rows,
                [3, 2, 5, 4, 5],
            )
        )
    if initiative_rows:
        tables.append(
            ReportTable(
                _("Initiatives selected and their progress"),
                [_("Code"), _("Initiative"), _("School"), _("Status"), _("Progress")],
                initiative_rows,
                [2, 6, 4, 3, 2],
            )
        )
    return tables


provider = register_board_provider(ContestBoardProvider())

"""The waste-reduction figures of DESIGN §5, computed in a constant number of queries.

Definitions (W = net mass in g, PD = person-days = students + staff present):
- a valid day is a verified session, not flagged abnormal (unless include_abnormal);
- phase rate R(s, p) = ΣW ÷ ΣPD over the phase's valid days (g per person-day);
- school reduction = (R_baseline − R_final) ÷ R_baseline × 100, for the total, each
  category, low-value plastic by mass and by items (items per 100 person-days);
- a school is paired when both phases have at least one valid day;
- programme reduction, pooled over paired schools only:
  1 − (ΣW_final ÷ ΣPD_final) ÷ (ΣW_baseline ÷ ΣPD_baseline), never a mean of percentages.
Positive percentages are reductions, negative ones increases.

Queries: schools, categories, per-day totals, days, and per phase × category sums over
paired schools (per school × phase × category on a school's page) — five, whatever the
number of schools.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import median

from django.db.models import FloatField, Q, Sum, TextField
from django.db.models.functions import Cast

from audits.enums import MIN_VALID_DAYS, RATE_RANGE, Flag, Phase, SessionStatus
from audits.models import AuditLine, AuditSession, WasteCategory
from schools.models import School
from schools.monitoring.selectors import board_school_ids


def reduction(baseline: float | None, final: float | None) -> float | None:
    if baseline is None or final is None or baseline == 0:
        return None
    return (baseline - final) / baseline * 100


def _ratio(numerator, denominator, scale=1.0):
    return numerator / denominator * scale if denominator else None


@dataclass
class PhaseFigures:
    days: int = 0
    excluded_days: int = 0
    person_days: int = 0
    mass_g: float = 0.0
    lvp_mass_g: float = 0.0
    lvp_items: int = 0
    mass_by_category: dict = field(default_factory=lambda: defaultdict(float))
    items_by_category: dict = field(default_factory=lambda: defaultdict(int))
    weekdays: set = field(default_factory=set)
    areas: set = field(default_factory=set)
    day_rates: list = field(default_factory=list)  # (date, g per person-day) of valid days

    @property
    def rate(self):
        return _ratio(self.mass_g, self.person_days)

    @property
    def lvp_rate(self):
        return _ratio(self.lvp_mass_g, self.person_days)

    @property
    def lvp_items_rate(self):
        """Low-value plastic items per 100 person-days."""
        return _ratio(self.lvp_items, self.person_days, 100.0)

    def category_rate(self, category_id):
        return _ratio(self.mass_by_category.get(category_id, 0.0), self.person_days)

    def category_items_rate(self, category_id):
        return _ratio(self.items_by_category.get(category_id, 0), self.person_days, 100.0)

    def add(self, other: "PhaseFigures") -> None:
        self.days += other.days
        self.excluded_days += other.excluded_days
        self.person_days += other.person_days
        self.mass_g += other.mass_g
        self.lvp_mass_g += other.lvp_mass_g
        self.lvp_items += other.lvp_items


class Reductions:
    """The §5 reductions of anything with `baseline` and `final` PhaseFigures."""

    @property
    def reduction_pct(self):
        return reduction(self.baseline.rate, self.final.rate)

    @property
    def lvp_reduction_pct(self):
        return reduction(self.baseline.lvp_rate, self.final.lvp_rate)

    @property
    def lvp_items_reduction_pct(self):
        return reduction(self.baseline.lvp_items_rate, self.final.lvp_items_rate)


@dataclass
class SchoolResult(Reductions):
    school_id: int
    code: str
    name: str
    baseline: PhaseFigures = field(default_factory=PhaseFigures)
    final: PhaseFigures = field(default_factory=PhaseFigures)
    flags: list = field(default_factory=list)
    outlier_days: list = field(default_factory=list)

    @property
    def paired(self) -> bool:
        return self.baseline.days > 0 and self.final.days > 0 and bool(self.baseline.person_days)

    @property
    def has_data(self) -> bool:
        return bool(self.baseline.days or self.final.days or self.baseline.excluded_days or self.final.excluded_days)

    def phase(self, phase: str) -> PhaseFigures:
        return self.baseline if phase == Phase.BASELINE else self.final


@dataclass
class CategoryRow:
    category: WasteCategory
    baseline_rate: float | None
    final_rate: float | None
    baseline_items_rate: float | None
    final_items_rate: float | None

    @property
    def reduction_pct(self):
        return reduction(self.baseline_rate, self.final_rate)


@dataclass
class ProgrammeResults(Reductions):
    programme: object
    schools: list
    categories: list
    pooled: dict  # phase -> PhaseFigures summed over paired schools
    include_abnormal: bool = False

    @property
    def schools_enrolled(self) -> int:
        return len(self.schools)

    @property
    def paired(self) -> list:
        return [s for s in self.schools if s.paired]

    @property
    def schools_paired(self) -> int:
        return len(self.paired)

    @property
    def baseline(self) -> PhaseFigures:
        return self.pooled[Phase.BASELINE]

    @property
    def final(self) -> PhaseFigures:
        return self.pooled[Phase.FINAL]

    @property
    def median_school_reduction_pct(self):
        values = [s.reduction_pct for s in self.paired if s.reduction_pct is not None]
        return median(values) if values else None

    @property
    def target_pct(self) -> float:
        return float(self.programme.reduction_target_pct)

    @property
    def schools_meeting_target(self) -> int:
        return sum(1 for s in self.paired if s.reduction_pct is not None and s.reduction_pct >= self.target_pct)

    def category_rows(self) -> list[CategoryRow]:
        return category_rows(self.categories, self.baseline, self.final)


def category_rows(categories, baseline: PhaseFigures, final: PhaseFigures) -> list[CategoryRow]:
    return [
        CategoryRow(
            category=c,
            baseline_rate=baseline.category_rate(c.pk),
            final_rate=final.category_rate(c.pk),
            baseline_items_rate=baseline.category_items_rate(c.pk),
            final_items_rate=final.category_items_rate(c.pk),
        )
        for c in categories
    ]


def _leaf_categories() -> list[WasteCategory]:
    categories = list(WasteCategory.objects.order_by("sort_order", "code"))
    parents = {c.parent_id for c in categories if c.parent_id}
    return [c for c in categories if c.pk not in parents]


def programme_results(programme, *, school_ids=None, include_abnormal: bool = False) -> ProgrammeResults:
    """Results of every school enrolled in the programme (or of `school_ids` among them).

    The pooled figures (and their categories) cover paired schools only. Per-school
    category figures are filled when `school_ids` is given (the school page).
    """

    schools = School.objects.filter(enrolments__programme=programme).order_by("name")
    sessions = AuditSession.objects.filter(period__programme=programme, status=SessionStatus.VERIFIED)
    if school_ids is not None:
        schools = schools.filter(pk__in=school_ids)
        sessions = sessions.filter(school_id__in=school_ids)
    results = {pk: SchoolResult(pk, code, name) for pk, code, name in schools.values_list("pk", "code", "name")}
    categories = _leaf_categories()
    lvp = Q(category_id__in=[c.pk for c in categories if c.is_low_value_plastic])
    _add_days(results, sessions, _day_totals(sessions, lvp), include_abnormal)
    pooled = _pooled(results)
    valid = sessions if include_abnormal else sessions.filter(is_abnormal=False)
    _add_category_sums(results, pooled, AuditLine.objects.filter(session__in=valid), by_school=school_ids is not None)
    return ProgrammeResults(
        programme=programme,
        schools=list(results.values()),
        categories=categories,
        pooled=pooled,
        include_abnormal=include_abnormal,
    )


def _day_totals(sessions, lvp: Q) -> dict:
    """One row per day (one query): session pk → (total mass, low-value plastic mass, its items)."""
    return {
        pk: (float(mass or 0), float(lvp_mass or 0), int(lvp_items or 0))
        for pk, mass, lvp_mass, lvp_items in AuditLine.objects.filter(session__in=sessions)
        .values_list("session_id")
        .annotate(
            m=Cast(Sum("mass_g"), FloatField()),
            lm=Cast(Sum("mass_g", filter=lvp), FloatField()),
            li=Sum("item_count", filter=lvp),
        )
        .order_by()
    }


def _add_days(results: dict, sessions, per_day: dict, include_abnormal: bool) -> None:
    """Each day (one query) into its school's phase: counted, or only counted as excluded
    when abnormal; days of a school no longer enrolled are ignored."""
    rows = sessions.values_list(
        "pk", "school_id", "period__phase", "date", "students_present", "staff_present", "is_abnormal"
    ).annotate(areas_text=Cast("areas", TextField()))
    parsed_areas: dict[str, list] = {}  # most days share one list: parse each text once
    for pk, school_id, phase, day, students, staff, abnormal, areas_text in rows:
        result = results.get(school_id)
        if result is None:  # a school no longer enrolled
            continue
        figures = result.phase(phase)
        if abnormal and not include_abnormal:
            figures.excluded_days += 1
            continue
        persons = (students or 0) + (staff or 0)
        mass, lvp_mass, lvp_items = per_day.get(pk, (0.0, 0.0, 0))
        figures.days += 1
        figures.person_days += persons
        figures.mass_g += mass
        figures.lvp_mass_g += lvp_mass
        figures.lvp_items += lvp_items
        figures.weekdays.add(day.weekday())
        if areas_text not in parsed_areas:
            parsed_areas[areas_text] = json.loads(areas_text) if areas_text else []
        figures.areas.update(parsed_areas[areas_text])
        if persons:
            figures.day_rates.append((day, mass / persons))


def _pooled(results: dict) -> dict:
    """Each school's quality flags set; returns the phases' figures pooled over the paired schools."""
    pooled = {Phase.BASELINE: PhaseFigures(), Phase.FINAL: PhaseFigures()}
    for result in results.values():
        result.flags, result.outlier_days = quality_flags(result)
        if result.paired:
            pooled[Phase.BASELINE].add(result.baseline)
            pooled[Phase.FINAL].add(result.final)
    return pooled


def _add_category_sums(results: dict, pooled: dict, lines, *, by_school: bool) -> None:
    """Mass and items per category (one query) into the pooled phases, over paired schools;
    `by_school` (a school's page) also into each school's own phases."""
    if not by_school:  # the programme: category sums pooled over paired schools
        lines = lines.exclude(session__school_id__in=[pk for pk, r in results.items() if not r.paired])
        sums = lines.values_list("session__period__phase", "category_id")
    else:  # a school's page: its own category sums (pooled again over the paired ones)
        sums = lines.values_list("session__school_id", "session__period__phase", "category_id")
    for *keys, mass, items in sums.annotate(mass=Cast(Sum("mass_g"), FloatField()), items=Sum("item_count")).order_by():
        mass, items = float(mass or 0), int(items or 0)
        if not by_school:
            phase, category_id = keys
            targets = [pooled[phase]]
        else:
            school_id, phase, category_id = keys
            result = results.get(school_id)
            if result is None:
                continue
            targets = [result.phase(phase)] + ([pooled[phase]] if result.paired else [])
        for figures in targets:
            figures.mass_by_category[category_id] += mass
            figures.items_by_category[category_id] += items


def programme_results_for(user, programme, *, include_abnormal: bool = False) -> ProgrammeResults:
    """The programme's results over the schools the user may see on its board: every
    enrolled school for its organisers, the schools under their area for an officer."""

    school_ids = board_school_ids(user, programme)
    return programme_results(programme, school_ids=school_ids, include_abnormal=include_abnormal)


def quality_flags(result: SchoolResult) -> tuple[list[str], list]:
    """The §5 data-quality flags of one school, and the dates of its outlier days."""
    flags, outliers = [], []
    baseline, final = result.baseline, result.final
    if not result.has_data:
        return flags, outliers
    if baseline.days and final.days:
        if baseline.areas != final.areas:
            flags.append(Flag.AREAS_DIFFER)
        if baseline.weekdays != final.weekdays:
            flags.append(Flag.WEEKDAYS_DIFFER)
        if baseline.days != final.days:
            flags.append(Flag.DAYS_DIFFER)
    low, high = RATE_RANGE
    if any(f.rate is not None and not low <= f.rate <= high for f in (baseline, final)):
        flags.append(Flag.RATE_OUT_OF_RANGE)
    for figures in (baseline, final):
        if figures.day_rates:
            middle = median(rate for _day, rate in figures.day_rates)
            outliers += [day for day, rate in figures.day_rates if rate > 2 * middle or rate < 0.5 * middle]
    if outliers:
        flags.append(Flag.OUTLIER_DAY)
    if baseline.days < MIN_VALID_DAYS or final.days < MIN_VALID_DAYS:
        flags.append(Flag.LOW_CONFIDENCE)
    if baseline.excluded_days or final.excluded_days:
        flags.append(Flag.ABNORMAL_EXCLUDED)
    return [str(f.value) for f in flags], sorted(outliers)

"""Reads of the monitoring board: which programmes a user follows, and the board itself.

The board is one row per enrolled school the user may see, with the plan's cell (this
app) and the cells of every registered provider (schools.monitoring.registry). Its cost is a
constant number of queries whatever the number of schools: the schools, their plans,
their latest reminders, and each provider's own constant number.

Counts at the top cover every school the user may see on the board; the filters (area,
level, state) only narrow the list, the chart and the export.

The board's scope (`board_school_filter`, `board_school_ids`) is the scope of every output
about a programme's schools: the board and its XLSX, reminders, the programme report (PDF
and XLSX), the plans' coverage, the audit results page and exports, and the programme and
audit-summary APIs (`figures_school_ids`). Organisers of the programme see every enrolled
school; an officer, only those under their area nodes (DESIGN §6).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from schools.enums import Role, SchoolLevel
from schools.models import Enrolment, Programme, Reminder, School
from schools.monitoring.registry import (
    DONE,
    IN_PROGRESS,
    LATE,
    MISSING,
    NOT_APPLICABLE,
    STATE_RANK,
    STATES,
    Cell,
    board_providers,
)
from schools.monitoring.rules import is_officer_of_programme_area
from schools.predicates import is_organiser_of_programme
from schools.selectors import areas_of, is_global_organiser, organised_programme_ids


def state_label(state: str) -> str:
    return {
        DONE: _("Done"),
        IN_PROGRESS: _("In progress"),
        LATE: _("Late"),
        MISSING: _("Missing"),
        NOT_APPLICABLE: _("Not applicable"),
    }[state]


# Programmes ---------------------------------------------------------------------------------


def board_programmes_for(user) -> QuerySet[Programme]:
    """Programmes whose board the user may open: organisers' own, officers' (area overlaps)."""
    programmes = Programme.objects.select_related("area", "school_year")
    if not getattr(user, "is_authenticated", False):
        return programmes.none()
    if is_global_organiser(user):
        return programmes.all()
    query = Q(pk__in=organised_programme_ids(user))
    for area in areas_of(user, Role.OFFICER):
        prefixes = [area.path[:i] for i in range(4, len(area.path) + 1, 4)]
        query |= Q(area__path__startswith=area.path) | Q(area__path__in=prefixes)
    return programmes.filter(query)


def board_programme_get(user, *, slug: str) -> Programme | None:
    return board_programmes_for(user).filter(slug=slug).first()


def board_school_filter(user, programme: Programme) -> Q | None:
    """None when the user sees every enrolled school (organisers), else the officer's areas."""
    if is_organiser_of_programme(user, programme):
        return None
    query = Q(pk__in=[])
    for area in areas_of(user, Role.OFFICER):
        query |= Q(area__path__startswith=area.path)
    return query


def board_school_ids(user, programme: Programme) -> list[int] | None:
    """None when the user sees every enrolled school (organisers), else the ids under their areas."""
    query = board_school_filter(user, programme)
    if query is None:
        return None
    return list(School.objects.filter(query, enrolments__programme=programme).values_list("pk", flat=True))


def figures_school_ids(user, programme: Programme) -> list[int] | None:
    """The scope of a programme's figures in the API: an officer over the programme gets the
    board's (their area's schools, even when the programme is published); organisers, and
    anyone reading a published programme's public figures, every enrolled school (None)."""
    if not is_officer_of_programme_area(user, programme):
        return None
    return board_school_ids(user, programme)


# The board ----------------------------------------------------------------------------------


@dataclass
class Row:
    school: School
    cells: dict  # column key -> Cell
    state: str
    reminder: Reminder | None = None
    ordered: list = field(default_factory=list)  # [(Column, Cell, state label)] in the board's column order

    def cell_list(self, columns):
        return [(column, self.cells.get(column.key) or Cell(NOT_APPLICABLE, "–")) for column in columns]


@dataclass
class Board:
    programme: Programme
    columns: list
    rows: list  # filtered and sorted
    all_rows: list
    stats: list
    figures: dict
    chart: dict | None = None
    areas: list = field(default_factory=list)
    levels: list = field(default_factory=list)

    def state_counts(self) -> dict:
        counts = dict.fromkeys(STATES, 0)
        for row in self.all_rows:
            counts[row.state] = counts.get(row.state, 0) + 1
        return counts


SORTS = ("name", "area", "state")


def _row_state(cells: dict, required: set) -> str:
    """The worst state of the row's required cells (contest columns are optional)."""
    states = [c.state for key, c in cells.items() if key in required and c.state != NOT_APPLICABLE]
    return min(states, key=STATE_RANK.__getitem__) if states else DONE


def _sort_key(column_key: str):
    def key(row):
        if column_key == "name":
            return (0, row.school.name)
        if column_key == "area":
            return (0, row.school.area.name, row.school.name)
        if column_key == "state":
            return (STATE_RANK[row.state], row.school.name)
        cell = row.cells.get(column_key)
        value = None if cell is None else cell.sort
        return (1, 0, row.school.name) if value is None else (0, value, row.school.name)

    return key


def board_for(
    user,
    programme: Programme,
    *,
    area: int | None = None,
    level: str = "",
    state: str = "",
    sort: str = "",
    today: date | None = None,
) -> Board:
    today = today or timezone.localdate()
    schools, school_ids = _board_schools(user, programme)
    reminders: dict[int, Reminder] = {}
    for reminder in Reminder.objects.filter(programme=programme, school__in=schools).select_related("sent_by"):
        reminders.setdefault(reminder.school_id, reminder)  # newest first

    columns, stats, figures = [], [], {}
    cells = {s.pk: {} for s in schools}
    chart = _add_providers(programme, school_ids, today, columns, cells, stats, figures)

    required = {c.key for c in columns if c.required}
    everyone = [
        Row(school=s, cells=cells[s.pk], state=_row_state(cells[s.pk], required), reminder=reminders.get(s.pk))
        for s in schools
    ]
    rows = _shown_rows(everyone, columns, area=area, level=level, state=state, sort=sort)
    labels = {state: str(state_label(state)) for state in (*STATES, NOT_APPLICABLE)}
    for row in rows:
        row.ordered = [(column, cell, labels[cell.state]) for column, cell in row.cell_list(columns)]

    if chart is not None:
        chart = _shown_chart(chart, rows)
    areas = sorted({s.area_id: s.area for s in schools}.values(), key=lambda a: a.name)
    levels = [(value, label) for value, label in SchoolLevel.choices if any(s.level == value for s in schools)]
    return Board(programme, columns, rows, everyone, stats, figures, chart, areas, levels)


def _board_schools(user, programme: Programme) -> tuple[list[School], list[int] | None]:
    """The enrolled schools the user may see, by name, and the `school_ids` to give the
    providers (None: the whole programme, their cheaper path)."""
    scope = board_school_filter(user, programme)
    schools = School.objects.filter(enrolments__programme=programme).select_related("area").order_by("name")
    if scope is not None:
        schools = schools.filter(scope)
    schools = list(schools)
    ids = [s.pk for s in schools]
    school_ids = None if scope is None else ids
    if school_ids is not None and len(ids) == Enrolment.objects.filter(programme=programme).count():
        school_ids = None  # an officer over every enrolled school: the providers' cheaper whole-programme path
    return schools, school_ids


def _add_providers(programme: Programme, school_ids, today: date, columns, cells, stats, figures) -> dict | None:
    """Each registered provider's columns, cells, stats and figures added in place, in
    registry order; returns the first chart a provider offers (None: none does)."""
    chart = None
    for provider in board_providers():
        contribution = provider.collect(programme, school_ids=school_ids, today=today)
        columns.extend(provider.columns())
        for school_id, row in cells.items():
            row.update(contribution.default)
            row.update(contribution.cells.get(school_id, {}))
        stats.extend(contribution.stats)
        figures[provider.key] = contribution.figures
        chart = chart or contribution.chart
    return chart


def _shown_rows(everyone: list[Row], columns, *, area, level, state, sort) -> list[Row]:
    """The rows the filters keep, sorted by `sort` (a column key, "-" first for descending;
    an unknown key sorts by name)."""
    rows = everyone
    if area is not None:
        rows = [r for r in rows if r.school.area_id == area]
    if level:
        rows = [r for r in rows if r.school.level == level]
    if state:
        rows = [r for r in rows if r.state == state]
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS and key not in {c.key for c in columns}:
        key = "name"
    return sorted(rows, key=_sort_key(key), reverse=descending)


def _shown_chart(chart: dict, rows: list[Row]) -> dict:
    """The provider's chart drawn over the shown rows, in their order, up to its limit."""
    points = [chart["points"][r.school.pk] for r in rows if r.school.pk in chart["points"]]
    return {
        "template": chart["template"],
        "title": chart["title"],
        "data": chart["render"](points[: chart["limit"]]),
        "shown": min(len(points), chart["limit"]),
        "total": len(points),
    }


def programme_summary(programme: Programme, *, school_ids=None, today: date | None = None, chart: bool = False) -> dict:
    """The programme's aggregate figures: plans and each provider's, over every enrolled
    school, or over `school_ids` among them (an officer's, from `board_school_ids`).

    Plain JSON, nothing per person or per school: what the API and the public page show.
    With `chart`, "chart" holds the audits' per-school chart (the public page draws it).
    """
    today = today or timezone.localdate()
    summary = {}
    drawing = None
    for provider in board_providers():
        if hasattr(provider, "summary"):
            summary[provider.key] = provider.summary(programme, school_ids=school_ids)
        else:
            contribution = provider.collect(programme, school_ids=school_ids, today=today)
            summary[provider.key] = contribution.figures
            drawing = drawing or contribution.chart
    if chart and drawing is not None:
        points = list(drawing["points"].values())
        summary["chart"] = {
            "template": drawing["template"],
            "title": drawing["title"],
            "data": drawing["render"](points[: drawing["limit"]]),
        }
    return summary


PUBLIC_FIGURES_SECONDS = 300


def public_figures(programme: Programme) -> dict:
    """The ProgrammePage's figures and chart, cached for five minutes per programme.

    A public page must stay near a dozen queries (DESIGN §8): the figures cost about
    fourteen, so a visitor pays them at most once every five minutes.
    """
    from django.core.cache import cache

    key = f"monitoring:public-figures:{programme.pk}"
    return cache.get_or_set(key, lambda: programme_summary(programme, chart=True), PUBLIC_FIGURES_SECONDS)

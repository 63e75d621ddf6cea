"""The monitoring board's registry: apps above `schools` add their columns and figures here.

`schools` never imports audits or contests. Each of them registers one provider from its
AppConfig.ready() with `register_board_provider`; the board, the programme report, the
API summary and the ProgrammePage gather their figures through `board_providers()`.

A provider is an object with:
- `key` (str, e.g. "audits") and `order` (int, columns left to right);
- `columns()` → list[Column]: the per-school columns it fills;
- `collect(programme, *, school_ids, today)` → Contribution, in a constant number of
  queries whatever the number of schools. `school_ids` is None for every enrolled school
  (the programme's own figures), else the ids the viewer may see;
- `report_sections(programme, *, school_ids)` → list[ReportSection]: its part of the
  programme report (aggregates; names of students only as `Student.public_name`);
- optionally `summary(programme, *, school_ids)` → plain JSON for the API summary.

`school_ids` is always the viewer's scope from `board_school_ids` (None: every enrolled
school): an officer's report, summary and board cover the schools under their area only.

`Contribution.figures` is plain JSON (numbers, strings, lists of plain dicts), never a
person's data: the API summary returns it as it is.
"""

from dataclasses import dataclass, field

from django.utils.formats import get_format

from home.badges import status_badges

# Cell states, worst first (a row's overall state is its worst cell).
LATE = "late"
MISSING = "missing"
IN_PROGRESS = "in_progress"
DONE = "done"
NOT_APPLICABLE = "none"
STATES = (LATE, MISSING, IN_PROGRESS, DONE)
STATE_RANK = {state: rank for rank, state in enumerate(STATES)}  # late first
status_badges(
    "schools.monitoring",
    {DONE: "text-bg-success", LATE: "text-bg-danger", IN_PROGRESS: "text-bg-warning", MISSING: "text-bg-secondary"},
    default="text-bg-light border",
)


@dataclass
class Column:
    key: str
    label: str
    numeric: bool = False  # sorted and exported as a number
    required: bool = True  # counts in the row's state (taking part in a contest is optional)


@dataclass
class Cell:
    state: str
    text: str = ""
    sort: float | str | None = None
    number: float | None = None  # the exported value (XLSX)


@dataclass
class Stat:
    """A count at the top of the board: "24/24 kế hoạch"."""

    key: str
    text: str
    value: int | float | None = None
    total: int | None = None


@dataclass
class Contribution:
    cells: dict = field(default_factory=dict)  # school_id -> {column key: Cell}
    default: dict = field(default_factory=dict)  # column key -> Cell of a school not in `cells`
    stats: list = field(default_factory=list)  # [Stat]
    figures: dict = field(default_factory=dict)  # plain JSON for the API and the report
    chart: dict | None = None  # {"template": ..., "data": ..., "title": ...}


@dataclass
class ReportTable:
    title: str
    header: list
    rows: list
    widths: list | None = None  # relative column widths in the PDF


@dataclass
class ReportSection:
    title: str
    lines: list = field(default_factory=list)  # paragraphs
    tables: list = field(default_factory=list)  # [ReportTable]
    bars: list = field(default_factory=list)  # [(label, value)] drawn as a bar chart in the PDF
    bars_title: str = ""


_providers: list = []


def register_board_provider(provider):
    """Register once (a second registration of the same key replaces the first)."""
    for index, existing in enumerate(_providers):
        if existing.key == provider.key:
            _providers[index] = provider
            return provider
    _providers.append(provider)
    return provider


def board_providers() -> list:
    return sorted(_providers, key=lambda p: p.order)


def provider(key: str):
    return next((p for p in _providers if p.key == key), None)


def number_text(value, digits: int = 1) -> str:
    """A figure in the current locale ("21,3" in Vietnamese), or an en dash (fast: no grouping)."""
    if value is None:
        return "–"
    return f"{round(value, digits):.{digits}f}".replace(".", get_format("DECIMAL_SEPARATOR"))


def change_text(pct) -> str:
    """A §5 percentage as a change: "−21,3 %" for a reduction, "+5,0 %" for an increase."""
    if pct is None:
        return "–"
    return f"−{number_text(pct)} %" if pct >= 0 else f"+{number_text(-pct)} %"

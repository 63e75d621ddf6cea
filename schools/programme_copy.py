"""Copy a programme into a new school year: its set-up, never what schools or people did in it.

The copy keeps the series (the name with the new year), the area, the reduction target,
the audit-day rule, the themes and summary, and shifts every date to the new year
(`shift_date`: the same day and month, 29 February becoming 28 February). It copies no
enrolment, plan, audit day, entry, score, award or membership.

Apps above schools add their part through `register_copier`, from their
AppConfig.ready(): audits its audit periods, contests its contests with their rounds,
rubrics, prize tiers and tie-break policy. A copier names the dates it shifts
(`dates(source)`: DatedItems with keys unique across copiers), so the organiser sees and
may change each before saving, and `copy(source, target, dates)` writes its part with
those dates. All of it runs in one transaction.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from schools.models import Programme
from schools.selectors import is_global_organiser
from schools.services import nfc, school_year_get_or_create

YEAR_NAME = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


@dataclass(frozen=True)
class DatedItem:
    """One date of the set-up, shown on the copy form: `key` is unique across copiers."""

    key: str
    label: str
    value: date


@dataclass(frozen=True)
class Copier:
    name: str
    dates: Callable[[Programme], list[DatedItem]]
    copy: Callable[[Programme, Programme, dict, int], None]  # source, target, dates by key, years shifted


COPIERS: list[Copier] = []


def register_copier(name: str, *, dates, copy) -> None:
    """Add an app's part of a programme copy (once per name: ready() may run twice in tests)."""
    if all(copier.name != name for copier in COPIERS):
        COPIERS.append(Copier(name=name, dates=dates, copy=copy))


def shift_date(value: date | None, years: int) -> date | None:
    """The same day `years` later; 29 February becomes 28 February in a year without it."""
    if value is None:
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def parse_year_name(text: str) -> tuple[int, int] | None:
    """ "2023-2024" (or 2023–2024) → (2023, 2024) when the second year follows the first."""
    match = YEAR_NAME.match((text or "").strip())
    if not match or int(match[2]) != int(match[1]) + 1:
        return None
    return int(match[1]), int(match[2])


def years_between(source: Programme, start_year: int) -> int:
    return start_year - source.school_year.starts_on.year


def _own_dates(source: Programme) -> list[DatedItem]:
    labels = {
        "starts_on": _("Programme starts on"),
        "ends_on": _("Programme ends on"),
        "plan_deadline": _("Action plan deadline"),
    }
    return [
        DatedItem(f"programme.{field}", label, getattr(source, field))
        for field, label in labels.items()
        if getattr(source, field)
    ]


def copy_dates(source: Programme, start_year: int) -> list[DatedItem]:
    """Every date of the set-up, shifted into the school year starting in `start_year`."""
    years = years_between(source, start_year)
    items = _own_dates(source) + [item for copier in COPIERS for item in copier.dates(source)]
    return [DatedItem(item.key, item.label, shift_date(item.value, years)) for item in items]


def copy_name(source: Programme, year_name: str) -> str:
    """The series with the new year: the old year in the name is replaced, else the new one is added."""
    old = source.school_year.name
    start, end = old.split("-") if "-" in old else (old, "")
    name = source.name
    for pattern in (old, old.replace("-", "–"), f"{start}–{end}"):
        if pattern and pattern in name:
            return name.replace(pattern, year_name)
    if start and re.search(rf"\b{start}\b", name):
        return re.sub(rf"\b{start}\b", year_name.split("-")[0], name)
    return f"{name} {year_name}"


def copy_slug(source: Programme, start_year: int) -> str:
    old_start = str(source.school_year.starts_on.year)
    slug = (
        source.slug.replace(old_start, str(start_year)) if old_start in source.slug else f"{source.slug}-{start_year}"
    )
    return slug[:80]


@transaction.atomic
def programme_copy(*, source: Programme, year_name: str, name: str, slug: str, dates: dict, by) -> Programme:
    """A new programme for the school year `year_name` ("2023-2024", made when missing).

    `dates` maps the keys of copy_dates() to the dates chosen (a key left out keeps the
    shifted date). Only a global organiser copies (a new programme is nobody's scope
    yet, as for schools.add_programme); `by=None` is the command line.
    """
    if by is not None and not is_global_organiser(by):
        raise PermissionDenied
    years_pair = parse_year_name(year_name)
    if years_pair is None:
        raise ValidationError(_("Write the school year as 2023-2024."))
    start_year, end_year = years_pair
    if start_year == source.school_year.starts_on.year:
        raise ValidationError(_("Choose another school year than the programme's own."))
    if Programme.objects.filter(slug=slug).exists():
        raise ValidationError(_("A programme with the slug “%(slug)s” already exists.") % {"slug": slug})
    chosen = {item.key: dates.get(item.key, item.value) for item in copy_dates(source, start_year)}
    year = school_year_get_or_create(
        name=f"{start_year}-{end_year}", starts_on=date(start_year, 9, 1), ends_on=date(end_year, 5, 31)
    )
    target = Programme(
        name=nfc(name),
        slug=slug,
        school_year=year,
        organiser=source.organiser,
        area=source.area,
        themes=list(source.themes or []),
        summary=source.summary,
        reduction_target_pct=source.reduction_target_pct,
        required_audit_days=source.required_audit_days,
        starts_on=chosen.get("programme.starts_on"),
        ends_on=chosen.get("programme.ends_on"),
        plan_deadline=chosen.get("programme.plan_deadline"),
        is_published=False,
    )
    target.full_clean()
    target.save()
    years = start_year - source.school_year.starts_on.year
    for copier in COPIERS:
        copier.copy(source, target, chosen, years)
    return target

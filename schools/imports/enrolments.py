"""Import enrolments: `programme_code,school_code` (the programme's slug, the school's code).

The same as enrolling in bulk from the programme (schools/enrolments.py), with a file:
every row is validated first and with any bad row nothing is written. A row is bad when
the programme is unknown or not one the importing organiser organises, when the school
is unknown, closed or outside the programme's area, or when it repeats an earlier row.
A school already enrolled is unchanged.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schools.enrolments import enrolments_create, is_in_programme_area
from schools.models import Enrolment, Programme, School
from schools.selectors_scope import ids_in_scope

from .pipeline import run_import
from .reading import Column
from .result import ImportResult

COLUMNS = [
    Column(
        "programme_code",
        True,
        gettext_lazy("The programme's code (its slug, for example thx-hoan-kiem-2022)."),
        aliases=("programme",),
    ),
    Column("school_code", True, gettext_lazy("The school's code. The school must lie in the programme's area.")),
]

EXAMPLE_ROWS = [
    ["nhua-gia-tri-thap-nam-tu-liem-2022", "thcs-cau-dien"],
    ["nhua-gia-tri-thap-nam-tu-liem-2022", "mn-hoa-sen"],
]


@dataclass
class EnrolmentRecord:
    line: int
    programme: Programme
    school: School
    held: bool


def import_enrolments(file, *, dry_run: bool = False, by=None) -> ImportResult:
    """Read, validate every row, then enrol all or nothing. `by` is the organiser (None: the command line)."""
    return run_import(file, columns=COLUMNS, validate=partial(_validate, by=by), write=_write, dry_run=dry_run)


def _by_lower(queryset, field: str, values) -> dict:
    lowered = {value.lower() for value in values if value}
    return {getattr(obj, field).lower(): obj for obj in queryset if getattr(obj, field).lower() in lowered}


def _validate(rows, result: ImportResult, *, by=None) -> list[EnrolmentRecord]:
    slugs = {row["programme_code"].lower() for row in rows if row["programme_code"]}
    codes = {row["school_code"].lower() for row in rows if row["school_code"]}
    programmes = _by_lower(Programme.objects.select_related("area").filter(slug__in=slugs), "slug", slugs)
    schools = _by_lower(_schools_by_code(codes), "code", codes)
    held = set(Enrolment.objects.filter(programme__in=programmes.values()).values_list("programme_id", "school_id"))
    first_line: dict[tuple[int, int], int] = {}
    records = []
    for row in rows:
        programme = programmes.get(row["programme_code"].lower())
        school = schools.get(row["school_code"].lower())
        problem = _problem(row, programme, school, by)
        if problem:
            result.error(row.line, problem)
            continue
        key = (programme.pk, school.pk)
        if key in first_line:
            result.error(
                row.line,
                _("The school “%(code)s” is also on line %(line)s for this programme.")
                % {"code": school.code, "line": first_line[key]},
            )
            continue
        first_line[key] = row.line
        records.append(EnrolmentRecord(line=row.line, programme=programme, school=school, held=key in held))
    return records


def _schools_by_code(codes):
    return School.objects.annotate(code_lower=Lower("code")).filter(code_lower__in=codes).select_related("area")


def _problem(row, programme, school, by) -> str | None:
    if not row["programme_code"]:
        return _("The programme code is missing.")
    if programme is None:
        return _("No programme has the code “%(code)s”.") % {"code": row["programme_code"]}
    if by is not None and programme.pk not in ids_in_scope(by, Programme):
        return _("You do not organise the programme “%(programme)s”.") % {"programme": programme.name}
    if not row["school_code"]:
        return _("The school code is missing.")
    if school is None:
        return _("No school has the code “%(code)s”.") % {"code": row["school_code"]}
    if not is_in_programme_area(programme, school):
        return _("“%(school)s” (%(code)s) is outside the programme's area “%(area)s”.") % {
            "school": school.name,
            "code": school.code,
            "area": programme.area.name,
        }
    if not school.active:
        return _("“%(school)s” (%(code)s) is closed.") % {"school": school.name, "code": school.code}
    return None


def _write(records: list[EnrolmentRecord]):
    by_programme = defaultdict(list)
    for record in records:
        if not record.held:
            by_programme[record.programme].append(record.school)
    created = sum(
        enrolments_create(programme=programme, schools=schools, by=None) for programme, schools in by_programme.items()
    )
    return created, 0, len(records) - created

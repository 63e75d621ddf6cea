"""Import schools: `code,name,level,area_code,enrolment,classes`; natural key = code.

Contract: every row is validated before anything is written; with any error nothing
is written. Codes are matched to existing schools and areas case-insensitively (the
stored spelling wins). An empty enrolment or classes cell leaves the stored figure
as it is; figures go to the school's profile for the school year given (`year`), by
default the school year of the latest programme the importer organises (any programme
on the command line), and the current school year only when there is no programme.
"""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schools.models import Area, Programme, School, SchoolYear, SchoolYearProfile
from schools.selectors_scope import ids_in_scope, organised_programmes
from schools.services import school_upsert, school_year_current

from .pipeline import by_code_ignoring_case, checking, run_import
from .reading import Column
from .result import ImportResult
from .values import LEVEL_WORDS, MAX_COUNT, parse_count, parse_level

COLUMNS = [
    Column(
        "code",
        True,
        gettext_lazy(
            "The school's code, unique and stable: letters without accents, digits, "
            "hyphens (for example thcs-cau-dien). A school with this code is updated."
        ),
    ),
    Column("name", True, gettext_lazy("The school's full name, for example Trường THCS Cầu Diễn.")),
    Column(
        "level",
        True,
        gettext_lazy(
            "Mầm non, Tiểu học, THCS, THPT or Liên cấp (or preschool, primary, "
            "lower_secondary, upper_secondary, multi)."
        ),
    ),
    Column(
        "area_code",
        True,
        gettext_lazy("The code of the ward, commune or district the school belongs to. It must already exist."),
    ),
    Column(
        "enrolment",
        False,
        gettext_lazy("Optional: the number of students this school year. Empty leaves the current figure."),
        aliases=("enrollment",),
    ),
    Column(
        "classes",
        False,
        gettext_lazy("Optional: the number of classes this school year. Empty leaves the current figure."),
    ),
]

EXAMPLE_ROWS = [
    ["thcs-cau-dien", "Trường THCS Cầu Diễn", "THCS", "cau-dien", "1250", "28"],
    ["mn-hoa-sen", "Trường Mầm non Hoa Sen", "Mầm non", "cau-dien", "", ""],
    ["th-hang-bac", "Trường Tiểu học Hàng Bạc", "Tiểu học", "hang-bac", "840", "21"],
]


@dataclass
class SchoolRecord:
    line: int
    code: str
    name: str
    level: str
    area: Area
    enrolment: int | None
    classes: int | None
    existing: School | None


def import_schools(
    file, *, dry_run: bool = False, by=None, progress=None, year: SchoolYear | None = None
) -> ImportResult:
    """Read, validate every row, then write all or nothing. dry_run validates and counts only.

    `by` is the organiser importing: a school outside their programmes, or a new school
    outside their areas, is a bad row. None is the command line. `year`: the school year
    the enrolment and classes figures belong to (default_import_year when None).
    """
    year = year or default_import_year(by)
    return run_import(
        file,
        columns=COLUMNS,
        validate=partial(_validate, by=by),
        write=partial(_write, year=year),
        dry_run=dry_run,
        progress=progress,
    )


def default_import_year(by=None) -> SchoolYear:
    """The school year of the latest programme `by` organises (any programme for None), else the current one."""
    programmes = organised_programmes(by) if by is not None else Programme.objects.all()
    latest = programmes.select_related("school_year").order_by("-school_year__starts_on").first()
    return latest.school_year if latest else school_year_current()


def _validate(rows, result: ImportResult, *, by=None) -> list[SchoolRecord]:
    areas = by_code_ignoring_case(Area.objects.all(), {row["area_code"] for row in rows})
    schools = by_code_ignoring_case(School.objects.all(), {row["code"] for row in rows})
    first_line: dict[str, int] = {}
    records = []
    for row in checking(rows):
        errors_before = len(result.errors)
        code = _code(row, result)
        if code:
            key = code.lower()
            if key in first_line:
                result.error(
                    row.line,
                    _("The school code “%(code)s” is also on line %(line)s.") % {"code": code, "line": first_line[key]},
                )
            else:
                first_line[key] = row.line
        name = row["name"]
        if not name:
            result.error(row.line, _("The school name is missing."))
        elif len(name) > 200:
            result.error(row.line, _("The school name is longer than 200 characters."))
        level = parse_level(row["level"])
        if not row["level"]:
            result.error(row.line, _("The level is missing. Use one of: %(levels)s.") % {"levels": LEVEL_WORDS})
        elif level is None:
            result.error(
                row.line,
                _("Unknown level “%(value)s”. Use one of: %(levels)s.")
                % {"value": row["level"], "levels": LEVEL_WORDS},
            )
        area = areas.get(row["area_code"].lower())
        if not row["area_code"]:
            result.error(row.line, _("The area code is missing."))
        elif area is None:
            result.error(row.line, _("No area has the code “%(code)s”.") % {"code": row["area_code"]})
        enrolment = _count(row, "enrolment", _("The enrolment"), result)
        classes = _count(row, "classes", _("The number of classes"), result)
        if len(result.errors) == errors_before:
            _check_scope(row, by, schools.get(code.lower()), area, result)
        if len(result.errors) == errors_before:
            existing = schools.get(code.lower())
            records.append(
                SchoolRecord(
                    line=row.line,
                    code=existing.code if existing else code,
                    name=name,
                    level=level,
                    area=area,
                    enrolment=enrolment,
                    classes=classes,
                    existing=existing,
                )
            )
    return records


def _code(row, result) -> str:
    code = row["code"]
    if not code:
        result.error(row.line, _("The school code is missing."))
        return ""
    try:
        validate_slug(code)
    except ValidationError:
        result.error(
            row.line,
            _("The school code “%(code)s” may only contain letters without accents, digits, hyphens and underscores.")
            % {"code": code},
        )
        return ""
    if len(code) > 40:
        result.error(row.line, _("The school code “%(code)s” is longer than 40 characters.") % {"code": code})
        return ""
    return code


def _count(row, column: str, what: str, result) -> int | None:
    text = row[column]
    if not text:
        return None
    value = parse_count(text)
    if value is None:
        result.error(
            row.line,
            _("%(what)s must be a whole number of 0 or more, not “%(value)s”.") % {"what": what, "value": text},
        )
    elif value > MAX_COUNT:
        result.error(row.line, _("%(what)s “%(value)s” is too large.") % {"what": what, "value": text})
        return None
    return value


def _write(records: list[SchoolRecord], *, year: SchoolYear):
    created = updated = unchanged = 0
    existing_ids = [record.existing.pk for record in records if record.existing]
    profiles = {p.school_id: p for p in SchoolYearProfile.objects.filter(year=year, school_id__in=existing_ids)}
    for record in records:
        if record.existing and _same(record, profiles.get(record.existing.pk)):
            unchanged += 1  # what school_upsert would find: skip its queries
            continue
        _school, changed = school_upsert(
            code=record.code,
            name=record.name,
            level=record.level,
            area=record.area,
            year=year,
            enrolment=record.enrolment,
            classes=record.classes,
        )
        if record.existing is None:
            created += 1
        elif changed:
            updated += 1
        else:
            unchanged += 1
    return created, updated, unchanged


def _same(record: SchoolRecord, profile: SchoolYearProfile | None) -> bool:
    school = record.existing
    if (school.name, school.level, school.area_id) != (record.name, record.level, record.area.pk):
        return False
    figures = {k: v for k, v in {"enrolment": record.enrolment, "classes": record.classes}.items() if v is not None}
    if not figures:
        return True
    return profile is not None and all(getattr(profile, k) == v for k, v in figures.items())


def _check_scope(row, by, existing: School | None, area: Area, result: ImportResult) -> None:
    """An organiser of some programmes updates their schools and adds schools in their areas only."""
    if by is None:
        return
    if existing is not None and existing.pk not in ids_in_scope(by, School):
        result.error(row.line, _("The school “%(code)s” is not in a programme you organise.") % {"code": existing.code})
    elif area.pk not in ids_in_scope(by, Area):
        result.error(row.line, _("The area “%(code)s” is outside the programmes you organise.") % {"code": area.code})

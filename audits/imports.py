"""Import paper logbooks: `school_code,phase,date,persons_present,category_code,mass_g,item_count`.

Contract (DESIGN §7): every row is checked before anything is written; with any bad
row nothing is written and every bad row is reported with its line and reason. The
natural key of a day is (school, date) and of a line (day, category): importing the
same file again changes nothing. A day that already exists with other figures is an
error (correct it in the workspace, where the old value and the reason are kept).
Imported days are stored verified: the importer transcribes a logbook signed on paper.

`user` limits the schools: a teacher imports for their school only; None (the
management command) and organisers for any school of the programme.
"""

import io
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audits.enums import Phase, SessionStatus
from audits.models import AuditLine, AuditPeriod, AuditSession, WasteCategory
from audits.values import BadValue, mass_label, parse_whole, read_mass
from schools.imports.pipeline import checking, run_import
from schools.imports.reading import Column
from schools.imports.registry import register_import_kind
from schools.imports.result import ImportResult
from schools.imports.values import fold
from schools.models import Programme, School
from schools.selectors import programmes_visible_to

COLUMNS = [
    Column("school_code", True, gettext_lazy("The school's code, for example ntl-thcs-cau-dien.")),
    Column("phase", True, gettext_lazy("baseline or final (đầu kỳ or cuối kỳ).")),
    Column("date", True, gettext_lazy("The day, as 2022-10-17 or 17/10/2022.")),
    Column("persons_present", True, gettext_lazy("Persons present that day; the same on every row of the day.")),
    Column("category_code", True, gettext_lazy("A waste category code, for example lvp_nylon_bag.")),
    Column(
        "mass_g",
        False,
        gettext_lazy(
            "Net mass in grams, read the Vietnamese way: 3.200 is 3 200 g, 3,2 is 3,2 g (1250,5 or 1250 is clearest)."
        ),
    ),
    Column("item_count", False, gettext_lazy("Number of items, a whole number.")),
]
EXAMPLE_ROWS = [
    ["ntl-thcs-cau-dien", "baseline", "2022-10-17", "1250", "organic", "52000", ""],
    ["ntl-thcs-cau-dien", "baseline", "2022-10-17", "1250", "lvp_nylon_bag", "3400,5", "850"],
]
# At most this many lines have their mass reading echoed back (a note each), then a count.
MAX_READING_NOTES = 20
_PHASES = {"baseline": Phase.BASELINE, "dau ky": Phase.BASELINE, "final": Phase.FINAL, "cuoi ky": Phase.FINAL}


@dataclass
class DayRecord:
    line: int
    school: School
    period: AuditPeriod
    date: date
    persons: int
    lines: dict = field(default_factory=dict)  # category pk → (mass, count, line number)
    existing: AuditSession | None = None  # the same day already stored with the same figures


def _parse_date(text: str) -> date | None:
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text[:10])
    except (ValueError, TypeError):
        return None


def windows_1258_to_utf8(file) -> tuple[object, str | None]:
    """A CSV saved in Windows-1258 (Vietnamese ANSI) is decoded and converted, with a note saying so."""
    file.seek(0)
    data = file.read()
    if isinstance(data, str) or data.startswith(b"PK\x03\x04"):
        return file, None
    try:
        data.decode("utf-8")
        return file, None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return file, None  # not cp1258 either: the reader reports "not UTF-8"
    converted = io.BytesIO(text.encode("utf-8"))
    converted.size = len(converted.getvalue())
    converted.name = getattr(file, "name", "file.csv")
    return converted, _("The file was saved in Windows-1258 (Vietnamese ANSI); it was read as such.")


def import_audits(
    file, *, programme, user=None, dry_run: bool = False, today: date | None = None, progress=None
) -> ImportResult:
    today = today or timezone.localdate()
    file, note = windows_1258_to_utf8(file)
    known = _known(programme, user, today)

    def validate(rows, result: ImportResult) -> list[DayRecord]:
        return _validate(rows, result, known)

    def write(records: list[DayRecord]):
        return _write(records, user)

    result = run_import(file, columns=COLUMNS, validate=validate, write=write, dry_run=dry_run, progress=progress)
    if note:
        result.note(None, note)
    return result


@dataclass
class _Known:
    """What the rows are checked against, loaded once per import."""

    periods: dict  # Phase → AuditPeriod of the programme
    categories: dict  # lower-case code → WasteCategory
    parents: set  # pks of the categories that have children (not recordable)
    enrolled: dict  # lower-case code → School enrolled in the programme
    allowed: set | None  # pks of the schools the user may import for; None: any enrolled school
    today: date
    words: dict = field(default_factory=dict)  # messages' words, translated once per import
    readings: list = field(default_factory=list)  # (line, text, grams) of masses read with a separator


def _known(programme, user, today: date) -> _Known:
    periods = {p.phase: p for p in AuditPeriod.objects.filter(programme=programme)}
    categories = {c.code.lower(): c for c in WasteCategory.objects.all()}
    parents = {c.parent_id for c in categories.values() if c.parent_id}
    enrolled = {s.code.lower(): s for s in School.objects.filter(enrolments__programme=programme)}
    allowed = None
    if user is not None and not user.has_perm("schools.view_programme", programme):
        allowed = {s.pk for s in enrolled.values() if user.has_perm("audits.import_audits", s)}
    words = {"persons": _("number of persons present"), "count": _("item count")}
    return _Known(periods, categories, parents, enrolled, allowed, today, words)


def _validate(rows, result: ImportResult, known: _Known) -> list[DayRecord]:
    """Every row checked, then grouped into days; each bad row adds its errors and is skipped.

    A day with a bad row is not compared with the stored day: its skipped row would make it
    look different and report a conflict that is not there (the bad row is the error).
    """
    days: dict[tuple, DayRecord] = {}
    tainted: set[tuple] = set()  # (school pk, date) of the days that have a bad row
    for row in checking(rows):
        errors_before = len(result.errors)
        school = _check_school(row, result, known)
        period, day = _check_when(row, result, known)
        persons, category, mass, count = _check_figures(row, result, known)
        if len(result.errors) == errors_before:
            _add_line(days, row, result, school, period, day, persons, category, mass, count)
        if len(result.errors) > errors_before and school is not None and day is not None:
            tainted.add((school.pk, day))
    _check_existing({key: record for key, record in days.items() if key not in tainted}, result)
    _echo_readings(known.readings, result)
    return list(days.values())


def _echo_readings(readings: list, result: ImportResult) -> None:
    """How masses written with a dot or comma were read, so the preview shows "3.200 → 3 200 g"."""
    for line, text, grams in readings[:MAX_READING_NOTES]:
        result.note(line, _("mass “%(text)s” read as %(grams)s g.") % {"text": text, "grams": mass_label(grams)})
    if len(readings) > MAX_READING_NOTES:
        result.note(
            None,
            _("%(count)s more masses with a dot or comma were read the same way.")
            % {"count": len(readings) - MAX_READING_NOTES},
        )


def _check_school(row, result: ImportResult, known: _Known) -> School | None:
    """The row's school: enrolled in the programme, and one the user may import for."""
    school = known.enrolled.get(row["school_code"].lower())
    if not row["school_code"]:
        result.error(row.line, _("The school code is empty."))
    elif school is None:
        result.error(
            row.line,
            _("Unknown school “%(code)s”, or not enrolled in this programme.") % {"code": row["school_code"]},
        )
    elif known.allowed is not None and school.pk not in known.allowed:
        result.error(row.line, _("You may only import the days of your own school."))
    return school


def _check_when(row, result: ImportResult, known: _Known) -> tuple[AuditPeriod | None, date | None]:
    """The row's period (by its phase) and day: not in the future, inside the period."""
    phase = _PHASES.get(fold(row["phase"]))
    period = known.periods.get(phase)
    if phase is None:
        result.error(row.line, _("Wrong phase “%(phase)s”: write baseline or final.") % {"phase": row["phase"]})
    elif period is None:
        result.error(row.line, _("The programme has no %(phase)s period.") % {"phase": phase.label.lower()})
    day = _parse_date(row["date"])
    if day is None:
        result.error(row.line, _("“%(value)s” is not a date (write 2022-10-17).") % {"value": row["date"]})
    elif day > known.today:
        result.error(row.line, _("The date %(date)s is in the future.") % {"date": f"{day:%d/%m/%Y}"})
    elif period is not None and not period.starts_on <= day <= period.ends_on:
        result.error(
            row.line,
            _("The date %(date)s is outside the %(phase)s period (%(start)s–%(end)s).")
            % {
                "date": f"{day:%d/%m/%Y}",
                "phase": period.get_phase_display().lower(),
                "start": f"{period.starts_on:%d/%m/%Y}",
                "end": f"{period.ends_on:%d/%m/%Y}",
            },
        )
    return period, day


def _check_figures(row, result: ImportResult, known: _Known) -> tuple:
    """(persons present, category, mass, item count): a recordable, current category and
    at least one of mass and count."""
    persons = mass = count = None
    try:
        persons = parse_whole(row["persons_present"], what=known.words["persons"])
        if not persons:
            result.error(row.line, _("Persons present must be more than 0."))
    except BadValue as error:
        result.error(row.line, str(error))
    category = known.categories.get(row["category_code"].lower())
    if category is None or category.pk in known.parents:
        result.error(row.line, _("Unknown category “%(code)s”.") % {"code": row["category_code"]})
    elif category.retired:
        result.error(row.line, _("The category “%(code)s” is retired.") % {"code": category.code})
    try:
        mass, separated = read_mass(row["mass_g"])
        if separated:
            known.readings.append((row.line, row["mass_g"], mass))
    except BadValue as error:
        result.error(row.line, str(error))
    try:
        count = parse_whole(row["item_count"], what=known.words["count"])
    except BadValue as error:
        result.error(row.line, str(error))
    if mass is None and count is None and not row["mass_g"] and not row["item_count"]:
        result.error(row.line, _("Give mass_g or item_count."))
    return persons, category, mass, count


def _add_line(days: dict, row, result: ImportResult, school, period, day, persons, category, mass, count) -> None:
    """A valid row into its (school, date) day: every row of a day must agree on its phase
    and persons present, and give each category once."""
    record = days.get((school.pk, day))
    if record is None:
        record = days[(school.pk, day)] = DayRecord(row.line, school, period, day, persons)
    elif record.period != period:
        result.error(row.line, _("The same day is given two different phases."))
        return
    elif record.persons != persons:
        result.error(
            row.line,
            _("Persons present differs from line %(line)s for the same school and day.") % {"line": record.line},
        )
        return
    if category.pk in record.lines:
        result.error(
            row.line,
            _("The category %(code)s is given twice for this school and day (line %(line)s).")
            % {"code": category.code, "line": record.lines[category.pk][2]},
        )
        return
    record.lines[category.pk] = (mass, count, row.line)


def _check_existing(days: dict, result: ImportResult) -> None:
    """A day already stored must hold exactly the same figures (then it is unchanged), else it is an error."""
    if not days:
        return
    school_ids = {key[0] for key in days}
    dates = {key[1] for key in days}
    existing = {(s.school_id, s.date): s for s in AuditSession.objects.filter(school_id__in=school_ids, date__in=dates)}
    matching = {key: days[key] for key in existing if key in days}
    stored_lines = defaultdict(dict)
    for session_id, category_id, mass, count in AuditLine.objects.filter(
        session__in=[existing[k] for k in matching]
    ).values_list("session_id", "category_id", "mass_g", "item_count"):
        stored_lines[session_id][category_id] = (mass, count)
    for key, record in matching.items():
        session = existing[key]
        wanted = {pk: (mass, count) for pk, (mass, count, _line) in record.lines.items()}
        same = (
            session.persons_present == record.persons
            and session.period_id == record.period.pk
            and stored_lines[session.pk] == wanted
        )
        if same:
            record.existing = session
        else:
            result.error(
                record.line,
                _(
                    "%(school)s already has an audit day on %(date)s with other figures. "
                    "Correct it in the workspace instead of importing it again."
                )
                % {"school": record.school.code, "date": f"{record.date:%d/%m/%Y}"},
            )


def _write(records: list[DayRecord], user):
    now = timezone.now()
    new = [r for r in records if r.existing is None]
    sessions = AuditSession.objects.bulk_create(
        [
            AuditSession(
                period=r.period,
                school=r.school,
                date=r.date,
                students_present=r.persons,
                staff_present=0,
                status=SessionStatus.VERIFIED,
                client_id=uuid.uuid4(),
                recorded_by=user,
                verified_by=user,
                submitted_at=now,
                verified_at=now,
                note=_("Imported from a paper logbook."),
            )
            for r in new
        ],
        batch_size=1000,
    )
    lines = [
        (session.pk, category_id, mass, count)
        for session, record in zip(sessions, new, strict=True)
        for category_id, (mass, count, _line) in record.lines.items()
    ]
    _insert_lines(lines)
    unchanged = sum(len(r.lines) for r in records if r.existing is not None)
    return len(lines), 0, unchanged


def _insert_lines(lines: list[tuple]) -> None:
    """(session id, category id, mass, count) rows, validated, into AuditLine: COPY on PostgreSQL,
    one executemany elsewhere. Building a model per line made the ORM's bulk_create most of
    the write's time; the table's constraints still check every row.
    """
    meta = AuditLine._meta
    columns = ", ".join(
        connection.ops.quote_name(meta.get_field(name).column)
        for name in ("session", "category", "mass_g", "item_count")
    )
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for line in lines:
                    copy.write_row(line)
        else:
            sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s)"  # noqa: S608 - names from the model
            cursor.executemany(sql, lines)


# The background job (schools/imports/registry.py): a large logbook is imported by Celery.


def importable_programmes(user):
    """The programmes a user may import logbooks into: those they see that have audit periods."""
    return programmes_visible_to(user).filter(audit_periods__isnull=False).distinct()


def _may_import(user, options) -> bool:
    return (
        user.has_perm("audits.import_audits")
        and importable_programmes(user).filter(pk=options.get("programme")).exists()
    )


def _run_job(file, *, user, options, dry_run, progress):
    programme = Programme.objects.get(pk=options["programme"])
    return import_audits(file, programme=programme, user=user, dry_run=dry_run, progress=progress)


register_import_kind(
    "audits",
    title=gettext_lazy("Import a paper logbook"),
    run=_run_job,
    may=_may_import,
    back_url=lambda options: reverse("audits:import"),
)

"""Import a contest's entries (a showcase's list): `code,title,school_code,members,text,
problem,plan,expected_result,video_url`.

Contract (DESIGN §7): all or nothing; every bad row is listed with its line and a reason.
- `code`: the showcase's own code (NTL-01), kept as written in capitals: letters and digits
  in groups joined by hyphens, at most 20 characters, unique in the contest and in the
  file. Empty: the entry is numbered `<prefix>-<NNN>` after the coded rows are written.
- `school_code`: a school of the contest (enrolled in its programme, of an eligible level).
- `members`: "Nguyễn Văn A (7A3); Trần B (7A1)": each name with its class. A student of
  the school with that name in a class of that name is used; otherwise one is made with
  only a name and a class (of the current school year), as a teacher would add them.
- a slogan contest needs `text` (within the contest's length); the others a `title`.
The natural key is the code, or (school, title) — (school, slogan) in a slogan contest —
for a row without one: an entry with the same values is unchanged, so the same file twice
changes nothing. An entry someone has checked (eligible, ineligible, …) is locked.
Imported entries are ENDORSED: the organisers then mark them eligible.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from contests.entries.selectors import contest_eligible_schools
from contests.entries.services import LONG_TEXT_MAX
from contests.entries.services_bulk import IMPORT_UPDATABLE, NewStudent, entry_import_save
from contests.enums import ContestKind
from contests.models import Entry
from schools.imports.pipeline import by_code_ignoring_case, run_import
from schools.imports.reading import Column
from schools.imports.result import ImportResult
from schools.imports.values import fold
from schools.models import School, Student
from schools.services import nfc
from schools.validators import validate_student_name

CODE_RE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
CODE_MAX = 20
MEMBER_RE = re.compile(r"^(?P<name>[^()]+?)\s*\(\s*(?P<class>[^()]+?)\s*\)$")
TEAM_MAX = 20
TEXT_COLUMNS = ("title", "text", "problem", "plan", "expected_result")

COLUMNS = [
    Column(
        "code",
        False,
        gettext_lazy("The showcase's own code, for example NTL-01 (kept as written). Empty: numbered NTL-001, …"),
        aliases=("entry_code", "ma"),
    ),
    Column("title", False, gettext_lazy("The title (required for an initiative or a creative work)."), ("ten",)),
    Column("school_code", True, gettext_lazy("The school's code, as in the school list."), ("school",)),
    Column(
        "members",
        False,
        gettext_lazy("The team, each name with its class: Nguyễn Văn A (7A3); Trần B (7A1)."),
        aliases=("team", "students"),
    ),
    Column("text", False, gettext_lazy("The slogan (required in a slogan contest)."), ("slogan",)),
    Column("problem", False, gettext_lazy("Initiatives: the problem.")),
    Column("plan", False, gettext_lazy("Initiatives: what the team will do.")),
    Column("expected_result", False, gettext_lazy("Initiatives: the expected result.")),
    Column("video_url", False, gettext_lazy("A video link (https://…).")),
]
EXAMPLE_ROWS = [
    [
        "NTL-01",
        "Tái chế chai nhựa thành chậu cây",
        "thcs-cau-dien",
        "Nguyễn Văn A (7A3); Trần B (7A1)",
        "",
        "",
        "",
        "",
        "",
    ],
    ["NTL-02", "Nói không với túi ni lông", "thcs-tay-mo", "Lê Thị C (8A2)", "", "", "", "", ""],
]


@dataclass
class EntryRecord:
    """One valid row: what to write, and the entry it rewrites (None: a new entry)."""

    line: int
    school: School
    code: str
    data: dict
    members: list  # Student or NewStudent
    existing: Entry | None = None
    unchanged: bool = False

    @property
    def member_names(self) -> str:
        return "; ".join(
            f"{m.name} ({m.class_name})" if isinstance(m, NewStudent) else f"{m.display_name} ({m.classroom.name})"
            for m in self.members
        )

    @property
    def new_students(self) -> int:
        return sum(isinstance(m, NewStudent) for m in self.members)


@dataclass
class EntriesImport:
    """The import's result, the rows as they are (or would be) written, and the students made."""

    result: ImportResult
    records: list = field(default_factory=list)
    students_added: int = 0


def import_entries(file, *, contest, user, dry_run: bool = False) -> EntriesImport:
    outcome = EntriesImport(result=ImportResult(dry_run=dry_run))

    def validate(rows, result: ImportResult) -> list[EntryRecord]:
        outcome.records = _validate(rows, result, contest)
        return outcome.records

    def write(records: list[EntryRecord]):
        made: dict = {}
        created = updated = unchanged = 0
        # Coded rows first, so the numbering of the others sees every code of the file.
        for record in sorted(records, key=lambda r: (not r.code, r.line)):
            if record.unchanged:
                unchanged += 1
                continue
            entry_import_save(
                contest=contest,
                school=record.school,
                user=user,
                data=record.data,
                members=record.members,
                code=record.code,
                existing=record.existing,
                made=made,
            )
            created += record.existing is None
            updated += record.existing is not None
        outcome.students_added = len(made)
        return created, updated, unchanged

    outcome.result = run_import(file, columns=COLUMNS, validate=validate, write=write, dry_run=dry_run)
    if outcome.result.ok and outcome.students_added:
        outcome.result.note(
            None,
            ngettext(
                "%(count)s student is added to the school's class list (name and class only).",
                "%(count)s students are added to the schools' class lists (name and class only).",
                outcome.students_added,
            )
            % {"count": outcome.students_added},
        )
    return outcome


# --- validation -----------------------------------------------------------------------


@dataclass
class _Known:
    schools: dict  # lower-case code → School of the contest
    by_code: dict  # upper-case code → Entry of the contest
    by_key: dict  # (school pk, folded title or slogan) → Entry without a file code to match
    students: dict  # (school pk, folded class, folded name) → Student


def _known(contest, rows) -> _Known:
    found = by_code_ignoring_case(School.objects.all(), [row["school_code"].strip() for row in rows])
    allowed = set(contest_eligible_schools(contest).values_list("pk", flat=True))
    schools = {code: s for code, s in found.items() if s.pk in allowed}
    schools.update({code: None for code, s in found.items() if s.pk not in allowed})  # known, not of the contest
    entries = list(Entry.objects.filter(contest=contest).prefetch_related("members"))
    by_code = {e.code.upper(): e for e in entries}
    slogan = contest.kind == ContestKind.SLOGAN
    by_key = {(e.school_id, fold(e.text if slogan else e.title)): e for e in entries}
    students = {}
    school_ids = [s.pk for s in schools.values() if s is not None]
    for student in (
        Student.objects.filter(school_id__in=school_ids, active=True, erased_at__isnull=True)
        .select_related("classroom", "classroom__year")
        .order_by("-classroom__year__starts_on", "pk")
    ):
        key = (student.school_id, fold(student.classroom.name), fold(student.display_name))
        students.setdefault(key, student)  # the most recent school year first
    return _Known(schools, by_code, by_key, students)


def _validate(rows, result: ImportResult, contest) -> list[EntryRecord]:
    known = _known(contest, rows)
    records, codes, keys, matched = [], {}, {}, {}
    slogan = contest.kind == ContestKind.SLOGAN
    for row in rows:
        before = len(result.errors)
        school = _school(row, result, known)
        code = _code(row, result, codes)
        data = _data(row, result, contest)
        members = _members(row, result, school, known) if school is not None else []
        if len(result.errors) > before:
            continue
        key = (school.pk, fold(data["text"] if slogan else data["title"]))
        if not code:
            if key in keys:
                result.error(
                    row.line,
                    _("The same entry (school and title) is already on line %(line)s; give each a code.")
                    % {"line": keys[key]},
                )
                continue
            keys[key] = row.line
        existing = known.by_code.get(code) if code else known.by_key.get(key)
        if existing is not None:
            if existing.pk in matched:
                result.error(
                    row.line,
                    _("Line %(line)s already imports the entry %(code)s.")
                    % {"line": matched[existing.pk], "code": existing.code},
                )
                continue
            matched[existing.pk] = row.line
        record = EntryRecord(row.line, school, code, data, members, existing)
        if existing is not None and not _check_existing(record, result):
            continue
        records.append(record)
    return records


def _school(row, result, known):
    code = row["school_code"].strip()
    if not code:
        result.error(row.line, _("The school code is missing."))
        return None
    if code.lower() not in known.schools:
        result.error(row.line, _("Unknown school code “%(value)s”.") % {"value": code})
        return None
    school = known.schools[code.lower()]
    if school is None:
        result.error(row.line, _("The school “%(value)s” is not among the schools of this contest.") % {"value": code})
    return school


def _code(row, result, codes: dict) -> str:
    code = row["code"].strip().upper()
    if not code:
        return ""
    if len(code) > CODE_MAX or not CODE_RE.match(code):
        result.error(
            row.line,
            _(
                "The code “%(value)s” is not valid: use letters and digits joined by hyphens, "
                "at most %(max)s characters, for example NTL-01."
            )
            % {"value": row["code"], "max": CODE_MAX},
        )
        return ""
    if code in codes:
        result.error(
            row.line, _("The code %(code)s is already on line %(line)s.") % {"code": code, "line": codes[code]}
        )
        return ""
    codes[code] = row.line
    return code


def _data(row, result, contest) -> dict:
    data = {name: nfc(row[name]) for name in TEXT_COLUMNS}
    data["video_url"] = row["video_url"].strip()
    if contest.kind == ContestKind.SLOGAN:
        if not data["text"]:
            result.error(row.line, _("The slogan is missing (column text)."))
        elif len(data["text"]) > contest.slogan_max_length:
            result.error(
                row.line,
                _("A slogan may have at most %(max)d characters; this one has %(count)d.")
                % {"max": contest.slogan_max_length, "count": len(data["text"])},
            )
    elif not data["title"]:
        result.error(row.line, _("The title is missing."))
    if len(data["title"]) > 200:
        result.error(row.line, _("The title may have at most 200 characters."))
    for name in ("problem", "plan", "expected_result"):
        if len(data[name]) > LONG_TEXT_MAX:
            result.error(
                row.line,
                _("The column %(column)s has more than %(max)d characters.") % {"column": name, "max": LONG_TEXT_MAX},
            )
    if data["video_url"]:
        try:
            URLValidator(schemes=["http", "https"])(data["video_url"])
        except ValidationError:
            result.error(row.line, _("“%(value)s” is not a web link.") % {"value": data["video_url"]})
    return data


def _members(row, result, school, known) -> list:
    members, seen = [], set()
    parts = [p.strip() for p in re.split(r"[;\n]", row["members"]) if p.strip()]
    if len(parts) > TEAM_MAX:
        result.error(row.line, _("A team has at most %(max)d students.") % {"max": TEAM_MAX})
        return []
    for part in parts:
        match = MEMBER_RE.match(part)
        if match is None:
            result.error(
                row.line,
                _(
                    "“%(value)s”: write each member as a name with the class in brackets, "
                    "for example Nguyễn Văn A (7A3)."
                )
                % {"value": part},
            )
            continue
        name, class_name = " ".join(match["name"].split()), " ".join(match["class"].split())
        problem = _name_problem(name, class_name)
        if problem:
            result.error(row.line, problem)
            continue
        key = (school.pk, fold(class_name), fold(name))
        if key in seen:
            continue
        seen.add(key)
        members.append(known.students.get(key) or NewStudent(name=name, class_name=class_name))
    return members


def _name_problem(name: str, class_name: str) -> str:
    if len(name) > Student._meta.get_field("display_name").max_length:
        return _("The name “%(name)s” is too long.") % {"name": name}
    if len(class_name) > 40:
        return _("The class name is longer than 40 characters.")
    try:
        validate_student_name(name)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def _check_existing(record: EntryRecord, result: ImportResult) -> bool:
    """Whether the row may go on: an unchanged entry, or one that may still be rewritten."""
    entry = record.existing
    if entry.school_id != record.school.pk:
        result.error(
            record.line,
            _("The code %(code)s belongs to an entry of another school.") % {"code": entry.code},
        )
        return False
    stored = {m.student_id for m in entry.members.all()}
    lead = next((m.student_id for m in entry.members.all() if m.is_lead), None)
    same_members = all(isinstance(m, Student) for m in record.members) and (
        {m.pk for m in record.members} == stored and (not record.members or record.members[0].pk == lead)
    )
    same_data = all(getattr(entry, name) == value for name, value in record.data.items())
    if same_members and same_data:
        record.unchanged = True
        return True
    if entry.status not in IMPORT_UPDATABLE:
        result.error(
            record.line,
            _("The entry %(code)s is “%(status)s”: an import can no longer change it.")
            % {"code": entry.code, "status": entry.get_status_display()},
        )
        return False
    return True

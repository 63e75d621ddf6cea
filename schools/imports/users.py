"""Import users: `username,full_name,role,school_code,class_name,email`; natural key = username.

Contract: every row is validated before anything is written; with any error nothing
is written.

- teacher, student: `school_code` names an existing school. officer: `school_code`
  holds the code of the AREA they oversee. judge: `school_code` stays empty (a judge
  membership for all programmes; contests assign the entries).
- student: `class_name` is required (the class of the current school year is created
  when missing) and `email` must be empty: no e-mail is collected from children; the
  full name is only a name, no e-mail address or phone number (validate_student_name).
- A new user gets an unusable password and, with an e-mail, the welcome e-mail with a
  link to choose a password (queued on commit, so a failed import sends nothing).
- An existing username (matched ignoring case) is not an error: the row adds the
  membership (and the student record) the account lacks. The account's stored name
  and e-mail are kept; the result notes when the file differs. Refused: a student row
  on an adult account or an adult role on a student account (a child must never get
  a teacher's rights through a reused username), and a student of another school.
- Re-importing the same file changes nothing and sends no second e-mail.
"""

import re
from dataclasses import dataclass
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schools.enums import Role
from schools.imports.services import NewLogin, logins_create_in_bulk, student_for_user_ensure
from schools.models import Area, School
from schools.selectors_scope import grant_refusal
from schools.services import (
    classroom_get_or_create,
    membership_grant,
    school_year_current,
    user_welcome_queue,
)
from schools.validators import validate_student_name

from .pipeline import by_code_ignoring_case, checking, run_import
from .reading import Column
from .result import ImportResult
from .values import ROLE_WORDS, fold, parse_role

COLUMNS = [
    Column(
        "username",
        True,
        gettext_lazy(
            "The login: letters without accents, digits and . @ + - _ (no spaces). "
            "An existing username gets the role added; its name and e-mail are kept."
        ),
    ),
    Column("full_name", True, gettext_lazy("The person's full name, for example Nguyễn Thị Lan.")),
    Column(
        "role", True, gettext_lazy("giáo viên, học sinh, giám khảo or cán bộ (or teacher, student, judge, officer).")
    ),
    Column(
        "school_code",
        True,
        gettext_lazy(
            "Teachers and students: the code of their school. Officers: the code "
            "of the AREA they oversee (ward, commune or district). Judges: empty."
        ),
    ),
    Column(
        "class_name",
        False,
        gettext_lazy(
            "Students only: their class, for example 6A1 (created for this school "
            "year when missing). Empty for everyone else."
        ),
        aliases=("class",),
    ),
    Column(
        "email",
        False,
        gettext_lazy(
            "Optional for teachers, officers and judges: they receive an e-mail with a "
            "link to choose their password. Always empty for students."
        ),
        aliases=("e_mail",),
    ),
]

EXAMPLE_ROWS = [
    ["lan.nguyen", "Nguyễn Thị Lan", "giáo viên", "thcs-cau-dien", "", "lan.nguyen@example.edu.vn"],
    ["an.tran.6a1", "Trần Minh An", "học sinh", "thcs-cau-dien", "6A1", ""],
    ["ha.pham", "Phạm Thu Hà", "cán bộ", "nam-tu-liem", "", "ha.pham@example.gov.vn"],
    ["hoa.le", "Lê Văn Hoà", "giám khảo", "", "", "hoa.le@example.org"],
]

_USERNAME = re.compile(r"^[A-Za-z0-9.@+_-]+$")
_ORGANISER_WORDS = {"organiser", "organizer", "ban to chuc", "btc"}


@dataclass
class UserRecord:
    line: int
    username: str
    full_name: str
    email: str
    role: str
    school: School | None
    area: Area | None
    class_name: str
    user: object | None  # the existing account, or None to create one


def import_users(file, *, dry_run: bool = False, by=None, progress=None) -> ImportResult:
    """Read, validate every row, then write all or nothing. dry_run validates and counts only.

    `by` is the organiser importing: a row giving a role outside their programmes is a
    bad row (selectors_scope.grant_refusal). None is the command line.
    """
    return run_import(
        file, columns=COLUMNS, validate=partial(_validate, by=by), write=_write, dry_run=dry_run, progress=progress
    )


def _existing_users(usernames) -> dict:
    lowered = {name.lower() for name in usernames if name}
    if not lowered:
        return {}
    users = (
        get_user_model()
        .objects.annotate(username_lower=Lower("username"))
        .filter(username_lower__in=lowered)
        .select_related("student__school")
        .prefetch_related("memberships")
    )
    return {user.username.lower(): user for user in users}


def _validate(rows, result: ImportResult, *, by=None) -> list[UserRecord]:
    codes = {row["school_code"] for row in rows}
    schools = by_code_ignoring_case(School.objects.all(), codes)
    areas = by_code_ignoring_case(Area.objects.all(), codes)
    users = _existing_users(row["username"] for row in rows)
    first_line: dict[str, int] = {}
    records = []
    for row in checking(rows):
        errors_before = len(result.errors)
        username = _username(row, result, first_line)
        full_name = row["full_name"]
        if not full_name:
            result.error(row.line, _("The full name is missing."))
        elif len(full_name) > 150:
            result.error(row.line, _("The full name is longer than 150 characters."))
        role = _role(row, result)
        if role == Role.STUDENT and full_name:
            try:
                validate_student_name(full_name)
            except ValidationError as error:
                result.error(row.line, error.messages[0])
        school, area = _scope(row, role, schools, areas, result)
        class_name = _class_name(row, role, result)
        email = _email(row, role, result)
        user = users.get(username.lower()) if username else None
        if user is not None and role:
            _check_existing(row, user, role, school, result)
        if role and len(result.errors) == errors_before:
            refusal = grant_refusal(by, user=user, role=role, school=school, area=area)
            if refusal:
                result.error(row.line, refusal)
        if len(result.errors) == errors_before:
            if user is not None:
                _note_differences(row, user, full_name, email, result)
            records.append(
                UserRecord(
                    line=row.line,
                    username=username,
                    full_name=full_name,
                    email=email,
                    role=role,
                    school=school,
                    area=area,
                    class_name=class_name,
                    user=user,
                )
            )
    return records


def _username(row, result, first_line) -> str:
    username = row["username"]
    if not username:
        result.error(row.line, _("The username is missing."))
        return ""
    if len(username) > 150 or not _USERNAME.match(username):
        result.error(
            row.line,
            _(
                "The username “%(username)s” may only contain letters without accents, digits "
                "and . @ + - _ (no spaces, at most 150 characters)."
            )
            % {"username": username},
        )
        return ""
    key = username.lower()
    if key in first_line:
        result.error(
            row.line,
            _("The username “%(username)s” is also on line %(line)s.")
            % {"username": username, "line": first_line[key]},
        )
    else:
        first_line[key] = row.line
    return username


def _role(row, result) -> str:
    text = row["role"]
    role = parse_role(text)
    if role:
        return role
    if not text:
        result.error(row.line, _("The role is missing. Use one of: %(roles)s.") % {"roles": ROLE_WORDS})
    elif fold(text) in _ORGANISER_WORDS:
        result.error(
            row.line, _("Organisers cannot be imported: an administrator grants that role in the back office.")
        )
    else:
        result.error(
            row.line, _("Unknown role “%(value)s”. Use one of: %(roles)s.") % {"value": text, "roles": ROLE_WORDS}
        )
    return ""


def _scope(row, role, schools, areas, result):
    code = row["school_code"]
    if role in (Role.TEACHER, Role.STUDENT):
        if not code:
            result.error(row.line, _("The school code is missing: teachers and students belong to a school."))
        elif (school := schools.get(code.lower())) is None:
            result.error(row.line, _("No school has the code “%(code)s”.") % {"code": code})
        else:
            return school, None
    elif role == Role.OFFICER:
        if not code:
            result.error(
                row.line,
                _(
                    "The area code is missing: for an officer, the school_code column holds the "
                    "code of the area they oversee."
                ),
            )
        elif (area := areas.get(code.lower())) is None:
            result.error(
                row.line,
                _(
                    "No area has the code “%(code)s” (for an officer, the school_code column "
                    "holds the code of the area they oversee)."
                )
                % {"code": code},
            )
        else:
            return None, area
    elif role == Role.JUDGE and code:
        result.error(
            row.line, _("Leave school_code empty for a judge: judges are assigned to contests, not to a school.")
        )
    return None, None


def _class_name(row, role, result) -> str:
    class_name = row["class_name"]
    if role == Role.STUDENT:
        if not class_name:
            result.error(row.line, _("The class is missing: a student needs a class name, for example 6A1."))
        elif len(class_name) > 40:
            result.error(row.line, _("The class name is longer than 40 characters."))
    elif role and class_name:
        result.error(row.line, _("Only students have a class: leave class_name empty for this role."))
    return class_name


def _email(row, role, result) -> str:
    email = row["email"].lower()
    if not email:
        return ""
    if role == Role.STUDENT:
        result.error(
            row.line,
            _(
                "A student must not have an e-mail address: no e-mail is collected from "
                "children. Leave the email cell empty."
            ),
        )
        return ""
    try:
        validate_email(email)
    except ValidationError:
        result.error(row.line, _("“%(email)s” is not a valid e-mail address.") % {"email": row["email"]})
    return email


def _check_existing(row, user, role, school, result) -> None:
    roles = {m.role for m in user.memberships.all()}
    student = getattr(user, "student", None)
    is_student_account = student is not None or Role.STUDENT in roles
    # Children never have an e-mail address: an account with one is an adult's.
    is_adult_account = bool(roles - {Role.STUDENT}) or bool(user.email) or user.is_staff or user.is_superuser
    if role == Role.STUDENT and is_adult_account:
        result.error(
            row.line,
            _("The username “%(username)s” belongs to an adult's account: choose another username for this student.")
            % {"username": user.username},
        )
    elif role != Role.STUDENT and is_student_account:
        result.error(
            row.line,
            _("The username “%(username)s” belongs to a student's account: choose another username.")
            % {"username": user.username},
        )
    elif role == Role.STUDENT and school is not None:
        other = (
            student.school
            if student is not None
            else next(
                (m.school for m in user.memberships.all() if m.role == Role.STUDENT and m.school_id != school.pk), None
            )
        )
        if other is not None and other.pk != school.pk:
            result.error(
                row.line,
                _("“%(username)s” is already a student at %(school)s: a student belongs to one school.")
                % {"username": user.username, "school": other.name},
            )


def _note_differences(row, user, full_name, email, result) -> None:
    if fold(user.full_name) != fold(full_name):
        result.note(
            row.line,
            _("“%(username)s” already exists as “%(name)s”: that name was kept.")
            % {"username": user.username, "name": user.full_name},
        )
    if email and email != (user.email or "").lower():
        result.note(
            row.line,
            _("“%(username)s” already exists: the stored e-mail address was kept.") % {"username": user.username},
        )


def _has_membership(user, record: UserRecord) -> bool:
    for membership in user.memberships.all():
        if membership.role != record.role:
            continue
        if record.role == Role.JUDGE:  # any judge membership will do: contests assign the entries
            return True
        school_id = record.school.pk if record.school else None
        area_id = record.area.pk if record.area else None
        if (membership.school_id, membership.area_id, membership.programme_id) == (school_id, area_id, None):
            return True
    return False


def _write(records: list[UserRecord]):
    created = updated = unchanged = 0
    classrooms = {}
    year = school_year_current()

    def classroom_of(record):
        key = (record.school.pk, record.class_name)
        if key not in classrooms:
            classrooms[key] = classroom_get_or_create(school=record.school, name=record.class_name, year=year)
        return classrooms[key]

    new_people = [
        NewLogin(
            username=record.username,
            full_name=record.full_name,
            email=record.email,
            role=record.role,
            school=record.school,
            area=record.area,
            classroom=classroom_of(record) if record.role == Role.STUDENT else None,
        )
        for record in records
        if record.user is None
    ]
    for user in logins_create_in_bulk(people=new_people):
        user_welcome_queue(user)  # on commit, and only with an e-mail address
        created += 1
    for record in records:
        if record.user is None:
            continue
        user, changed = record.user, False
        if not _has_membership(user, record):
            membership_grant(user=user, role=record.role, school=record.school, area=record.area)
            changed = True
        if record.role == Role.STUDENT:
            classroom = classroom_of(record)
            known = getattr(user, "student", None)  # loaded with the user
            if known is None or known.classroom_id != classroom.pk:
                _student, moved = student_for_user_ensure(user=user, classroom=classroom, display_name=record.full_name)
                changed = changed or moved
        if changed:
            updated += 1
        else:
            unchanged += 1
    return created, updated, unchanged

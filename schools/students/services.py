"""Writes of the workspace's class and student pages, built on schools.services.

Each service is all-or-nothing: a ValidationError (with a translated message) means
nothing changed. One-time passwords are returned to the caller, which shows them once
on login cards; they are never stored in clear.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from schools.models import Classroom, School, Student
from schools.services import (
    classroom_get_or_create,
    nfc,
    school_year_current,
    student_create,
    student_login_create,
)
from schools.students.selectors import classroom_name_taken, vietnamese_name_key
from schools.validators import validate_student_name

MAX_NAMES_PER_SUBMIT = 60
NAME_MAX_LENGTH = Student._meta.get_field("display_name").max_length


@transaction.atomic
def classroom_add(*, school: School, name: str, grade: int | None = None) -> Classroom:
    """Add a class to the school for the current school year; a name used this year is refused."""
    name = nfc(name)
    if not name:
        raise ValidationError(_("Enter the class name, for example 6A1."), code="required")
    # classroom_get_or_create stores short names ("6a1") upper-cased: compare with what it stores.
    stored = name.upper() if len(name) <= 6 else name
    year = school_year_current()
    if classroom_name_taken(school=school, year=year, name=stored):
        raise ValidationError(
            _("The class %(name)s already exists this school year (%(year)s).") % {"name": stored, "year": year.name},
            code="duplicate",
        )
    return classroom_get_or_create(school=school, name=name, year=year, grade=grade)


def student_names_clean(names: list[str]) -> list[str]:
    """Names NFC-normalised, trimmed, inner spaces collapsed, blanks dropped; the list's limits
    checked, and every name is only a name (validate_student_name)."""
    cleaned = [" ".join(nfc(name).split()) for name in names]
    cleaned = [name for name in cleaned if name]
    if not cleaned:
        raise ValidationError(_("Enter at least one name, one per line."), code="empty")
    if len(cleaned) > MAX_NAMES_PER_SUBMIT:
        raise ValidationError(
            ngettext(
                "At most %(max)d name at a time: you entered %(count)d. Add the rest in a second step.",
                "At most %(max)d names at a time: you entered %(count)d. Add the rest in a second step.",
                MAX_NAMES_PER_SUBMIT,
            )
            % {"max": MAX_NAMES_PER_SUBMIT, "count": len(cleaned)},
            code="too_many",
        )
    too_long = [name for name in cleaned if len(name) > NAME_MAX_LENGTH]
    if too_long:
        raise ValidationError(
            _("A name may have at most %(max)d characters: %(name)s") % {"max": NAME_MAX_LENGTH, "name": too_long[0]},
            code="too_long",
        )
    for name in cleaned:
        validate_student_name(name)
    return cleaned


@transaction.atomic
def students_add_bulk(*, classroom: Classroom, names: list[str], with_logins: bool) -> list[tuple[Student, str | None]]:
    """Add one student per name (NFC, trimmed, blanks skipped), with logins if asked.

    Returns (student, one-time password or None) in the order given. Raises ValidationError
    for an empty list, more than MAX_NAMES_PER_SUBMIT names, a name too long or one that
    is an e-mail address or phone number; then no student is added.
    """
    names = student_names_clean(names)
    return [student_create(classroom=classroom, display_name=name, with_login=with_logins) for name in names]


@transaction.atomic
def login_cards_issue(*, classroom: Classroom, students: list[Student]) -> list[tuple[Student, str]]:
    """New one-time passwords (and logins where missing) for active students of the class.

    Every earlier password of these students stops working. A student of another class,
    or a deactivated one, refuses the whole batch.
    """
    if not students:
        raise ValidationError(_("Select at least one student."), code="empty")
    if any(s.classroom_id != classroom.pk or s.school_id != classroom.school_id or not s.active for s in students):
        raise ValidationError(_("Some selected students are not in this class. Nothing was changed."), code="foreign")
    issued = []
    for student in sorted(students, key=lambda s: (vietnamese_name_key(s.display_name), s.pk)):
        issued.append((student, student_login_create(student=student)))
    return issued


@transaction.atomic
def student_deactivate(*, student: Student) -> Student:
    """Hide a student from the class and stop their login; their entries and history stay."""
    student.active = False
    student.save(update_fields=["active"])
    if student.user is not None and student.user.is_active:
        student.user.is_active = False
        student.user.save(update_fields=["is_active"])
    return student


@transaction.atomic
def student_reactivate(*, student: Student) -> Student:
    student.active = True
    student.save(update_fields=["active"])
    if student.user is not None and not student.user.is_active:
        student.user.is_active = True
        student.user.save(update_fields=["is_active"])
    return student

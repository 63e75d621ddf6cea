"""Writes that imports need beyond schools.services (kept apart while others edit it)."""

from django.db import transaction

from schools.models import Classroom, Student
from schools.services import nfc


@transaction.atomic
def student_for_user_ensure(
    *, user, classroom: Classroom, display_name: str, new_user: bool = False
) -> tuple[Student, bool]:
    """The one Student record of a student login, in `classroom`. Returns (student, changed).

    `new_user=True` (a login created in this transaction) skips looking for its record.

    - already linked to this login in this class: unchanged;
    - linked to this login in another class of the same school (a new school year, a
      new class): moved to this class;
    - else one active record without a login, with the same name, in this class (the
      teacher typed the child in before): linked to this login;
    - else a new record.
    A login's record at another school is refused (ValueError): a student belongs to one
    school, and the import validates this before writing.
    """
    student = None if new_user else Student.objects.filter(user=user).first()
    if student is not None:
        if student.school_id != classroom.school_id:
            raise ValueError("The student belongs to another school.")
        if student.classroom_id == classroom.pk:
            return student, False
        student.classroom = classroom
        student.save(update_fields=["classroom"])
        return student, True
    name = nfc(display_name)
    unlinked = list(Student.objects.filter(classroom=classroom, user__isnull=True, active=True, display_name=name)[:2])
    if len(unlinked) == 1:
        student = unlinked[0]
        student.user = user
        student.save(update_fields=["user"])
        return student, True
    student = Student(school=classroom.school, classroom=classroom, display_name=name, user=user)
    # The related objects are in hand: skip the one query per foreign key full_clean() would make.
    student.full_clean(exclude=["school", "classroom", "user"])
    student.save()
    return student, True

"""Writes that imports need beyond schools.services (kept apart while others edit it), and the
start of a background import job."""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied
from django.db import transaction

from schools.enums import Role
from schools.imports.registry import import_kind
from schools.imports.tasks import run_import_job
from schools.models import Classroom, ImportJob, Membership, Student
from schools.services import nfc


@transaction.atomic
def student_for_user_ensure(*, user, classroom: Classroom, display_name: str) -> tuple[Student, bool]:
    """The one Student record of a student login, in `classroom`. Returns (student, changed).

    - already linked to this login in this class: unchanged;
    - linked to this login in another class of the same school (a new school year, a
      new class): moved to this class;
    - else one active record without a login, with the same name, in this class (the
      teacher typed the child in before): linked to this login;
    - else a new record.
    A login's record at another school is refused (ValueError): a student belongs to one
    school, and the import validates this before writing.
    """
    student = Student.objects.filter(user=user).first()
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


@dataclass
class NewLogin:
    """A validated new person of an import: their login, role scope and (students) class."""

    username: str
    full_name: str
    email: str
    role: str
    school: object = None
    area: object = None
    classroom: Classroom | None = None


@transaction.atomic
def logins_create_in_bulk(*, people: list[NewLogin]) -> list:
    """Create many new logins with their membership (and student record) in a few queries.

    The import validated every row (username format and uniqueness, scope, no e-mail for
    children) before calling this, so rows are not cleaned one by one: a row-by-row path
    took ~9 ms a person on PostgreSQL (2,000 people: 17 s). Organisers are never created
    here (their group needs membership_grant). A student whose class already holds one
    unlinked record with the same name is linked to it instead of getting a second one.
    """
    if any(person.role == Role.ORGANISER for person in people):
        raise ValueError("Organisers are granted one by one, with membership_grant.")
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(
                username=person.username,
                full_name=nfc(person.full_name),
                email=(person.email or "").strip().lower(),
                password=make_password(None),
            )
            for person in people
        ],
        batch_size=500,
    )
    Membership.objects.bulk_create(
        [
            Membership(user=user, role=person.role, school=person.school, area=person.area)
            for user, person in zip(users, people, strict=True)
        ],
        batch_size=500,
    )
    students = [(user, person) for user, person in zip(users, people, strict=True) if person.classroom]
    unlinked = defaultdict(list)
    for record in Student.objects.filter(
        classroom__in={person.classroom.pk for _user, person in students}, user__isnull=True, active=True
    ):
        unlinked[(record.classroom_id, record.display_name)].append(record)
    to_link, to_create = [], []
    for user, person in students:
        matches = unlinked[(person.classroom.pk, nfc(person.full_name))]
        if len(matches) == 1:
            record = matches.pop()
            record.user = user
            to_link.append(record)
        else:
            to_create.append(
                Student(
                    school=person.classroom.school,
                    classroom=person.classroom,
                    display_name=nfc(person.full_name),
                    user=user,
                )
            )
    Student.objects.bulk_update(to_link, ["user"], batch_size=500)
    Student.objects.bulk_create(to_create, batch_size=500)
    return users


def import_job_start(
    *, kind: str, user, upload, options=None, dry_run: bool = False, language: str = "vi"
) -> ImportJob:
    """Store the upload privately and queue its import (Celery, after the commit).

    With no broker (CELERY_TASK_ALWAYS_EAGER) the job runs at the commit, so the page the
    importer is sent to already shows the result.
    """
    spec = import_kind(kind)
    if spec is None or not spec.may(user, options or {}):
        raise PermissionDenied
    job = ImportJob(
        kind=kind,
        options=options or {},
        dry_run=dry_run,
        file_name=upload.name[:200],
        language=language,
        requested_by=user,
    )
    job.full_clean(exclude=["file"])
    job.file.save(f"{uuid.uuid4().hex}{Path(upload.name).suffix[:10]}", upload, save=False)
    job.save()
    transaction.on_commit(lambda: run_import_job.delay(job.pk))
    return job

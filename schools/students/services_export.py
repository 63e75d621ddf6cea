"""Everything the platform holds about one student, as one ZIP (Law 91/2025: the right to
access one's data). Permission `schools.export_student_data` is checked by the caller.

The ZIP holds `du-lieu.json` (UTF-8, indented) and the stored files below it, each under
its section's folder (`contests/entries/<code>/<file id>.<ext>`,
`contests/certificates/<code>.pdf`). JSON sections: `student` (profile, class, school,
consent and its history), `login` (username and dates, or null), `core_teams` (the action
plans whose core team the student is on), then one section per registered provider
(schools.students.data_rights: contests, audits). Nothing names another child: teams are
counts, file paths are server-made. Files are read through their own storage (the private
storage of uploads), never by path.

The export is logged in Wagtail's audit log (`schools.student_export`, by whom and when;
the label is the student's id, never the name).
"""

import json
import tempfile
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from schools.models import ConsentRecord, CoreTeamMember, Student
from schools.students.data_rights import iso, student_data_providers
from schools.students.data_rights_log import EXPORT, student_log

FORMAT = "greenschool.student-data"
VERSION = 1
DOCUMENT = "du-lieu.json"
SPOOL_MAX = 20 * 1024 * 1024  # larger archives spill to a temporary file on disk


def _student_data(student: Student) -> dict:
    classroom, school = student.classroom, student.school
    records = ConsentRecord.objects.filter(student=student).select_related("recorded_by").order_by("recorded_at", "pk")
    return {
        "id": student.pk,
        "display_name": student.display_name,
        "active": student.active,
        "created_at": iso(student.created_at),
        "class": {"name": classroom.name, "grade": classroom.grade, "school_year": classroom.year.name},
        "school": {"code": school.code, "name": school.name},
        "consent": {
            "child": student.consent_child,
            "guardian": student.consent_guardian,
            "recorded_at": iso(student.consent_recorded_at),
            "history": [
                {
                    "party": record.party,
                    "given": record.given,
                    "recorded_at": iso(record.recorded_at),
                    "recorded_by": record.recorded_by.get_full_name() if record.recorded_by else None,
                }
                for record in records
            ],
        },
        "public_name": student.public_name,
    }


def _login_data(student: Student) -> dict | None:
    user = student.user
    if user is None:
        return None
    return {
        "username": user.username,
        "full_name": user.full_name,
        "is_active": user.is_active,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
        "roles": sorted({m.role for m in user.memberships.all()}),
    }


def _core_teams(student: Student) -> list[dict]:
    members = CoreTeamMember.objects.filter(student=student).select_related("plan__programme")
    return [
        {"programme": m.plan.programme.name, "plan_status": m.plan.status, "team_role": m.team_role}
        for m in members.order_by("plan__programme__name", "pk")
    ]


def student_data_document(*, student: Student, files=None) -> dict:
    """The export's JSON document; `files` (a list) receives (path in the ZIP, FieldFile)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": iso(timezone.now()),
        "student": _student_data(student),
        "login": _login_data(student),
        "core_teams": _core_teams(student),
    }
    for provider in student_data_providers():
        part = provider.export(student)
        document[provider.key] = part.data
        if files is not None:
            files += [(f"{provider.key}/{item.path}", item.file) for item in part.files]
    return document


def student_data_export(*, student: Student, user):
    """The ZIP as an open temporary file at its start (the caller streams and closes it).

    A stored file that is missing (deleted by hand from the disk) is listed under
    `files_missing` instead of failing the whole export.
    """
    student = Student.objects.select_related("school", "classroom__year", "user").get(pk=student.pk)
    files: list = []
    document = student_data_document(student=student, files=files)
    document["files_missing"] = []
    buffer = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, fieldfile in dict(files).items():
            try:
                with fieldfile.open("rb") as handle:
                    archive.writestr(path, handle.read())
            except OSError:
                document["files_missing"].append(path)
        text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        archive.writestr(DOCUMENT, text.encode("utf-8"))
    buffer.seek(0)
    student_log(student=student, action=EXPORT, user=user)
    return buffer

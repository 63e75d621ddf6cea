"""Erasing a student (Law 91/2025: the right to erasure). Permission `schools.erase_student`
is checked by the caller, and the confirmation (the name typed again) by its form.

What goes, in one transaction (files once it commits):
- the name: the Student row keeps its school and class (teams, counts, ranks) and shows
  ERASED ("(đã xóa)") everywhere the name or initials were shown, since every page,
  export and certificate reads `display_name`/`public_name`;
- the same name written as text in the school's rows: action plans (their submitted
  versions' core teams included), reminders, notices to the school's people, and through
  each registered provider (schools.students.data_rights) entries, certificates and audit notes;
- consents: the flags and every ConsentRecord;
- the login: deleted (its memberships, notices and Wagtail profile with it; entries and
  audit days it made keep their rows, the link set to NULL), or, if a protected row still
  points at it, kept as an empty, unusable shell; its sign-in records (django-axes) and
  the Wagtail log entries about the student or the login lose the name;
- files that belong to this student only (see the providers), and stored programme
  reports that may print the student among the winners (they can be made again).

Kept: aggregates, result snapshots (entry ids and codes, no names), published results.
The erasure is logged (`schools.student_erase`) with who and when, without the name.
An erased student cannot be erased, exported or reactivated again (404).
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from home.models import Notice
from home.storage import files_delete_on_commit
from schools.models import (
    ActionPlan,
    Activity,
    Attachment,
    ConsentRecord,
    Goal,
    Membership,
    PlanVersion,
    Reminder,
    ReportJob,
    ReviewComment,
    Student,
)
from schools.students.data_rights import (
    ERASED,
    json_scrub,
    names_replace,
    student_data_providers,
)
from schools.students.data_rights_log import ERASE, student_log

MIN_NAME_LENGTH = 2  # a one-letter "name" would be replaced inside every word


def student_names(student: Student) -> list[str]:
    """The names to take out of texts: the display name and the login's full name, longest first."""
    names = {student.display_name.strip()}
    if student.user is not None:
        names.add(student.user.full_name.strip())
    return sorted((n for n in names if len(n) >= MIN_NAME_LENGTH and n != ERASED), key=len, reverse=True)


def _plans_scrub(student: Student, names) -> None:
    plans = ActionPlan.objects.filter(school_id=student.school_id)
    names_replace(plans, ["reopen_reason"], names)
    names_replace(Activity.objects.filter(plan__in=plans), ["title", "responsible"], names)
    names_replace(Goal.objects.filter(plan__in=plans), ["text", "indicator"], names)
    names_replace(Attachment.objects.filter(plan__in=plans), ["original_name"], names)
    names_replace(ReviewComment.objects.filter(version__plan__in=plans), ["text"], names)
    for version in PlanVersion.objects.filter(plan__in=plans):
        snapshot = json_scrub(version.snapshot, names)
        if snapshot != version.snapshot:
            PlanVersion.objects.filter(pk=version.pk).update(snapshot=snapshot)
    names_replace(Reminder.objects.filter(school_id=student.school_id), ["message"], names)
    people = Membership.objects.filter(school_id=student.school_id).values("user_id")
    names_replace(Notice.objects.filter(user_id__in=people), ["message"], names)


def _reports_delete(programme_ids) -> None:
    reports = list(ReportJob.objects.filter(programme_id__in=programme_ids))
    files_delete_on_commit(*(f for report in reports for f in (report.pdf, report.xlsx)))
    ReportJob.objects.filter(pk__in=[r.pk for r in reports]).delete()


def _log_entries_scrub(student: Student, names) -> None:
    """Wagtail's log entries about the student or their login (admin edits) lose the name."""
    objects = [(Student, student.pk)]
    if student.user_id:
        objects.append((get_user_model(), student.user_id))
    for model, pk in objects:
        entries = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk)
        for entry in entries:
            entries.filter(pk=entry.pk).update(label=ERASED, data=json_scrub(entry.data, names))


def _login_remove(user) -> None:
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=user.username).delete()
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        files_delete_on_commit(profile.avatar)
    try:
        with transaction.atomic():
            user.delete()
        return
    except (ProtectedError, RestrictedError):
        pass
    # A protected row (a report it requested, a decision it recorded) still points at it.
    user.memberships.all().delete()
    user.notices.all().delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.username = f"xoa-{user.pk}"
    user.full_name = user.first_name = user.last_name = user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()


@transaction.atomic
def student_erase(*, student: Student, user) -> Student:
    """Erase the student's personal data everywhere (see the module); `user` is who erases."""
    student = Student.objects.select_for_update(of=("self",)).select_related("user", "classroom").get(pk=student.pk)
    if student.erased_at is not None:
        raise ValidationError(_("This student's data was already erased."), code="erased")
    names = student_names(student)
    programme_ids: set[int] = set()
    for provider in student_data_providers():
        programme_ids |= provider.erase(student, names=names) or set()
    _plans_scrub(student, names)
    _reports_delete(programme_ids)
    ConsentRecord.objects.filter(student=student).delete()
    _log_entries_scrub(student, names)
    if student.user is not None:
        _login_remove(student.user)
    Student.objects.filter(pk=student.pk).update(
        display_name=ERASED,
        user=None,
        consent_child=False,
        consent_guardian=False,
        consent_recorded_at=None,
        active=False,
        erased_at=timezone.now(),
    )
    student.refresh_from_db()
    student_log(student=student, action=ERASE, user=user)
    return student

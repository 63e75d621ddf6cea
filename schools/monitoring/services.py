"""Writes of the monitoring board: reminders to late schools and programme report jobs.

Reminders: `reminders_send` records one Reminder per late school among those chosen,
puts a workspace notice in each of its teachers' workspace at once, and queues the
e-mails (Celery, after the commit). A school reminded less than REMINDER_PAUSE ago is
skipped, so a double click never reminds twice. `reminder_emails_send` sends a
reminder's e-mails once (emailed_at), whatever the number of retries.

Reports: `report_job_start` queues a ReportJob (or returns the one the same person already
has queued or running for the programme); `report_job_run` moves it queued → running →
done | failed. A report is made for the person who asked, with what they may see on the
board (an officer's covers the schools under their area), so a job is theirs alone.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from home.services import notice_send
from schools.enums import Role
from schools.models import Membership, Programme, Reminder, ReportJob
from schools.models.monitoring import ReminderTopic, ReportStatus
from schools.monitoring.registry import LATE
from schools.monitoring.selectors import board_for

REMINDER_PAUSE = timedelta(hours=1)


def _teachers_by_school(school_ids) -> dict[int, list]:
    teachers: dict[int, list] = {}
    memberships = Membership.objects.filter(role=Role.TEACHER, school_id__in=school_ids, user__is_active=True)
    for m in memberships.select_related("user").order_by("pk"):
        teachers.setdefault(m.school_id, []).append(m.user)
    return teachers


def _topic(late_keys: list[str]) -> str:
    if len(late_keys) == 1 and late_keys[0] in ReminderTopic.values:
        return late_keys[0]
    return ReminderTopic.GENERAL


@transaction.atomic
def reminders_send(*, programme: Programme, user, school_ids=None, message: str = "", today=None) -> list[Reminder]:
    """Remind the teachers of the chosen late schools (all late ones when `school_ids` is None).

    Only schools the user sees on the board and that are late count; ValidationError when
    none is left. Returns the reminders made.
    """
    board = board_for(user, programme, today=today)
    late = [row for row in board.all_rows if row.state == LATE]
    if school_ids is not None:
        wanted = {int(pk) for pk in school_ids}
        late = [row for row in late if row.school.pk in wanted]
    if not late:
        raise ValidationError(_("Choose at least one late school."))
    since = timezone.now() - REMINDER_PAUSE
    recent = set(
        Reminder.objects.filter(
            programme=programme, school_id__in=[r.school.pk for r in late], created_at__gte=since
        ).values_list("school_id", flat=True)
    )
    late = [row for row in late if row.school.pk not in recent]
    if not late:
        raise ValidationError(_("These schools were reminded less than an hour ago."))
    message = (message or "").strip()[:1000]
    teachers = _teachers_by_school([row.school.pk for row in late])
    labels = {c.key: str(c.label) for c in board.columns}
    reminders = []
    url = reverse("workspace:home")
    for row in late:
        keys = [key for key, cell in row.cells.items() if cell.state == LATE]
        users = teachers.get(row.school.pk, [])
        reminder = Reminder(
            programme=programme,
            school=row.school,
            topic=_topic(keys),
            message=message,
            late_items=[labels.get(k, k) for k in keys],
            recipients=len(users),
            sent_by=user,
        )
        reminder.full_clean()
        reminder.save()
        reminders.append(reminder)
        with override("vi"):
            text = _("Reminder about “%(programme)s”: %(items)s is late for %(school)s.") % {
                "programme": programme.name,
                "items": ", ".join(reminder.late_items),
                "school": row.school.name,
            }
        notice_send(users=users, message=text, url=url)
    from schools.monitoring.tasks import send_reminder_emails

    for reminder in reminders:
        transaction.on_commit(lambda pk=reminder.pk: send_reminder_emails.delay(pk))
    return reminders


def reminder_emails_send(*, reminder: Reminder) -> int:
    """E-mail the reminder to the school's teachers, once: 0 when already sent."""
    with transaction.atomic():
        locked = Reminder.objects.select_for_update().filter(pk=reminder.pk, emailed_at__isnull=True).first()
        if locked is None:
            return 0
        locked = Reminder.objects.select_related("programme", "school", "sent_by").get(pk=locked.pk)
        users = _teachers_by_school([locked.school_id]).get(locked.school_id, [])
        link = settings.WAGTAILADMIN_BASE_URL + reverse("workspace:home")
        with override("vi"):
            values = {
                "programme": locked.programme.name,
                "school": locked.school.name,
                "items": ", ".join(locked.late_items),
                "sender": locked.sent_by.get_full_name() or locked.sent_by.get_username(),
                "url": link,
            }
            subject = _("Reminder: %(school)s – %(programme)s") % values
            body = (
                _(
                    "Dear teachers of %(school)s,\n\nIn the programme “%(programme)s”, these items are late: "
                    "%(items)s.\n\nPlease complete them in your workspace: %(url)s\n\n%(sender)s"
                )
                % values
            )
            if locked.message:
                body += "\n\n" + locked.message
        messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in users if u.email]
        sent = send_mass_mail(messages) if messages else 0
        locked.emailed_at = timezone.now()
        locked.save(update_fields=["emailed_at"])
    return sent


# Reports ------------------------------------------------------------------------------------


def report_job_start(*, programme: Programme, user) -> ReportJob:
    """Queue the user's programme report, or return their job already queued or running for it."""
    with transaction.atomic():
        Programme.objects.select_for_update().filter(pk=programme.pk).first()
        running = ReportJob.objects.filter(
            programme=programme, requested_by=user, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]
        ).first()
        if running is not None:
            return running
        job = ReportJob(programme=programme, requested_by=user)
        job.full_clean()
        job.save()
        from schools.monitoring.tasks import make_programme_report

        transaction.on_commit(lambda: make_programme_report.delay(job.pk))
    return job


def report_job_progress(*, job: ReportJob, progress: int, step: str) -> None:
    ReportJob.objects.filter(pk=job.pk).update(progress=progress, step=step[:120])


def report_job_run(*, job: ReportJob) -> ReportJob:
    """Build the PDF and the XLSX. A job that is done or failed is left as it is."""
    from schools.monitoring.reports import build_report

    claimed = ReportJob.objects.filter(pk=job.pk, status=ReportStatus.QUEUED).update(
        status=ReportStatus.RUNNING, progress=1
    )
    if not claimed:
        return ReportJob.objects.get(pk=job.pk)
    job.refresh_from_db()
    try:
        with override("vi"):
            pdf, xlsx = build_report(
                job.programme,
                user=job.requested_by,
                progress=lambda pct, step: report_job_progress(job=job, progress=pct, step=step),
            )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        job.pdf.save(f"bao-cao-{job.programme.slug}-{stamp}.pdf", ContentFile(pdf), save=False)
        job.xlsx.save(f"bao-cao-{job.programme.slug}-{stamp}.xlsx", ContentFile(xlsx), save=False)
        job.status, job.progress, job.step = ReportStatus.DONE, 100, ""
    except Exception as error:  # noqa: BLE001 - the job records the failure for the person who asked
        job.status, job.error = ReportStatus.FAILED, f"{type(error).__name__}: {error}"[:2000]
    job.finished_at = timezone.now()
    job.save(update_fields=["pdf", "xlsx", "status", "progress", "step", "error", "finished_at"])
    return job

"""Writes of the monitoring board: reminders to late schools and programme report jobs.

Reminders: `reminders_send` records one Reminder per late school among those chosen,
puts a workspace notice in each of its teachers' workspace at once, and queues the
e-mails (Celery, after the commit). A school reminded less than REMINDER_PAUSE ago is
skipped, so a double click never reminds twice. `reminder_emails_send` sends a
reminder's e-mails once (emailed_at), whatever the number of retries.

Reports: `report_job_start` queues a ReportJob (or returns the one the same person already
has queued or running for the programme); `report_job_run` moves it queued → running →
done | failed. A queued or running job with no heartbeat for REPORT_STALE_AFTER (a killed
worker) is marked failed by `report_job_start`, with REPORT_INTERRUPTED, and a new one is
queued in its place: a stuck job never blocks the next report. A report is made for the
person who asked, with what they may see on the board (an officer's covers the schools
under their area), so a job is theirs alone.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from home.services import notice_send
from schools.models import Programme, Reminder, ReportJob
from schools.models.monitoring import ReminderTopic, ReportStatus
from schools.monitoring.jobs import teachers_by_school
from schools.monitoring.registry import LATE
from schools.monitoring.selectors import board_for
from schools.monitoring.tasks import make_programme_report, send_reminder_emails

REMINDER_PAUSE = timedelta(hours=1)

# What the person sees on a job that was found stale (stored in Vietnamese, like the PDF).
REPORT_INTERRUPTED = gettext_lazy("Making the report was interrupted; please make it again.")


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
    teachers = teachers_by_school([row.school.pk for row in late])
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

    for reminder in reminders:
        transaction.on_commit(lambda pk=reminder.pk: send_reminder_emails.delay(pk))
    return reminders


# Reports ------------------------------------------------------------------------------------


def report_job_start(*, programme: Programme, user, now=None) -> ReportJob:
    """Queue the user's programme report, or return their job already queued or running for it.

    A job of theirs that is stale at `now` (ReportJob.is_stale) is marked failed first and
    a new one queued.
    """
    now = now or timezone.now()
    with transaction.atomic():
        Programme.objects.select_for_update().filter(pk=programme.pk).first()
        active = ReportJob.objects.filter(
            programme=programme, requested_by=user, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]
        )
        for running in active:
            if not running.is_stale(now):
                return running
            with override("vi"):
                error = str(REPORT_INTERRUPTED)
            ReportJob.objects.filter(pk=running.pk, status=running.status).update(
                status=ReportStatus.FAILED, error=error, finished_at=now
            )
        job = ReportJob(programme=programme, requested_by=user)
        job.full_clean()
        job.save()

        transaction.on_commit(lambda: make_programme_report.delay(job.pk))
    return job

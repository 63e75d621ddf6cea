"""The work the monitoring board's Celery tasks run (schools/monitoring/tasks.py): the
reminder e-mails of one Reminder, once, and building a programme report job's PDF and
XLSX. Queued by schools/monitoring/services.py, which imports the tasks; keeping this
work here lets the tasks import it without a cycle.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from schools.enums import Role
from schools.models import Membership, Reminder, ReportJob
from schools.models.monitoring import ReportStatus
from schools.monitoring.reports import build_report


def teachers_by_school(school_ids) -> dict[int, list]:
    teachers: dict[int, list] = {}
    memberships = Membership.objects.filter(role=Role.TEACHER, school_id__in=school_ids, user__is_active=True)
    for m in memberships.select_related("user").order_by("pk"):
        teachers.setdefault(m.school_id, []).append(m.user)
    return teachers


def reminder_emails_send(*, reminder: Reminder) -> int:
    """E-mail the reminder to the school's teachers, once: 0 when already sent."""
    with transaction.atomic():
        locked = Reminder.objects.select_for_update().filter(pk=reminder.pk, emailed_at__isnull=True).first()
        if locked is None:
            return 0
        locked = Reminder.objects.select_related("programme", "school", "sent_by").get(pk=locked.pk)
        users = teachers_by_school([locked.school_id]).get(locked.school_id, [])
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


def report_job_progress(*, job: ReportJob, progress: int, step: str) -> None:
    """Record the step; it is also the job's heartbeat (see REPORT_STALE_AFTER)."""
    ReportJob.objects.filter(pk=job.pk, status=ReportStatus.RUNNING).update(
        progress=progress, step=step[:120], heartbeat_at=timezone.now()
    )


def report_job_run(*, job: ReportJob) -> ReportJob:
    """Build the PDF and the XLSX. A job that is done or failed is left as it is.

    A running job is built again from the start: the task is delivered again only when its
    worker was lost (late acks; the broker's visibility timeout is longer than any run). A
    job found stale and marked failed by report_job_start is never taken up again.
    """

    claimed = ReportJob.objects.filter(pk=job.pk, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]).update(
        status=ReportStatus.RUNNING, progress=1, step="", heartbeat_at=timezone.now()
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
    # Only a job still running is finished: one marked failed meanwhile (stale) stays failed.
    fields = ["pdf", "xlsx", "status", "progress", "step", "error", "finished_at"]
    ReportJob.objects.filter(pk=job.pk, status=ReportStatus.RUNNING).update(
        **{name: getattr(job, name) for name in fields}
    )
    job.refresh_from_db()
    return job

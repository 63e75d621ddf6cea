"""Records of the monitoring board: reminders sent to late schools, programme report jobs.

Both are written only by schools.monitoring.services.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.storage import get_private_storage

from .places import School
from .programmes import Programme


class ReminderTopic(models.TextChoices):
    PLAN = "plan", _("Action plan")
    BASELINE = "baseline", _("Baseline audit")
    FINAL = "final", _("Final audit")
    GENERAL = "general", _("Late items")


class Reminder(models.Model):
    """One reminder to one school's teachers: who sent it, when, about what.

    `emailed_at` is set by the Celery task once the e-mails are out, so a retried or
    duplicated task never sends them twice.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("programme")
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("school"))
    topic = models.CharField(_("about"), max_length=10, choices=ReminderTopic.choices, default=ReminderTopic.GENERAL)
    message = models.TextField(_("message"), blank=True)
    late_items = models.JSONField(_("late items"), default=list, blank=True)
    recipients = models.PositiveIntegerField(_("teachers reminded"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("sent by")
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["programme", "school", "-created_at"], name="reminder_programme_school")]

    def __str__(self):
        return f"{self.school} – {self.created_at:%Y-%m-%d}"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


# A queued or running report whose heartbeat (else its creation) is older than this has no
# worker any more: the task's hard time limit (CELERY_TASK_TIME_LIMIT, 10 min) has killed
# any run that old, and a run touches the heartbeat at every step. Such a job counts as
# failed (ReportJob.is_stale) and report_job_start replaces it.
REPORT_STALE_AFTER = timedelta(minutes=10)


class ReportJob(models.Model):
    """A programme report made by Celery: its progress, then the PDF and the XLSX (private files).

    `heartbeat_at` is touched when a worker claims the job and at every progress step.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="report_jobs", verbose_name=_("programme")
    )
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=120, blank=True)
    pdf = models.FileField(upload_to="reports/", storage=get_private_storage, blank=True, max_length=200)
    xlsx = models.FileField(upload_to="reports/", storage=get_private_storage, blank=True, max_length=200)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("programme report")
        verbose_name_plural = _("programme reports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.programme} – {self.created_at:%Y-%m-%d %H:%M}"

    def is_stale(self, now) -> bool:
        """Queued or running, with no sign of life for REPORT_STALE_AFTER before `now`."""
        if self.status not in (ReportStatus.QUEUED, ReportStatus.RUNNING):
            return False
        return (self.heartbeat_at or self.created_at) < now - REPORT_STALE_AFTER

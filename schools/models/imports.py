"""Import jobs: a large import (schools, users, audit lines, …) run by Celery with its progress.

Written only by schools.imports.services (start) and schools.imports.jobs (run).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.storage import get_private_storage


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportStep(models.TextChoices):
    WAITING = "", _("Waiting for a worker")
    CHECKING = "checking", _("Checking the rows")
    WRITING = "writing", _("Saving, all at once")


# As REPORT_STALE_AFTER: the task's hard time limit (10 min) has killed any run that old, and
# a run touches the heartbeat every 1,000 rows checked. A stale job counts as interrupted.
IMPORT_STALE_AFTER = timedelta(minutes=10)


class ImportJob(models.Model):
    """One uploaded file imported in the background, all or nothing.

    `kind` names an entry of schools.imports.registry; `options` holds what that kind needs
    (e.g. the programme of an audit import). `result` is the ImportResult once done:
    counts, every bad line and the notes, in the importer's language. The stored file is
    private and deleted when the job ends. `heartbeat_at` is touched at every progress step.
    """

    kind = models.CharField(_("kind"), max_length=40)
    options = models.JSONField(_("options"), default=dict, blank=True)
    dry_run = models.BooleanField(_("only check"), default=False)
    file = models.FileField(upload_to="imports/", storage=get_private_storage, blank=True, max_length=200)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    language = models.CharField(max_length=10, default="vi")
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    step = models.CharField(_("step"), max_length=10, choices=ImportStep.choices, blank=True, default="")
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows"), default=0)
    result = models.JSONField(_("result"), null=True, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.kind} – {self.file_name}"

    def is_stale(self, now) -> bool:
        """Queued or running, with no sign of life for IMPORT_STALE_AFTER before `now`."""
        if self.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
            return False
        return (self.heartbeat_at or self.created_at) < now - IMPORT_STALE_AFTER

    @property
    def percent(self) -> int:
        """Checking is the first 90 %; the single write step the rest."""
        if self.status == ImportStatus.DONE:
            return 100
        if self.step == ImportStep.WRITING:
            return 95
        return int(90 * self.done / self.total) if self.total else 0

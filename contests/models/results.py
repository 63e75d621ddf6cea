import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from contests.enums import BatchStatus, CertificateRevocation, ImplementationStatus
from home.storage import get_private_storage

from .contests import Contest, PrizeTier
from .entries import Entry
from .judging import Round


class TieDecision(models.Model):
    """The chair's recorded order of tied entries (the last step of the cascade)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="tie_decisions", verbose_name=_("round"))
    entry_ids = models.JSONField(_("entries, best first"))
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tie decision")
        verbose_name_plural = _("tie decisions")
        ordering = ["round", "-decided_at"]

    def __str__(self):
        return f"{self.round}: {self.entry_ids}"


class ResultSnapshot(models.Model):
    """A frozen, hashed record of a round's results: method, parameters and per-entry
    rows (score, standard error, spread, rank, tier, trace). Never edited: publishing
    again makes a new snapshot."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="snapshots", verbose_name=_("round"))
    method = models.CharField(_("method"), max_length=20)
    parameters = models.JSONField(_("parameters"), default=dict)
    rows = models.JSONField(_("results"))
    sha256 = models.CharField(_("hash"), max_length=64)
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("result snapshot")
        verbose_name_plural = _("result snapshots")
        ordering = ["round", "-created_at"]

    def __str__(self):
        return f"{self.round} – {self.created_at:%Y-%m-%d %H:%M}"


class Award(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="awards", verbose_name=_("contest"))
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="awards", verbose_name=_("entry"))
    tier = models.ForeignKey(PrizeTier, on_delete=models.PROTECT, related_name="awards", verbose_name=_("prize"))
    snapshot = models.ForeignKey(ResultSnapshot, on_delete=models.PROTECT, null=True, blank=True, related_name="awards")
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["contest", "tier__order", "entry__code"]
        constraints = [models.UniqueConstraint(fields=["contest", "entry"], name="unique_award_per_entry")]

    def __str__(self):
        return f"{self.tier.name} – {self.entry}"


# A queued or running batch whose heartbeat (else its creation) is older than this has no
# worker any more: a run touches the heartbeat at every certificate (one PDF takes well
# under a second) and the task's hard time limit (CELERY_TASK_TIME_LIMIT, 10 min) kills any
# run before. Such a batch counts as failed and no longer blocks a new one.
BATCH_STALE_AFTER = timedelta(minutes=15)


class CertificateBatch(models.Model):
    """A Celery batch of certificate PDFs, with its progress and the ZIP of them all.

    `heartbeat_at` is touched when a worker takes the batch and at every certificate.
    """

    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="certificate_batches", verbose_name=_("contest")
    )
    include_participants = models.BooleanField(_("also for every participant"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    archive = models.FileField(upload_to="certificates/", storage=get_private_storage, blank=True, max_length=200)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.contest} – {self.created_at:%Y-%m-%d %H:%M}"

    def is_stale(self, now) -> bool:
        """Queued or running, with no sign of life for BATCH_STALE_AFTER before `now`."""
        if self.status not in (BatchStatus.QUEUED, BatchStatus.RUNNING):
            return False
        return (self.heartbeat_at or self.created_at) < now - BATCH_STALE_AFTER


class Certificate(models.Model):
    """One certificate: for an award, or for taking part. `code` is printed on it and
    confirmed by the public verification page, unless it is revoked: the student's data
    was erased, or a newer batch made it again (`replaced_by`, with a new code).

    `recipient` is the name as printed, in full (the child's own document); the public
    page names them by the consent rule at the time it is read. `printed_on` is the date
    printed: the publication date of the results (Hà Nội)."""

    batch = models.ForeignKey(CertificateBatch, on_delete=models.CASCADE, related_name="certificates")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("entry"))
    award = models.ForeignKey(Award, on_delete=models.CASCADE, null=True, blank=True, related_name="certificates")
    # A participant's own certificate names the student; the team's (per award) has none.
    student = models.ForeignKey(
        "schools.Student", on_delete=models.PROTECT, null=True, blank=True, related_name="certificates"
    )
    recipient = models.CharField(_("awarded to"), max_length=200)
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    file = models.FileField(upload_to="certificates/", storage=get_private_storage, blank=True, max_length=200)
    issued_at = models.DateTimeField(auto_now_add=True)
    printed_on = models.DateField(_("date printed"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(
        _("why revoked"), max_length=10, choices=CertificateRevocation.choices, blank=True
    )
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("replaced by")
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        # A batch makes each certificate once, however often its task runs.
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "entry"], condition=Q(student__isnull=True), name="unique_team_certificate_in_batch"
            ),
            models.UniqueConstraint(
                fields=["batch", "entry", "student"],
                condition=Q(student__isnull=False),
                name="unique_member_certificate_in_batch",
            ),
        ]

    def __str__(self):
        return self.code


class Implementation(models.Model):
    """How a selected initiative is being carried out, updated by its school."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="implementation")
    status = models.CharField(
        _("status"), max_length=12, choices=ImplementationStatus.choices, default=ImplementationStatus.NOT_STARTED
    )
    progress_pct = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("implementation")
        verbose_name_plural = _("implementations")

    def __str__(self):
        return str(self.entry)


def milestone_photo_to(instance, filename):
    return f"contests/implementation/{uuid.uuid4().hex}.jpg"


class Milestone(models.Model):
    implementation = models.ForeignKey(Implementation, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    title = models.CharField(_("what was done"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    photo = models.FileField(
        _("photo"), upload_to=milestone_photo_to, storage=get_private_storage, blank=True, max_length=200
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["implementation", "date", "pk"]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    """A measured effect, e.g. 12.5 m³ of water saved, with an optional target."""

    implementation = models.ForeignKey(Implementation, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=120)
    unit = models.CharField(_("unit"), max_length=20)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    value = models.DecimalField(_("value so far"), max_digits=12, decimal_places=2, default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["implementation", "name"]
        constraints = [models.UniqueConstraint(fields=["implementation", "name"], name="unique_indicator_name")]

    def __str__(self):
        return f"{self.name}: {self.value} {self.unit}"

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from audits.enums import MAX_MASS_G, Abnormal, Phase, SessionStatus
from home.storage import get_private_storage


class AuditPeriod(models.Model):
    """The baseline or final audit window of a programme; every session falls inside one."""

    programme = models.ForeignKey(
        "schools.Programme", on_delete=models.CASCADE, related_name="audit_periods", verbose_name=_("programme")
    )
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("audit period")
        verbose_name_plural = _("audit periods")
        ordering = ["programme", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "phase"], name="unique_audit_period_phase"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="auditperiod_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.programme} – {self.get_phase_display()}"


class AuditSession(models.Model):
    """One collection day at one school. Only verified, normal days count in the results.

    `client_id` is made by the form when it is first shown: a resubmitted form (double
    tap, retry on a flaky connection) finds its session instead of creating another.
    """

    period = models.ForeignKey(AuditPeriod, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("period"))
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="audit_sessions", verbose_name=_("school")
    )
    date = models.DateField(_("date"))
    students_present = models.PositiveIntegerField(_("students present"), null=True, blank=True)
    staff_present = models.PositiveIntegerField(_("staff present"), default=0)
    abnormal = models.JSONField(_("abnormal day"), default=list, blank=True)
    # Kept equal to bool(abnormal) by save() and the services, so results filter in SQL.
    is_abnormal = models.BooleanField(_("abnormal"), default=False, editable=False)
    areas = models.JSONField(_("areas covered"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.DRAFT, db_index=True
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="audits/", storage=get_private_storage, blank=True)
    client_id = models.UUIDField(_("form id"), default=uuid.uuid4, unique=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("audit day")
        verbose_name_plural = _("audit days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["school", "date"], name="unique_audit_session_per_school_day"),
            models.CheckConstraint(
                condition=Q(students_present__isnull=True) | Q(students_present__gt=0),
                name="auditsession_students_present_positive",
            ),
        ]

    def __str__(self):
        return f"{self.school} – {self.date:%d/%m/%Y}"

    @property
    def persons_present(self) -> int:
        return (self.students_present or 0) + (self.staff_present or 0)

    def save(self, *args, **kwargs):
        self.is_abnormal = bool(self.abnormal)
        super().save(*args, **kwargs)

    def abnormal_labels(self) -> list[str]:
        labels = dict(Abnormal.choices)
        return [str(labels.get(code, code)) for code in self.abnormal]


class AuditLine(models.Model):
    """Net mass (g) and item count of one category on one day."""

    session = models.ForeignKey(AuditSession, on_delete=models.CASCADE, related_name="lines", verbose_name=_("day"))
    category = models.ForeignKey(
        "audits.WasteCategory", on_delete=models.PROTECT, related_name="lines", verbose_name=_("category")
    )
    mass_g = models.DecimalField(_("mass (g)"), max_digits=9, decimal_places=1, null=True, blank=True)
    item_count = models.PositiveIntegerField(_("item count"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit line")
        verbose_name_plural = _("audit lines")
        constraints = [
            models.UniqueConstraint(fields=["session", "category"], name="unique_audit_line_per_category"),
            models.CheckConstraint(
                condition=Q(mass_g__isnull=True) | (Q(mass_g__gte=0) & Q(mass_g__lte=MAX_MASS_G)),
                name="auditline_mass_in_range",
            ),
            models.CheckConstraint(
                condition=Q(item_count__isnull=True) | Q(item_count__gte=0), name="auditline_count_non_negative"
            ),
        ]

    def __str__(self):
        return f"{self.session} – {self.category_id}"


class AuditCorrection(models.Model):
    """A change to a verified day: the old value and the reason are kept."""

    session = models.ForeignKey(
        AuditSession, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("day")
    )
    category = models.ForeignKey(
        "audits.WasteCategory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("category"),
    )
    field = models.CharField(_("field"), max_length=40)
    old_value = models.CharField(_("old value"), max_length=40, blank=True)
    new_value = models.CharField(_("new value"), max_length=40, blank=True)
    reason = models.TextField(_("reason"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    corrected_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("audit correction")
        verbose_name_plural = _("audit corrections")
        ordering = ["corrected_at", "id"]

    def __str__(self):
        return f"{self.session}: {self.field} {self.old_value} → {self.new_value}"

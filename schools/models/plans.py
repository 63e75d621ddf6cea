"""A school's action plan for a programme, its parts, its submitted versions and reviews.

Status and `version` change only through schools.plans.services. `version` is the
optimistic lock: every save form carries the version it was loaded at, and a save
whose version no longer matches is refused, so two teachers never overwrite each other.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.storage import get_private_storage
from schools.enums import PLAN_EDITABLE, ActivityKind, ActivityStatus, PlanSection, PlanStatus, TeamRole

from .people import Student
from .places import School
from .programmes import Programme

AUDIT_WEEK_DAYS = 5  # a school week, Monday to Friday


class ActionPlan(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="plans", verbose_name=_("programme")
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="plans", verbose_name=_("school"))
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    version = models.PositiveIntegerField(_("edit version"), default=1)
    baseline_week_starts_on = models.DateField(_("baseline audit week starts on"), null=True, blank=True)
    final_week_starts_on = models.DateField(_("final audit week starts on"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(fields=["programme", "school"], name="unique_plan_per_programme_school"),
            models.CheckConstraint(
                name="plan_final_week_after_baseline",
                condition=Q(baseline_week_starts_on__isnull=True)
                | Q(final_week_starts_on__isnull=True)
                | Q(final_week_starts_on__gt=models.F("baseline_week_starts_on")),
            ),
        ]

    def __str__(self):
        return f"{self.school} – {self.programme}"

    @property
    def is_editable(self) -> bool:
        return self.status in PLAN_EDITABLE

    @staticmethod
    def week_end(starts_on):
        return starts_on + timedelta(days=AUDIT_WEEK_DAYS - 1) if starts_on else None

    @property
    def baseline_week_ends_on(self):
        return self.week_end(self.baseline_week_starts_on)

    @property
    def final_week_ends_on(self):
        return self.week_end(self.final_week_starts_on)


class CoreTeamMember(models.Model):
    """A teacher (a user) or a student of the plan's school on the core team (Tổ nòng cốt)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="team", verbose_name=_("plan"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    student = models.ForeignKey(Student, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    team_role = models.CharField(_("team role"), max_length=20, choices=TeamRole.choices, default=TeamRole.MEMBER)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("core team member")
        verbose_name_plural = _("core team members")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                name="team_member_is_user_or_student",
                condition=Q(user__isnull=False, student__isnull=True) | Q(user__isnull=True, student__isnull=False),
            )
        ]

    def __str__(self):
        return str(self.user or self.student)

    @property
    def person_key(self) -> str:
        return f"u{self.user_id}" if self.user_id else f"s{self.student_id}"


class Goal(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals", verbose_name=_("plan"))
    text = models.CharField(_("goal"), max_length=300)
    indicator = models.CharField(_("indicator"), max_length=200, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["position", "id"]

    def __str__(self):
        return self.text


class Activity(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("plan"))
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices, default=ActivityKind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    responsible = models.CharField(_("responsible"), max_length=150, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                name="activity_ends_after_start",
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
            )
        ]

    def __str__(self):
        return self.title


def _attachment_path(instance, filename):
    # The server names the file; the user's name is kept only as a label.
    return f"plans/{uuid.uuid4().hex}{instance.extension}"


class Attachment(models.Model):
    """A file checked by its content; served only through a permission-checked view."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("plan"))
    file = models.FileField(_("file"), upload_to=_attachment_path, storage=get_private_storage, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=10)  # pdf, docx, xlsx, jpeg, png
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    @property
    def extension(self) -> str:
        return {"jpeg": ".jpg"}.get(self.kind, f".{self.kind}")


class PlanVersion(models.Model):
    """A frozen JSON snapshot of the plan as it was submitted (numbered 1, 2, …)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan"))
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version_number")]

    def __str__(self):
        return f"{self.plan} v{self.number}"


class ReviewComment(models.Model):
    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="comments", verbose_name=_("version")
    )
    section = models.CharField(_("section"), max_length=20, choices=PlanSection.choices)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]

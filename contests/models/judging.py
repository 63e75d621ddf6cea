import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from contests.enums import (
    AdvanceRule,
    Aggregation,
    ConflictSource,
    EvaluationStatus,
    RoundMode,
    RoundStatus,
)

from .contests import Contest
from .entries import Entry


class Round(ClusterableModel):
    """A judging round (Sơ khảo, Chung khảo, the live showcase) of a contest."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("contest"))
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("name"), max_length=120)
    mode = models.CharField(_("mode"), max_length=10, choices=RoundMode.choices, default=RoundMode.RUBRIC)
    blind = models.BooleanField(
        _("blind"), default=False, help_text=_("Judges see no school or student names, file names or image metadata.")
    )
    judges_see_others = models.BooleanField(_("judges see each other's scores"), default=False)
    aggregation = models.CharField(
        _("aggregation"), max_length=10, choices=Aggregation.choices, default=Aggregation.AUTO
    )
    advance_rule = models.CharField(
        _("how entries advance"), max_length=10, choices=AdvanceRule.choices, default=AdvanceRule.MANUAL
    )
    advance_count = models.PositiveSmallIntegerField(_("number that advance"), null=True, blank=True)
    advance_threshold = models.DecimalField(
        _("score needed to advance"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    judges_per_entry = models.PositiveSmallIntegerField(
        _("judges per entry"), null=True, blank=True, help_text=_("For balanced automatic assignment.")
    )
    opens_at = models.DateTimeField(_("scoring opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("scoring closes"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT, db_index=True
    )

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["contest", "order"]
        constraints = [models.UniqueConstraint(fields=["contest", "order"], name="unique_round_order")]

    def __str__(self):
        return f"{self.contest} – {self.name}"


class Criterion(models.Model):
    """A rubric line. `levels` is a list of {"score": n, "description": "..."} shown to judges.

    Criteria with `counted` False are shown for comments only and never enter S.
    """

    round = ParentalKey(Round, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("round"))
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("name"), max_length=120)
    help_text = models.TextField(_("guidance"), blank=True)
    levels = models.JSONField(_("level descriptions"), default=list, blank=True)
    min_score = models.DecimalField(_("lowest score"), max_digits=6, decimal_places=2, default=0)
    max_score = models.DecimalField(_("highest score"), max_digits=6, decimal_places=2, default=10)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    counted = models.BooleanField(_("counted in the score"), default=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["round", "order"]
        constraints = [
            models.UniqueConstraint(fields=["round", "order"], name="unique_criterion_order"),
            models.CheckConstraint(condition=Q(max_score__gt=F("min_score")), name="criterion_max_above_min"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self):
        return self.name


class Assignment(models.Model):
    """A judge is to score an entry in a round. `position` is the presentation order."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("round"))
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("judge")
    )
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("entry"))
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["round", "judge", "position", "entry__code"]
        constraints = [models.UniqueConstraint(fields=["round", "judge", "entry"], name="unique_assignment")]

    def __str__(self):
        return f"{self.judge} – {self.entry}"


class ConflictOfInterest(models.Model):
    """A judge may not see or score entries of a school (or one entry). A conflicted
    judge is never assigned, cannot open or score, and their scores never count."""

    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("judge")
    )
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("contest"))
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("school")
    )
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, null=True, blank=True, related_name="conflicts", verbose_name=_("entry")
    )
    source = models.CharField(_("source"), max_length=10, choices=ConflictSource.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.CheckConstraint(
                condition=Q(school__isnull=False, entry__isnull=True) | Q(school__isnull=True, entry__isnull=False),
                name="conflict_names_school_or_entry",
            ),
            models.UniqueConstraint(
                fields=["judge", "contest", "school"], condition=Q(school__isnull=False), name="unique_school_conflict"
            ),
            models.UniqueConstraint(
                fields=["judge", "contest", "entry"], condition=Q(entry__isnull=False), name="unique_entry_conflict"
            ),
        ]

    def __str__(self):
        return f"{self.judge} ✕ {self.school or self.entry}"


class Evaluation(models.Model):
    """One judge's score sheet of one entry in one round; locked once submitted.

    `total` is S on 0–100 (DESIGN §5), computed by the service from the stored
    criterion scores when the sheet is submitted; `passed` is the screening verdict.
    """

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("round"))
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("judge")
    )
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("entry"))
    status = models.CharField(
        _("status"), max_length=10, choices=EvaluationStatus.choices, default=EvaluationStatus.DRAFT, db_index=True
    )
    total = models.DecimalField(_("score (0–100)"), max_digits=7, decimal_places=4, null=True, blank=True)
    passed = models.BooleanField(_("passes"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    client_id = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [models.UniqueConstraint(fields=["round", "judge", "entry"], name="unique_evaluation")]

    def __str__(self):
        return f"{self.judge} – {self.entry}"


class CriterionScore(models.Model):
    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="scores", verbose_name=_("evaluation")
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("criterion"))
    value = models.DecimalField(_("score"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [models.UniqueConstraint(fields=["evaluation", "criterion"], name="unique_criterion_score")]

    def __str__(self):
        return f"{self.criterion}: {self.value}"

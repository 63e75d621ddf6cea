from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from contests.enums import ContestKind, ContestStatus, TiePolicy

# The declared tie-break cascade (DESIGN §5); a contest may reorder or drop steps
# before judging starts. The chair's recorded decision always comes last.
DEFAULT_TIE_BREAK = ["score", "median", "priority_criterion", "top_marks", "head_to_head"]


class Contest(ClusterableModel):
    """A contest of a programme. Times are stored in UTC and shown in Asia/Ho_Chi_Minh.

    Eligible schools: the programme's enrolled schools of `eligible_levels` (all levels
    when empty), narrowed to `eligible_schools` when any are chosen.
    """

    programme = models.ForeignKey(
        "schools.Programme", on_delete=models.PROTECT, related_name="contests", verbose_name=_("programme")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ContestKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    code_prefix = models.CharField(
        _("entry code prefix"), max_length=8, help_text=_("Entry codes are this prefix and a number, e.g. NTL-007.")
    )
    summary = models.TextField(_("summary"), blank=True)
    rules = models.TextField(_("rules"), blank=True)
    eligible_levels = models.JSONField(_("eligible school levels"), default=list, blank=True)
    eligible_schools = models.ManyToManyField(
        "schools.School", blank=True, related_name="eligible_contests", verbose_name=_("eligible schools")
    )
    opens_at = models.DateTimeField(_("submissions open"))
    closes_at = models.DateTimeField(_("submission deadline"))
    max_entries_per_school = models.PositiveSmallIntegerField(
        _("entries per school"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    max_entries_per_student = models.PositiveSmallIntegerField(
        _("entries per student"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    slogan_max_length = models.PositiveSmallIntegerField(_("longest slogan (characters)"), default=150)
    duplicate_threshold = models.PositiveSmallIntegerField(
        _("near-duplicate threshold (%)"), default=85, help_text=_("Slogans at least this similar are flagged.")
    )
    tie_break = models.JSONField(_("tie-break order"), default=list, blank=True)
    priority_criterion = models.CharField(
        _("priority criterion for ties"), max_length=120, blank=True, help_text=_("The name of a rubric criterion.")
    )
    tie_policy = models.CharField(
        _("ties at a prize boundary"), max_length=10, choices=TiePolicy.choices, default=TiePolicy.FLAG
    )
    results_public = models.BooleanField(_("publish results on the public site"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ContestStatus.choices, default=ContestStatus.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        ordering = ["-opens_at", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="contest_closes_after_open"),
        ]

    def __str__(self):
        return self.title

    @property
    def tie_break_steps(self) -> list[str]:
        return list(self.tie_break or DEFAULT_TIE_BREAK)


class PrizeTier(models.Model):
    """A prize (or "selected for support") with how many entries it holds, filled in rank order."""

    contest = ParentalKey(Contest, on_delete=models.CASCADE, related_name="prize_tiers", verbose_name=_("contest"))
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("name"), max_length=120)
    count = models.PositiveSmallIntegerField(_("number of prizes"))
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("prize tier")
        verbose_name_plural = _("prize tiers")
        ordering = ["contest", "order"]
        constraints = [models.UniqueConstraint(fields=["contest", "order"], name="unique_prize_tier_order")]

    def __str__(self):
        return f"{self.name} ({self.count})"


class JudgeInvitation(models.Model):
    """A judge invited to a contest (their JUDGE membership scopes them to its programme)."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="judges", verbose_name=_("contest"))
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judging", verbose_name=_("judge")
    )
    is_chair = models.BooleanField(_("chair"), default=False)
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        constraints = [models.UniqueConstraint(fields=["contest", "judge"], name="unique_contest_judge")]

    def __str__(self):
        return f"{self.judge} – {self.contest}"

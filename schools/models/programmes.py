from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .places import Area, School, SchoolYear


class Programme(models.Model):
    """A programme run by the NGO with schools of one area in one school year."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    school_year = models.ForeignKey(
        SchoolYear, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("school year")
    )
    organiser = models.CharField(_("organised by"), max_length=200, blank=True)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("area"))
    themes = models.JSONField(_("themes"), default=list, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    reduction_target_pct = models.DecimalField(
        _("reduction target (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("20"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    required_audit_days = models.PositiveSmallIntegerField(_("required audit days"), default=5)
    plan_deadline = models.DateField(
        _("action plan deadline"), null=True, blank=True, help_text=_("Schools submit their action plans by this day.")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Published programmes show their aggregate figures publicly.")
    )
    schools = models.ManyToManyField(School, through="Enrolment", related_name="programmes", verbose_name=_("schools"))

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-school_year__starts_on", "name"]

    def __str__(self):
        return self.name


class Enrolment(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("programme")
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("school"))
    enrolled_on = models.DateField(_("enrolled on"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["programme", "school"], name="unique_enrolment")]

    def __str__(self):
        return f"{self.school} – {self.programme}"


class EnrolmentWithdrawal(models.Model):
    """A school taken out of a programme: who, when, why. Written only by enrolment_withdraw.

    The Enrolment row goes (so the school leaves the board, the counts and the
    organiser's lists); this row keeps the record, and everything the school did in the
    programme (plans, audit days, entries) stays where it is.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="withdrawals", verbose_name=_("programme")
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="withdrawals", verbose_name=_("school"))
    enrolled_on = models.DateField(_("enrolled on"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    withdrawn_by = models.ForeignKey(
        "home.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("withdrawn by")
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"))

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return f"{self.school} – {self.programme}"

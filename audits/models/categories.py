from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from audits.enums import MeasuredBy


class WasteCategory(models.Model):
    """A node of the category tree (stream → material → item). `code` is stable: imports use it.

    A category in use is retired, never deleted (AuditLine.category is PROTECT).
    """

    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    is_low_value_plastic = models.BooleanField(_("low-value plastic"), default=False)
    is_hazardous = models.BooleanField(_("hazardous"), default=False)
    measured_by = models.CharField(
        _("measured by"), max_length=10, choices=MeasuredBy.choices, default=MeasuredBy.WEIGHT
    )
    typical_item_mass_g = models.DecimalField(
        _("typical item mass (g)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)
    retired = models.BooleanField(_("retired"), default=False, help_text=_("Retired categories are not recorded."))

    class Meta:
        verbose_name = _("waste category")
        verbose_name_plural = _("waste categories")
        ordering = ["sort_order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(typical_item_mass_g__isnull=True) | models.Q(typical_item_mass_g__gt=0),
                name="wastecategory_item_mass_positive",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (translation.get_language() or "vi").startswith("en") else self.name_vi

    @property
    def by_weight(self) -> bool:
        return self.measured_by in (MeasuredBy.WEIGHT, MeasuredBy.BOTH)

    @property
    def by_count(self) -> bool:
        return self.measured_by in (MeasuredBy.COUNT, MeasuredBy.BOTH)

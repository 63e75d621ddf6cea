from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from schools.enums import AreaKind, SchoolLevel


class Area(MP_Node):
    """A node of the place tree: city → former district or cluster → ward/commune.

    Materialised paths make "every school under this node" one indexed prefix query,
    which is how an officer's scope is resolved.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=AreaKind.choices)
    name = models.CharField(_("name"), max_length=120)
    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        # No node_order_by: sorted inserts would rewrite siblings' paths under live objects.
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name


class School(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=SchoolLevel.choices)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="schools", verbose_name=_("area"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SchoolYear(models.Model):
    name = models.CharField(_("name"), max_length=20, unique=True, help_text=_("For example 2022-2023."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("school year")
        verbose_name_plural = _("school years")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="schoolyear_ends_after_start"
            )
        ]

    def __str__(self):
        return self.name


class SchoolYearProfile(models.Model):
    """A school's figures for one year: the denominators of per-person rates and reach."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="profiles", verbose_name=_("school"))
    year = models.ForeignKey(
        SchoolYear, on_delete=models.PROTECT, related_name="profiles", verbose_name=_("school year")
    )
    enrolment = models.PositiveIntegerField(_("students enrolled"), null=True, blank=True)
    staff = models.PositiveIntegerField(_("staff"), null=True, blank=True)
    classes = models.PositiveIntegerField(_("classes"), null=True, blank=True)
    semi_boarding_students = models.PositiveIntegerField(_("semi-boarding students"), null=True, blank=True)

    class Meta:
        verbose_name = _("school year profile")
        verbose_name_plural = _("school year profiles")
        constraints = [models.UniqueConstraint(fields=["school", "year"], name="unique_profile_per_school_year")]

    def __str__(self):
        return f"{self.school} – {self.year}"


class Classroom(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="classrooms", verbose_name=_("school"))
    year = models.ForeignKey(
        SchoolYear, on_delete=models.PROTECT, related_name="classrooms", verbose_name=_("school year")
    )
    name = models.CharField(_("name"), max_length=40, help_text=_("For example 6A1."))
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True, help_text=_("0 for preschool."))

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["grade", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "year", "name"], name="unique_classroom_name_per_school_year")
        ]

    def __str__(self):
        return self.name

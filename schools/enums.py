from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaKind(models.TextChoices):
    CITY = "city", _("City")
    DISTRICT_CLUSTER = "district_cluster", _("Former district or cluster")
    WARD = "ward", _("Ward")
    COMMUNE = "commune", _("Commune")


class SchoolLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("Preschool")
    PRIMARY = "primary", _("Primary")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary")
    MULTI = "multi", _("Multi-level")


class Role(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    OFFICER = "officer", _("Education officer")
    TEACHER = "teacher", _("Teacher")
    STUDENT = "student", _("Student")
    JUDGE = "judge", _("Judge")


class Theme(models.TextChoices):
    ENERGY = "energy", _("Energy")
    WASTE = "waste", _("Waste")
    ELECTRICITY = "electricity", _("Electricity")
    WATER = "water", _("Water")
    AIR = "air", _("Air")
    GREEN_SPACE = "green_space", _("Green space")


# Which scope a role's membership must name (checked by a database constraint).
SCHOOL_ROLES = (Role.TEACHER, Role.STUDENT)
AREA_ROLES = (Role.OFFICER,)

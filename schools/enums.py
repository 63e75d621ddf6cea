from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


# Action plans ---------------------------------------------------------------------------


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")


# Coverage shows schools without a plan row as "not started" (never stored).
PLAN_NOT_STARTED = "not_started"
PLAN_EDITABLE = (PlanStatus.DRAFT, PlanStatus.RETURNED)


class ActivityKind(models.TextChoices):
    COMMUNICATION = "communication", _("Communication")
    TRAINING = "training", _("Training")
    COLLECTION = "collection", pgettext_lazy("plan activity", "Collection")
    AUDIT = "audit", _("Waste audit")
    CONTEST = "contest", _("Contest")
    OTHER = "other", _("Other")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class TeamRole(models.TextChoices):
    LEADER = "leader", _("Team leader")
    DEPUTY = "deputy", _("Deputy leader")
    MEMBER = "member", _("Member")
    STUDENT_LEADER = "student_leader", _("Student leader")


class PlanSection(models.TextChoices):
    TEAM = "team", _("Core team")
    GOALS = "goals", _("Goals")
    ACTIVITIES = "activities", _("Activities")
    WEEKS = "weeks", _("Audit weeks")
    ATTACHMENTS = "attachments", _("Attachments")
    GENERAL = "general", _("The whole plan")


# Students ---------------------------------------------------------------------------------


class ConsentParty(models.TextChoices):
    """Whose consent a ConsentRecord is (Law 91/2025: the child of 7 or more, and a parent or guardian)."""

    CHILD = "child", _("The student")
    GUARDIAN = "guardian", _("A parent or guardian")

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    FINAL = "final", _("Final")


class MeasuredBy(models.TextChoices):
    WEIGHT = "weight", _("Weight")
    COUNT = "count", _("Count")
    BOTH = "both", _("Weight and count")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned")


# Statuses in which the recorders may still change the day.
EDITABLE = (SessionStatus.DRAFT, SessionStatus.RETURNED)


class Abnormal(models.TextChoices):
    """Why a day does not represent a normal school day; such days are excluded by default."""

    EXAM = "exam", _("Exam day")
    EVENT = "event", _("School event")
    HALF_DAY = "half_day", _("Half day")
    WEATHER = "weather", _("Bad weather")


class CollectionArea(models.TextChoices):
    CLASSROOMS = "classrooms", _("Classrooms")
    CANTEEN = "canteen", _("Canteen")
    SCHOOLYARD = "schoolyard", _("Schoolyard")
    STAFF_ROOM = "staff_room", _("Staff room")
    TOILETS = "toilets", _("Toilets")
    OTHER = "other", _("Other")


class Flag(models.TextChoices):
    """Data-quality flags of a school's results (DESIGN §5)."""

    AREAS_DIFFER = "areas_differ", _("Baseline and final cover different areas")
    WEEKDAYS_DIFFER = "weekdays_differ", _("Baseline and final cover different weekdays")
    DAYS_DIFFER = "days_differ", _("Baseline and final have a different number of days")
    RATE_OUT_OF_RANGE = "rate_out_of_range", _("A rate outside 20–300 g per person-day")
    OUTLIER_DAY = "outlier_day", _("A day above 2× or below 0.5× the school's median")
    LOW_CONFIDENCE = "low_confidence", _("Fewer than 3 valid days (low confidence)")
    ABNORMAL_EXCLUDED = "abnormal_excluded", _("Abnormal days excluded")


MAX_MASS_G = 1_000_000  # 1,000 kg a day: anything above is a typing error
RATE_RANGE = (20, 300)  # plausible g per person-day
MIN_VALID_DAYS = 3

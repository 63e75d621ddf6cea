from .people import Membership, Student
from .places import Area, Classroom, School, SchoolYear, SchoolYearProfile
from .programmes import Enrolment, Programme

__all__ = [
    "Area",
    "Classroom",
    "Enrolment",
    "Membership",
    "Programme",
    "School",
    "SchoolYear",
    "SchoolYearProfile",
    "Student",
]

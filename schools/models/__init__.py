from .imports import ImportJob
from .monitoring import Reminder, ReportJob
from .people import ConsentRecord, Membership, Student
from .places import Area, Classroom, School, SchoolYear, SchoolYearProfile
from .plans import ActionPlan, Activity, Attachment, CoreTeamMember, Goal, PlanVersion, ReviewComment
from .programmes import Enrolment, EnrolmentWithdrawal, Programme

__all__ = [
    "Area",
    "Classroom",
    "ConsentRecord",
    "Enrolment",
    "EnrolmentWithdrawal",
    "Membership",
    "Programme",
    "School",
    "SchoolYear",
    "SchoolYearProfile",
    "Student",
]

__all__ += ["ActionPlan", "Activity", "Attachment", "CoreTeamMember", "Goal", "PlanVersion", "ReviewComment"]
__all__ += ["Reminder", "ReportJob"]
__all__ += ["ImportJob"]

from .people import ConsentRecord, Membership, Student
from .places import Area, Classroom, School, SchoolYear, SchoolYearProfile
from .plans import ActionPlan, Activity, Attachment, CoreTeamMember, Goal, PlanVersion, ReviewComment
from .programmes import Enrolment, Programme

__all__ = [
    "Area",
    "Classroom",
    "ConsentRecord",
    "Enrolment",
    "Membership",
    "Programme",
    "School",
    "SchoolYear",
    "SchoolYearProfile",
    "Student",
]

# Last: schools.pages imports the models above; importing it here registers the page type.
from schools.pages import ProgrammePage  # noqa: E402

__all__ += ["ProgrammePage"]
__all__ += ["ActionPlan", "Activity", "Attachment", "CoreTeamMember", "Goal", "PlanVersion", "ReviewComment"]
from .monitoring import Reminder, ReportJob  # noqa: E402, F401

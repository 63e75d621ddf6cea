from .people import MembershipFactory, StudentFactory, UserFactory
from .places import AreaFactory, ClassroomFactory, SchoolFactory, SchoolYearFactory
from .programmes import EnrolmentFactory, ProgrammeFactory

__all__ = [
    "AreaFactory",
    "ClassroomFactory",
    "EnrolmentFactory",
    "MembershipFactory",
    "ProgrammeFactory",
    "SchoolFactory",
    "SchoolYearFactory",
    "StudentFactory",
    "UserFactory",
]

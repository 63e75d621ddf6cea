"""Who reads a student's entry: one reader per relation to it (tests of rules, lists and media).

The entry is a draft of the world's school, created by the world's student ("author"),
with a second student of the class in its team. A classmate of the same class, a
student of the other school, the school's teacher and the organiser complete the table.
"""

from contests.enums import EntryStatus
from schools.enums import Role
from schools.services import membership_grant
from tests.factories import StudentFactory, UserFactory
from tests.factories.contests import ContestFactory, EntryFactory, EntryMemberFactory

READERS = ["author", "team_member", "classmate", "other_school_student", "teacher", "organiser"]
MAY_READ = {"author", "team_member", "teacher", "organiser"}


def student_login(username, classroom):
    user = UserFactory(username=username, email="")
    membership_grant(user=user, role=Role.STUDENT, school=classroom.school)
    StudentFactory(classroom=classroom, user=user)
    return user


def team_entry_with_readers(world):
    """(entry, {reader: user}) for every reader of READERS."""
    readers = {
        "author": world.student_user,
        "team_member": student_login("hs.nhom", world.classroom),
        "classmate": student_login("hs.cung.lop", world.classroom),
        "other_school_student": student_login("hs.truong.khac", world.other_classroom),
        "teacher": world.teacher,
        "organiser": world.organiser,
    }
    contest = ContestFactory(programme=world.programme)
    entry = EntryFactory(contest=contest, school=world.school, status=EntryStatus.DRAFT, created_by=world.student_user)
    EntryMemberFactory(entry=entry, student=world.student, is_lead=True)
    EntryMemberFactory(entry=entry, student=readers["team_member"].student)
    return entry, readers

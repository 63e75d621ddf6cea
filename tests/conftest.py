"""Shared fixtures: a small world of two schools in two wards and a user for each role.

`world.school` is "our" school; `world.other_school` is another school in another
ward, used to check that its objects answer 404.
"""

from dataclasses import dataclass

import pytest

from schools.enums import AreaKind, Role
from schools.services import membership_grant
from tests.factories import (
    AreaFactory,
    ClassroomFactory,
    EnrolmentFactory,
    ProgrammeFactory,
    SchoolFactory,
    StudentFactory,
    UserFactory,
)


@dataclass
class World:
    city: object
    district: object
    ward: object
    other_ward: object
    school: object
    other_school: object
    classroom: object
    other_classroom: object
    programme: object
    organiser: object
    officer: object
    teacher: object
    student_user: object
    student: object
    judge: object
    other_teacher: object
    outsider: object

    def user_for(self, role: str):
        return {
            "anonymous": None,
            "organiser": self.organiser,
            "officer": self.officer,
            "teacher": self.teacher,
            "student": self.student_user,
            "judge": self.judge,
            "other_teacher": self.other_teacher,
            "outsider": self.outsider,
        }[role]


ROLES = ["anonymous", "organiser", "officer", "teacher", "student", "judge", "outsider"]


@pytest.fixture
def world(db):
    city = AreaFactory(kind=AreaKind.CITY, name="Hà Nội", code="ha-noi")
    district = AreaFactory(parent=city, kind=AreaKind.DISTRICT_CLUSTER, name="Nam Từ Liêm", code="nam-tu-liem")
    ward = AreaFactory(parent=district, name="Phường Cầu Diễn", code="cau-dien")
    far_district = AreaFactory(parent=city, kind=AreaKind.DISTRICT_CLUSTER, name="Hoàn Kiếm", code="hoan-kiem")
    other_ward = AreaFactory(parent=far_district, name="Phường Hàng Bạc", code="hang-bac")
    school = SchoolFactory(code="thcs-cau-dien", name="Trường THCS Cầu Diễn", area=ward)
    other_school = SchoolFactory(code="thcs-hang-bac", name="Trường THCS Hàng Bạc", area=other_ward)
    classroom = ClassroomFactory(school=school, name="6A1")
    other_classroom = ClassroomFactory(school=other_school, name="7B2", grade=7)
    programme = ProgrammeFactory(name="Nhựa giá trị thấp", slug="nhua-gia-tri-thap", area=district)
    EnrolmentFactory(programme=programme, school=school)

    organiser = UserFactory(username="organiser", full_name="Lê Ban Tổ Chức")
    membership_grant(user=organiser, role=Role.ORGANISER)
    officer = UserFactory(username="officer", full_name="Phạm Cán Bộ")
    membership_grant(user=officer, role=Role.OFFICER, area=district)
    teacher = UserFactory(username="teacher", full_name="Nguyễn Thị Giáo Viên")
    membership_grant(user=teacher, role=Role.TEACHER, school=school)
    other_teacher = UserFactory(username="other_teacher", full_name="Đỗ Văn Khác")
    membership_grant(user=other_teacher, role=Role.TEACHER, school=other_school)
    student_user = UserFactory(username="student", full_name="Trần Minh An", email="")
    membership_grant(user=student_user, role=Role.STUDENT, school=school)
    student = StudentFactory(classroom=classroom, display_name="Trần Minh An", user=student_user)
    judge = UserFactory(username="judge", full_name="Vũ Giám Khảo")
    membership_grant(user=judge, role=Role.JUDGE, programme=programme)
    outsider = UserFactory(username="outsider", full_name="Người Ngoài")
    return World(
        city=city,
        district=district,
        ward=ward,
        other_ward=other_ward,
        school=school,
        other_school=other_school,
        classroom=classroom,
        other_classroom=other_classroom,
        programme=programme,
        organiser=organiser,
        officer=officer,
        teacher=teacher,
        student_user=student_user,
        student=student,
        judge=judge,
        other_teacher=other_teacher,
        outsider=outsider,
    )


def fresh(user):
    """The user as a new request would load it (no cached memberships)."""
    return type(user).objects.get(pk=user.pk) if user is not None else None


@pytest.fixture
def client_for(client):
    """Log in as a role of the world: client_for(world.teacher)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


def pytest_collection_modifyitems(config, items):
    """Browser tests last: their session-wide browser and server outlive them."""
    items.sort(key=lambda item: "tests/e2e/" in str(item.fspath))

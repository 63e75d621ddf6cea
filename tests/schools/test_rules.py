"""Truth tables for every rule of schools/rules.py: each role × (no object, own school, another school)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from schools.enums import Role
from schools.services import membership_grant
from tests.conftest import fresh
from tests.factories import EnrolmentFactory, ProgrammeFactory, SchoolFactory, UserFactory

ROLES = ["anonymous", "organiser", "officer", "teacher", "other_teacher", "student", "judge", "outsider"]

# rule -> {role: (obj=None, own school, other school)}
TABLE = {
    "schools.view_school": {
        "anonymous": (False, False, False),
        "organiser": (True, True, True),
        "officer": (True, True, False),
        "teacher": (True, True, False),
        "other_teacher": (True, False, True),
        "student": (True, True, False),
        "judge": (False, False, False),
        "outsider": (False, False, False),
    },
    "schools.manage_students": {
        "anonymous": (False, False, False),
        "organiser": (True, True, True),
        "officer": (False, False, False),
        "teacher": (True, True, False),
        "other_teacher": (True, False, True),
        "student": (False, False, False),
        "judge": (False, False, False),
        "outsider": (False, False, False),
    },
}

ORGANISER_ONLY = [
    "wagtailadmin.access_admin",
    "schools.import_schools",
    "schools.import_users",
    "schools.view_programme",
    "schools.manage_area",
    "schools.manage_school",
    "schools.manage_schoolyear",
    "schools.manage_schoolyearprofile",
    "schools.manage_classroom",
    "schools.manage_student",
    "schools.manage_membership",
    "schools.manage_programme",
    "schools.manage_enrolment",
]


def _user(world, role):
    user = world.user_for(role)
    return AnonymousUser() if user is None else fresh(user)


@pytest.mark.parametrize("rule", sorted(TABLE))
@pytest.mark.parametrize("role", ROLES)
def test_school_rule_truth_table(world, rule, role):
    user = _user(world, role)
    expected = TABLE[rule][role]
    actual = (
        user.has_perm(rule, None),
        user.has_perm(rule, world.school),
        user.has_perm(rule, world.other_school),
    )
    assert actual == expected


@pytest.mark.parametrize("rule", ORGANISER_ONLY)
@pytest.mark.parametrize("role", ROLES)
def test_organiser_only_rule_truth_table(world, rule, role):
    user = _user(world, role)
    assert user.has_perm(rule) is (role == "organiser")


@pytest.mark.parametrize("role", ROLES)
def test_use_workspace_needs_a_role(world, role):
    assert _user(world, role).has_perm("schools.use_workspace") is (role not in ("anonymous", "outsider"))


def test_rules_accept_objects_that_belong_to_a_school(world):
    teacher = fresh(world.teacher)
    assert teacher.has_perm("schools.manage_students", world.classroom)
    assert teacher.has_perm("schools.manage_students", world.student)
    assert not teacher.has_perm("schools.manage_students", world.other_classroom)


def test_programme_organiser_sees_only_enrolled_schools(world):
    other_programme = ProgrammeFactory(area=world.city)
    EnrolmentFactory(programme=other_programme, school=world.other_school)
    user = UserFactory(username="btc-scoped")
    membership_grant(user=user, role=Role.ORGANISER, programme=world.programme)
    user = fresh(user)
    assert user.has_perm("schools.view_school", world.school)
    assert not user.has_perm("schools.view_school", world.other_school)
    assert user.has_perm("schools.view_programme", world.programme)
    assert not user.has_perm("schools.view_programme", other_programme)


def test_officer_scope_covers_every_school_under_their_node(world):
    deep = SchoolFactory(area=world.ward)
    officer = fresh(world.officer)
    assert officer.has_perm("schools.view_school", deep)
    assert not officer.has_perm("schools.view_school", world.other_school)


def test_superuser_may_enter_admin_without_membership(db):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert admin.has_perm("wagtailadmin.access_admin")


def test_inactive_organiser_is_refused(world):
    world.organiser.is_active = False
    world.organiser.save()
    assert not fresh(world.organiser).has_perm("wagtailadmin.access_admin")

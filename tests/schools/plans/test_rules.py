"""Truth tables of the action-plan rules: each role × (no object, own school's plan, another school's plan)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from schools.enums import AreaKind, Role
from schools.models import ActionPlan
from schools.services import membership_grant
from tests.conftest import fresh
from tests.factories import EnrolmentFactory, ProgrammeFactory, UserFactory
from tests.factories.plans import ActionPlanFactory, CoreTeamMemberFactory

ROLES = ["anonymous", "organiser", "officer", "teacher", "other_teacher", "student", "judge", "outsider"]
F, T = False, True

# rule -> {role: (obj=None, own school's plan, other school's plan)}
PLAN_TABLE = {
    "schools.view_plan": {
        "anonymous": (F, F, F),
        "organiser": (T, T, T),
        "officer": (T, T, F),
        "teacher": (T, T, F),
        "other_teacher": (T, F, T),
        "student": (T, T, F),  # on the core team of the own plan
        "judge": (F, F, F),
        "outsider": (F, F, F),
    },
    "schools.edit_plan": {
        "anonymous": (F, F, F),
        "organiser": (F, F, F),
        "officer": (F, F, F),
        "teacher": (T, T, F),
        "other_teacher": (T, F, T),
        "student": (F, F, F),
        "judge": (F, F, F),
        "outsider": (F, F, F),
    },
    "schools.review_plan": {
        "anonymous": (F, F, F),
        "organiser": (T, T, T),
        "officer": (T, T, F),
        "teacher": (F, F, F),
        "other_teacher": (F, F, F),
        "student": (F, F, F),
        "judge": (F, F, F),
        "outsider": (F, F, F),
    },
}

# (obj=None, the world's programme, a programme of another district)
COVERAGE_TABLE = {
    "anonymous": (F, F, F),
    "organiser": (T, T, T),
    "officer": (T, T, F),
    "teacher": (F, F, F),
    "other_teacher": (F, F, F),
    "student": (F, F, F),
    "judge": (F, F, F),
    "outsider": (F, F, F),
}


def _user(world, role):
    user = world.other_teacher if role == "other_teacher" else world.user_for(role)
    return AnonymousUser() if user is None else fresh(user)


@pytest.fixture
def plans(world):
    other_programme = ProgrammeFactory(area=world.other_ward.get_parent())
    EnrolmentFactory(programme=other_programme, school=world.other_school)
    own = ActionPlanFactory(programme=world.programme, school=world.school)
    CoreTeamMemberFactory(plan=own, student=world.student)
    other = ActionPlanFactory(programme=other_programme, school=world.other_school)
    return own, other, other_programme


@pytest.mark.parametrize("rule", sorted(PLAN_TABLE))
@pytest.mark.parametrize("role", ROLES)
def test_plan_rule_truth_table(world, plans, rule, role):
    own, other, _programme = plans
    user = _user(world, role)
    actual = (user.has_perm(rule, None), user.has_perm(rule, own), user.has_perm(rule, other))
    assert actual == PLAN_TABLE[rule][role]


@pytest.mark.parametrize("role", ROLES)
def test_coverage_rule_truth_table(world, plans, role):
    _own, _other, other_programme = plans
    user = _user(world, role)
    rule = "schools.view_plan_coverage"
    actual = (user.has_perm(rule, None), user.has_perm(rule, world.programme), user.has_perm(rule, other_programme))
    assert actual == COVERAGE_TABLE[role]


def test_student_not_on_the_core_team_may_not_read_the_plan(world):
    plan = ActionPlanFactory(programme=world.programme, school=world.school)
    assert not fresh(world.student_user).has_perm("schools.view_plan", plan)


def test_not_started_plan_is_answered_for_its_school(world):
    plan = ActionPlan(programme=world.programme, school=world.school)
    assert fresh(world.teacher).has_perm("schools.edit_plan", plan)
    assert fresh(world.officer).has_perm("schools.review_plan", plan)
    assert not fresh(world.student_user).has_perm("schools.view_plan", plan)


def test_ward_officer_follows_the_district_programme_and_programme_organiser_only_theirs(world, plans):
    _own, other, other_programme = plans
    ward_officer = UserFactory(username="ward-officer")
    membership_grant(user=ward_officer, role=Role.OFFICER, area=world.ward)
    scoped = UserFactory(username="btc-scoped")
    membership_grant(user=scoped, role=Role.ORGANISER, programme=world.programme)
    ward_officer, scoped = fresh(ward_officer), fresh(scoped)
    assert ward_officer.has_perm("schools.view_plan_coverage", world.programme)
    assert not ward_officer.has_perm("schools.view_plan_coverage", other_programme)
    assert scoped.has_perm("schools.review_plan", ActionPlan(programme=world.programme, school=world.school))
    assert not scoped.has_perm("schools.review_plan", other)
    assert not scoped.has_perm("schools.view_plan_coverage", other_programme)
    assert AreaKind.WARD == world.ward.kind

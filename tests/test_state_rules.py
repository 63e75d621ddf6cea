"""Truth tables of the state-aware permissions: who may act on one object *in its state*
(the page offers the action only then). For each rule and state: the roles allowed on the
own school's object; another school's object in the same state; and obj=None."""

import pytest
from django.contrib.auth.models import AnonymousUser

from audits.enums import SessionStatus
from contests.enums import EntryStatus
from schools.enums import PlanStatus
from schools.models import ActionPlan
from tests.conftest import fresh
from tests.factories.audits import AuditSessionFactory
from tests.factories.contests import ContestFactory, EntryFactory
from tests.factories.plans import ActionPlanFactory

ROLES = ["anonymous", "organiser", "officer", "teacher", "other_teacher", "student", "judge", "outsider"]
NOBODY: set = set()
REVIEWERS = {"organiser", "officer"}
SCHOOL_STAFF = {"organiser", "teacher"}

PLAN_RULES = {
    # rule: {status (None: not started yet): roles allowed on the own school's plan}
    "schools.write_plan": {
        None: {"teacher"},
        PlanStatus.DRAFT: {"teacher"},
        PlanStatus.RETURNED: {"teacher"},
        PlanStatus.SUBMITTED: NOBODY,
        PlanStatus.APPROVED: NOBODY,
    },
    "schools.approve_plan": {
        None: NOBODY,
        PlanStatus.DRAFT: NOBODY,
        PlanStatus.RETURNED: NOBODY,
        PlanStatus.SUBMITTED: REVIEWERS,
        PlanStatus.APPROVED: NOBODY,
    },
    "schools.reopen_plan": {
        None: NOBODY,
        PlanStatus.DRAFT: NOBODY,
        PlanStatus.RETURNED: NOBODY,
        PlanStatus.SUBMITTED: NOBODY,
        PlanStatus.APPROVED: REVIEWERS,
    },
}
DAY_RULES = {
    "audits.edit_day": {
        SessionStatus.DRAFT: {"organiser", "teacher", "student"},
        SessionStatus.RETURNED: {"organiser", "teacher", "student"},
        SessionStatus.SUBMITTED: NOBODY,
        SessionStatus.VERIFIED: NOBODY,
    },
    "audits.verify_day": {
        SessionStatus.DRAFT: NOBODY,
        SessionStatus.RETURNED: NOBODY,
        SessionStatus.SUBMITTED: SCHOOL_STAFF,
        SessionStatus.VERIFIED: NOBODY,
    },
    "audits.correct_day": {
        SessionStatus.DRAFT: NOBODY,
        SessionStatus.RETURNED: NOBODY,
        SessionStatus.SUBMITTED: NOBODY,
        SessionStatus.VERIFIED: SCHOOL_STAFF,
    },
}
ENTRY_RULES = {
    "contests.review_entry": {EntryStatus.SUBMITTED: {"teacher"}},
    "contests.check_eligibility": {
        EntryStatus.SUBMITTED: {"organiser"},
        EntryStatus.ENDORSED: {"organiser"},
        EntryStatus.ELIGIBLE: {"organiser"},
        EntryStatus.INELIGIBLE: {"organiser"},
    },
}
ENTRY_STATUSES = [
    EntryStatus.DRAFT,
    EntryStatus.RETURNED,
    *ENTRY_RULES["contests.check_eligibility"],
    EntryStatus.AWARDED,
]
# obj=None: may the role do this to some object at all?
NONE_ALLOWED = {
    "schools.write_plan": {"teacher", "other_teacher"},
    "schools.approve_plan": REVIEWERS,
    "schools.reopen_plan": REVIEWERS,
    "audits.edit_day": {"organiser", "teacher", "other_teacher", "student"},
    "audits.verify_day": {"organiser", "teacher", "other_teacher"},
    "audits.correct_day": {"organiser", "teacher", "other_teacher"},
    "contests.review_entry": {"teacher", "other_teacher"},
    "contests.check_eligibility": {"organiser"},
}


def _allowed(world, rule, obj) -> set:
    users = {role: world.other_teacher if role == "other_teacher" else world.user_for(role) for role in ROLES}
    return {role for role, user in users.items() if (fresh(user) if user else AnonymousUser()).has_perm(rule, obj)}


def _plan(world, school, status):
    """The school's plan in `status` (one plan per programme and school: updated in place)."""
    if status is None:
        return ActionPlan(programme=world.programme, school=school)
    plan = ActionPlan.objects.filter(programme=world.programme, school=school).first()
    if plan is None:
        return ActionPlanFactory(programme=world.programme, school=school, status=status)
    ActionPlan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    return plan


@pytest.mark.parametrize("rule", sorted(PLAN_RULES))
def test_plan_rules_follow_the_plan_state(world, rule):
    for status, allowed in PLAN_RULES[rule].items():
        assert _allowed(world, rule, _plan(world, world.school, status)) == allowed, status
    # The world's organiser organises every programme; the officer's area holds the own school only.
    other = _plan(world, world.other_school, next(s for s, a in PLAN_RULES[rule].items() if a))
    expected = {"other_teacher"} if rule == "schools.write_plan" else {"organiser"}
    assert _allowed(world, rule, other) == expected
    assert _allowed(world, rule, None) == NONE_ALLOWED[rule]


@pytest.mark.parametrize("rule", sorted(DAY_RULES))
def test_audit_day_rules_follow_the_day_state(world, rule):
    day = AuditSessionFactory(school=world.school)
    for status, allowed in DAY_RULES[rule].items():
        day.status = status  # one day per school and date: the same day in each state
        assert _allowed(world, rule, day) == allowed, status
    status = next(s for s, a in DAY_RULES[rule].items() if a)
    other = AuditSessionFactory(school=world.other_school, status=status)
    expected = {"organiser", "other_teacher"} if "teacher" in DAY_RULES[rule][status] else {"organiser"}
    assert _allowed(world, rule, other) == expected
    assert _allowed(world, rule, None) == NONE_ALLOWED[rule]


@pytest.mark.parametrize("rule", sorted(ENTRY_RULES))
def test_entry_rules_follow_the_entry_state(world, rule):
    contest = ContestFactory(programme=world.programme)
    for status in ENTRY_STATUSES:
        entry = EntryFactory(contest=contest, school=world.school, status=status)
        assert _allowed(world, rule, entry) == ENTRY_RULES[rule].get(status, NOBODY), status
    other = EntryFactory(contest=contest, school=world.other_school, status=EntryStatus.SUBMITTED)
    expected = {"other_teacher"} if rule == "contests.review_entry" else {"organiser"}
    assert _allowed(world, rule, other) == expected
    assert _allowed(world, rule, None) == NONE_ALLOWED[rule]

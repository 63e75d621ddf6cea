"""Truth tables of the judging permissions, including obj=None and another programme's contest."""

import pytest

from contests.enums import ConflictSource, RoundStatus
from contests.models import ConflictOfInterest
from tests.conftest import ROLES, fresh
from tests.factories.contests import AssignmentFactory, CriterionFactory, judging_round
from tests.factories.programmes import ProgrammeFactory


@pytest.fixture
def setup(world):
    round_, entries = judging_round(
        programme=world.programme, schools=[world.school, world.other_school], judges=[world.judge]
    )
    AssignmentFactory(round=round_, judge=world.judge, entry=entries[0])
    return round_, entries


NONE_TABLE = {
    # role: (judge_entry, view_judging, manage_judging, declare_conflict, manage_round)
    "anonymous": (False, False, False, False, False),
    "organiser": (False, False, True, False, True),
    "officer": (False, False, False, False, False),
    "teacher": (False, False, False, False, False),
    "student": (False, False, False, False, False),
    "judge": (True, True, False, True, False),
    "outsider": (False, False, False, False, False),
}
PERMS = ["judge_entry", "view_judging", "manage_judging", "declare_conflict", "manage_round"]


@pytest.mark.parametrize("role", ROLES)
def test_judging_permissions_with_no_object(world, role):
    from django.contrib.auth.models import AnonymousUser

    user = fresh(world.user_for(role)) or AnonymousUser()
    assert tuple(user.has_perm(f"contests.{p}") for p in PERMS) == NONE_TABLE[role]


OBJECT_TABLE = {
    # role: (judge own entry, judge other entry, view round, manage contest, declare conflict, manage criterion)
    "organiser": (False, False, False, True, False, True),
    "officer": (False, False, False, False, False, False),
    "teacher": (False, False, False, False, False, False),
    "student": (False, False, False, False, False, False),
    "judge": (True, False, True, False, True, False),
    "outsider": (False, False, False, False, False, False),
}


@pytest.mark.parametrize("role", sorted(OBJECT_TABLE))
def test_judging_permissions_on_objects(world, setup, role):
    round_, entries = setup
    criterion = CriterionFactory(round=round_, order=9)
    user = fresh(world.user_for(role))
    got = (
        user.has_perm("contests.judge_entry", entries[0]),
        user.has_perm("contests.judge_entry", entries[1]),
        user.has_perm("contests.view_judging", round_),
        user.has_perm("contests.manage_judging", round_.contest),
        user.has_perm("contests.declare_conflict", round_.contest),
        user.has_perm("contests.manage_criterion", criterion),
    )
    assert got == OBJECT_TABLE[role]


def test_judge_entry_is_false_when_the_round_closes_or_a_conflict_appears(world, setup):
    round_, entries = setup
    judge = fresh(world.judge)
    assert judge.has_perm("contests.judge_entry", entries[0])
    ConflictOfInterest.objects.create(
        judge=world.judge, contest=round_.contest, entry=entries[0], source=ConflictSource.DECLARED, reason="x"
    )
    assert not fresh(world.judge).has_perm("contests.judge_entry", entries[0])
    ConflictOfInterest.objects.all().delete()
    round_.status = RoundStatus.CLOSED
    round_.save()
    assert not fresh(world.judge).has_perm("contests.judge_entry", entries[0])


def test_programme_organiser_manages_only_their_contests(world, setup):
    from schools.enums import Role
    from schools.services import membership_grant
    from tests.factories import UserFactory

    round_, _entries = setup
    other_round, _ = judging_round(programme=ProgrammeFactory(), schools=[world.other_school], judges=[])
    organiser = UserFactory()
    membership_grant(user=organiser, role=Role.ORGANISER, programme=world.programme)
    organiser = fresh(organiser)
    assert organiser.has_perm("contests.manage_judging", round_.contest)
    assert organiser.has_perm("contests.manage_round", round_)
    assert not organiser.has_perm("contests.manage_judging", other_round.contest)
    assert not organiser.has_perm("contests.manage_round", other_round)

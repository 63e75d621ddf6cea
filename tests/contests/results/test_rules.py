"""Truth tables of contests/results/rules.py: each role × (no object, our contest, a contest
of another programme), with and without public results, the chair of our contest and the
chair of another contest of the same programme."""

import pytest
from django.contrib.auth.models import AnonymousUser

from contests.enums import ContestStatus
from schools.enums import Role
from schools.services import membership_grant
from tests.conftest import fresh
from tests.factories import ProgrammeFactory, UserFactory
from tests.factories.contests import ContestFactory, JudgeInvitationFactory, ResultSnapshotFactory, RoundFactory

ROLES = [
    "anonymous",
    "organiser",
    "programme_organiser",
    "officer",
    "teacher",
    "student",
    "judge",
    "chair",
    "other_chair",
    "outsider",
]

# role -> (obj=None, our contest, another programme's contest): who reads the ranking and
# records tie decisions (organisers and the contest's chair); nothing published.
RANKING = {
    "anonymous": (False, False, False),
    "organiser": (True, True, True),
    "programme_organiser": (True, True, False),
    "officer": (False, False, False),
    "teacher": (False, False, False),
    "student": (False, False, False),
    "judge": (False, False, False),
    "chair": (True, True, False),
    "other_chair": (True, False, False),
    "outsider": (False, False, False),
}

TABLE = {
    "contests.view_ranking": RANKING,
    "contests.record_tie_decision": RANKING,
    # Advancing and publishing: organisers only, never a chair.
    "contests.publish_results": {**RANKING, "chair": (False, False, False), "other_chair": (False, False, False)},
    "contests.view_results": {
        "anonymous": (True, False, False),
        "organiser": (True, True, True),
        "programme_organiser": (True, True, False),
        "officer": (True, False, False),
        "teacher": (True, False, False),
        "student": (True, False, False),
        "judge": (True, False, False),
        "chair": (True, False, False),
        "other_chair": (True, False, False),
        "outsider": (True, False, False),
    },
}


@pytest.fixture
def contests(world):
    ours = ContestFactory(programme=world.programme, status=ContestStatus.JUDGING)
    theirs = ContestFactory(programme=ProgrammeFactory(), status=ContestStatus.JUDGING)
    programme_organiser = UserFactory(username="btc")
    membership_grant(user=programme_organiser, role=Role.ORGANISER, programme=world.programme)
    chair = UserFactory(username="chair")
    membership_grant(user=chair, role=Role.JUDGE, programme=world.programme)
    JudgeInvitationFactory(contest=ours, judge=chair, is_chair=True)
    JudgeInvitationFactory(contest=ours, judge=world.judge)
    other_chair = UserFactory(username="other-chair")
    membership_grant(user=other_chair, role=Role.JUDGE, programme=world.programme)
    sibling = ContestFactory(programme=world.programme, status=ContestStatus.JUDGING)
    JudgeInvitationFactory(contest=sibling, judge=other_chair, is_chair=True)
    return ours, theirs, {"programme_organiser": programme_organiser, "chair": chair, "other_chair": other_chair}


def _user(world, extra, role):
    user = extra.get(role) or world.user_for(role)
    return AnonymousUser() if user is None else fresh(user)


@pytest.mark.parametrize("rule", sorted(TABLE))
@pytest.mark.parametrize("role", ROLES)
def test_results_rule_truth_table(world, contests, rule, role):
    ours, theirs, extra = contests
    user = _user(world, extra, role)
    actual = (user.has_perm(rule, None), user.has_perm(rule, ours), user.has_perm(rule, theirs))
    assert actual == TABLE[rule][role]


def _publish(contest, *, public=True):
    contest.status = ContestStatus.RESULTS_PUBLISHED
    contest.results_public = public
    contest.save()
    return ResultSnapshotFactory(round=RoundFactory(contest=contest), is_published=True)


@pytest.mark.parametrize("role", ROLES)
def test_view_results_public_once_published(world, contests, role):
    ours, theirs, extra = contests
    _publish(ours)
    user = _user(world, extra, role)
    assert user.has_perm("contests.view_results", ours) is True
    assert user.has_perm("contests.view_results", theirs) is (role == "organiser")


@pytest.mark.parametrize("role", ROLES)
def test_view_results_not_public_stays_with_organisers(world, contests, role):
    ours, _theirs, extra = contests
    _publish(ours, public=False)
    user = _user(world, extra, role)
    assert user.has_perm("contests.view_results", ours) is (role in ("organiser", "programme_organiser"))


def test_view_results_needs_a_published_snapshot(world, contests):
    ours, _theirs, _extra = contests
    snapshot = _publish(ours)
    snapshot.is_published = False
    snapshot.save()
    assert AnonymousUser().has_perm("contests.view_results", ours) is False


def test_view_ranking_accepts_a_round(world, contests):
    ours, _theirs, extra = contests
    round = RoundFactory(contest=ours)
    assert fresh(extra["chair"]).has_perm("contests.view_ranking", round) is True
    assert fresh(world.judge).has_perm("contests.view_ranking", round) is False

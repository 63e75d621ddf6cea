"""The predicates every part of contests shares: the contest an object belongs to, its
organisers and its judges. Every predicate answers obj=None ("may they do this to some
object?"). Object predicates take a Contest, or an Entry (anything with `contest` and
`school`).
"""

import rules

from contests.models import Contest
from schools.enums import Role
from schools.predicates import is_organiser, is_organiser_of_programme
from schools.selectors import memberships_of


def contest_of(obj):
    if obj is None or isinstance(obj, Contest):
        return obj
    return getattr(obj, "contest", None)


@rules.predicate
def is_organiser_of_contest(user, obj=None):
    """Organisers of the contest's programme (global organisers: every contest)."""
    if obj is None:
        return is_organiser(user)
    contest = contest_of(obj)
    return contest is not None and is_organiser_of_programme(user, contest.programme)


@rules.predicate
def is_judge_of_contest(user, obj=None):
    """Invited to judge the contest (a JudgeInvitation); obj=None: holds the judge role."""
    if obj is None:
        return any(m.role == Role.JUDGE for m in memberships_of(user))
    contest = contest_of(obj)
    if contest is None or not user.is_authenticated:
        return False
    return contest.judges.filter(judge=user).exists()

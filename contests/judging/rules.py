"""Contest permissions: judging. Registered on import from contests/rules.py.

- `contests.judge_entry` (Entry): assigned to the entry in an open round of its contest
  and not in conflict with it (obj=None: holds the judge role). Used by the media views.
- `contests.view_judging` (obj=None: the judge role, which every assigned judge holds; Round: assigned in it).
- `contests.manage_judging` (Contest or Round: its organisers; obj=None: any organiser).
- `contests.declare_conflict` (Contest, Round or Entry: an invited judge of the contest).
- `contests.manage_round` / `contests.manage_criterion`: the Wagtail admin policy (organisers).
"""

import rules

from contests.judging.selectors import judge_may_score
from contests.predicates import contest_of, is_judge_of_contest, is_organiser_of_contest
from schools.predicates import is_judge


def _judging_contest_of(obj):
    """A Criterion answers through its round; everything else through `contest`."""
    if obj is not None and hasattr(obj, "round_id") and not hasattr(obj, "contest_id"):
        obj = obj.round
    return contest_of(obj)


@rules.predicate
def is_assigned_to_entry(user, entry=None):
    """Assigned in an open round of the entry's contest, and not in conflict with it."""
    if not getattr(user, "is_authenticated", False):
        return False
    if entry is None:
        return bool(is_judge(user))

    return judge_may_score(user, entry)


@rules.predicate
def is_judge_in_round(user, obj=None):
    if not getattr(user, "is_authenticated", False):
        return False
    if obj is None:
        # Assignments come with the judge role (judge_invite grants it): no query needed.
        return bool(is_judge(user))
    return obj.assignments.filter(judge=user).exists()


@rules.predicate
def is_organiser_of_judging(user, obj=None):
    if obj is None:
        return is_organiser_of_contest(user, None)
    return is_organiser_of_contest(user, _judging_contest_of(obj))


rules.add_perm("contests.judge_entry", is_assigned_to_entry)
rules.add_perm("contests.view_judging", is_judge_in_round)
rules.add_perm("contests.manage_judging", is_organiser_of_judging)
rules.add_perm("contests.declare_conflict", is_judge_of_contest)
rules.add_perm("contests.manage_round", is_organiser_of_judging)
rules.add_perm("contests.manage_criterion", is_organiser_of_judging)

"""Contest permissions: results. Registered on import from contests/rules.py.

Objects are a Contest or anything with a `contest` (a Round, an Entry, a snapshot's round).

- `contests.view_ranking`: organisers of the contest, and the judges invited as its chair
  (JudgeInvitation.is_chair) — the chair reads the ranking, flags and traces with the
  organisers; ordinary judges never see the ranking. obj=None: an organiser or a judge
  holding a chair invitation somewhere.
- `contests.record_tie_decision`: organisers of the contest and its chair — the order of
  entries still tied at a prize boundary or at the line to advance, with a reason.
  obj=None: an organiser or a judge holding a chair invitation somewhere.
- `contests.publish_results`: organisers of the contest only — advancing entries to the
  next round and publishing (publishing again replaces the published snapshot). The
  chair decides ties but never publishes.
- `contests.view_results`: everyone once the contest's results are published and
  `results_public` is set; otherwise organisers. obj=None: True (some results may be
  public), which is what a menu asks.
"""

import rules

from contests.enums import ContestStatus
from contests.models import JudgeInvitation, ResultSnapshot
from contests.predicates import contest_of, is_organiser_of_contest
from schools.predicates import is_judge


@rules.predicate
def is_chair_of_contest(user, obj=None):
    if not user.is_authenticated:
        return False

    if obj is None:
        # Only judges chair (and the role is cached with the memberships): most users cost no query.
        return bool(is_judge(user)) and JudgeInvitation.objects.filter(judge=user, is_chair=True).exists()
    contest = contest_of(obj)
    return contest is not None and contest.judges.filter(judge=user, is_chair=True).exists()


@rules.predicate
def has_public_results(user, obj=None):
    """The contest's latest published snapshot is public (status set only by publishing)."""
    if obj is None:
        return True
    contest = contest_of(obj)
    if contest is None or not contest.results_public or contest.status != ContestStatus.RESULTS_PUBLISHED:
        return False

    return ResultSnapshot.objects.filter(round__contest=contest, is_published=True).exists()


rules.add_perm("contests.view_ranking", is_organiser_of_contest | is_chair_of_contest)
rules.add_perm("contests.record_tie_decision", is_organiser_of_contest | is_chair_of_contest)
rules.add_perm("contests.publish_results", is_organiser_of_contest)
rules.add_perm("contests.view_results", has_public_results | is_organiser_of_contest)

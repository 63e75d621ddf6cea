"""Contest permissions: media. Registered on import from contests/rules.py.

- `contests.view_entry_media` (EntryMedia or Entry): whoever may view the entry
  (`contests.view_entry`, rules_entries), a judge who may judge it (`contests.judge_entry`,
  rules_judging), checked by name; or anyone once the entry is published (it holds an
  Award and its contest's results are published and public). obj=None: True (published
  media are public), which is what a menu asks.
- `contests.view_duplicates` (Contest): organisers of the contest (near-duplicate slogans).
"""

import rules

from contests.enums import ContestStatus
from contests.predicates import is_organiser_of_contest


def _entry_of(obj):
    return getattr(obj, "entry", obj) if obj is not None and hasattr(obj, "entry_id") else obj


@rules.predicate
def may_view_entry_by_name(user, obj=None):
    entry = _entry_of(obj)
    return bool(user.has_perm("contests.view_entry", entry))


@rules.predicate
def may_judge_entry_by_name(user, obj=None):
    entry = _entry_of(obj)
    return getattr(user, "is_authenticated", False) and bool(user.has_perm("contests.judge_entry", entry))


@rules.predicate
def is_published_entry(user, obj=None):
    """The entry holds an award and its contest's results are published to the public."""
    if obj is None:
        return True
    entry = _entry_of(obj)
    contest = entry.contest
    if contest.status != ContestStatus.RESULTS_PUBLISHED or not contest.results_public:
        return False
    return entry.awards.exists()


rules.add_perm("contests.view_entry_media", is_published_entry | may_view_entry_by_name | may_judge_entry_by_name)


# Near-duplicate slogans of a contest (views/duplicates.py): its organisers.
rules.add_perm("contests.view_duplicates", is_organiser_of_contest)
# Prize tiers are edited inline in the contest's admin form (admin_contests.py).
rules.add_perm("contests.manage_prizetier", is_organiser_of_contest)

"""Contest permissions: entries. Registered on import from contests/rules.py.

Every predicate answers obj=None ("may they do this to some entry or contest?").

- `contests.submit_entry` (Contest): a teacher, or a student of a school that is not a
  preschool, of a school eligible for the contest, while it accepts entries.
  obj=None: holds such a role.
- `contests.view_entry` (Entry): teachers of the entry's school, its student authors
  (`is_student_author`: a student of its school who created or submitted it or is in its
  team), organisers of its contest. A classmate's entry is not theirs to read; the
  selector `entries_visible_to` draws the same line, so it answers 404.
- `contests.edit_entry` (Entry): a draft or returned entry, by a teacher of its school or
  a student author.
- `contests.withdraw_entry` (Entry): before the deadline, while not yet checked, by the
  submitter (or creator) or a teacher of the school.
- `contests.endorse_entry` (Entry): a teacher of the entry's school (also returns it).
- `contests.check_entry`, `contests.view_contest_entries`, `contests.manage_contest`
  (Contest or Entry): organisers of the contest.
- `contests.review_entry` and `contests.check_eligibility` (Entry): the same people, for
  an entry whose state allows it now (submitted; submitted to ineligible): what a page
  offers. The services refuse a wrong state on their own.
"""

import rules
from django.utils import timezone

from contests.entries.selectors import contest_accepts_entries, school_is_eligible, submitting_memberships
from contests.enums import ENTRY_CHECKABLE, ENTRY_EDITABLE, EntryStatus
from contests.predicates import contest_of, is_organiser_of_contest
from schools.predicates import is_student_of_school, is_teacher_of_school

WITHDRAWABLE = (EntryStatus.DRAFT, EntryStatus.SUBMITTED, EntryStatus.RETURNED, EntryStatus.ENDORSED)


@rules.predicate
def may_submit_to_contest(user, obj=None):
    memberships = submitting_memberships(user)
    if obj is None:
        return bool(memberships)
    contest = contest_of(obj)
    if contest is None or not memberships:
        return False

    if not contest_accepts_entries(contest):
        return False
    return any(school_is_eligible(contest, m.school) for m in memberships)


@rules.predicate
def is_of_entry_school(user, obj=None):
    return bool(is_teacher_of_school(user, obj) or is_student_of_school(user, obj))


@rules.predicate
def is_entry_editable(user, obj=None):
    return obj is None or obj.status in ENTRY_EDITABLE


@rules.predicate
def is_entry_author(user, obj=None):
    """The entry's creator or submitter, or a team member whose Student record has this login."""
    if obj is None:
        return is_of_entry_school(user, None)
    if not getattr(user, "is_authenticated", False):
        return False
    if user.pk in (obj.created_by_id, obj.submitted_by_id):
        return True
    return obj.members.filter(student__user=user).exists()


@rules.predicate
def is_before_deadline(user, obj=None):
    if obj is None:
        return True
    contest = contest_of(obj)
    return contest is not None and timezone.now() < contest.closes_at


@rules.predicate
def is_entry_submitted(user, obj=None):
    return obj is None or obj.status == EntryStatus.SUBMITTED


@rules.predicate
def is_entry_checkable(user, obj=None):
    return obj is None or obj.status in ENTRY_CHECKABLE


@rules.predicate
def is_entry_withdrawable(user, obj=None):
    return obj is None or obj.status in WITHDRAWABLE


# A student of the entry's school who created or submitted it or is in its team (selector side:
# selectors_entries.participant_entries_q).
is_student_author = is_student_of_school & is_entry_author

rules.add_perm("contests.submit_entry", may_submit_to_contest)
rules.add_perm("contests.view_entry", is_teacher_of_school | is_student_author | is_organiser_of_contest)
rules.add_perm("contests.edit_entry", is_entry_editable & (is_teacher_of_school | is_student_author))
rules.add_perm(
    "contests.withdraw_entry",
    is_entry_withdrawable & is_before_deadline & (is_teacher_of_school | is_student_author),
)
rules.add_perm("contests.endorse_entry", is_teacher_of_school)
rules.add_perm("contests.check_entry", is_organiser_of_contest)
# The same, for one entry in its state: what its page offers (the services still refuse).
rules.add_perm("contests.review_entry", is_entry_submitted & is_teacher_of_school)
rules.add_perm("contests.check_eligibility", is_entry_checkable & is_organiser_of_contest)
rules.add_perm("contests.view_contest_entries", is_organiser_of_contest)
rules.add_perm("contests.manage_contest", is_organiser_of_contest)

"""The predicates every part of contests shares: the contest an object belongs to, its
organisers and its judges. Every predicate answers obj=None ("may they do this to some
object?"). Object predicates take a Contest, or an Entry (anything with `contest` and
`school`).
"""

import rules

from contests.models import Contest
from schools.enums import Role
from schools.predicates import (
    is_officer_over_school,
    is_organiser,
    is_organiser_of_programme,
    is_student_of_school,
    is_teacher_of_school,
)
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


# --- objects that belong to an entry (certificates, implementations, milestones) ---


def entry_of(obj):
    """The entry an object belongs to (itself for an Entry); None for None or a contest."""
    if obj is None:
        return None
    if hasattr(obj, "implementation_id"):  # a Milestone or an Indicator
        obj = obj.implementation
    entry = getattr(obj, "entry", None)
    if entry is not None:
        return entry
    return obj if hasattr(obj, "school_id") and hasattr(obj, "contest_id") else None


def _contest_target(obj):
    """What the contest predicate should see: an Entry for entry-bound objects, else obj."""
    entry = entry_of(obj)
    return entry if entry is not None else obj


def _on_entry(predicate, name):
    """The school predicate applied to the entry's school (False when obj has no entry)."""

    @rules.predicate(name=name)
    def check(user, obj=None):
        if obj is None:
            return predicate(user, None)
        entry = entry_of(obj)
        return entry is not None and predicate(user, entry)

    return check


@rules.predicate
def is_organiser_of_entry_contest(user, obj=None):
    return is_organiser_of_contest(user, _contest_target(obj))


is_teacher_of_entry_school = _on_entry(is_teacher_of_school, "is_teacher_of_entry_school")
is_student_of_entry_school = _on_entry(is_student_of_school, "is_student_of_entry_school")
is_officer_over_entry_school = _on_entry(is_officer_over_school, "is_officer_over_entry_school")

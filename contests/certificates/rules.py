"""Contest permissions: certificates and the implementation of selected initiatives.
Registered on import from contests/rules.py.

Object predicates here take an Entry, or anything that belongs to one (a Certificate,
an Implementation, a Milestone): they judge the entry's school and contest. A
CertificateBatch or a Contest is judged by its contest. obj=None asks "may they do
this to some object?" (menus, the workspace).
"""

import rules

from contests.predicates import is_organiser_of_contest
from schools.predicates import (
    is_officer_over_school,
    is_organiser_of_school,
    is_student_of_school,
    is_teacher_of_school,
)


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
def is_organiser_of_certificate_contest(user, obj=None):
    return is_organiser_of_contest(user, _contest_target(obj))


is_teacher_of_entry_school = _on_entry(is_teacher_of_school, "is_teacher_of_entry_school")
is_student_of_entry_school = _on_entry(is_student_of_school, "is_student_of_entry_school")
is_officer_over_entry_school = _on_entry(is_officer_over_school, "is_officer_over_entry_school")

# Making a batch, following it and downloading its ZIP: the contest's organisers.
rules.add_perm("contests.make_certificates", is_organiser_of_certificate_contest)
# One certificate's PDF: organisers, and the teachers of the entry's school.
rules.add_perm("contests.download_certificate", is_organiser_of_certificate_contest | is_teacher_of_entry_school)
# A school's list of certificates (each PDF is still checked with download_certificate).
rules.add_perm("contests.view_school_certificates", is_teacher_of_school | is_organiser_of_school)
rules.add_perm(
    "contests.view_implementation",
    is_teacher_of_entry_school
    | is_student_of_entry_school
    | is_officer_over_entry_school
    | is_organiser_of_certificate_contest,
)
rules.add_perm("contests.update_implementation", is_teacher_of_entry_school | is_organiser_of_certificate_contest)

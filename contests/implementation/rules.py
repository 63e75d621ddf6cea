"""Contest permissions: the implementation of selected initiatives (milestones and
indicators). Registered on import from contests/rules.py.

Object predicates take an Entry, or anything that belongs to one (an Implementation, a
Milestone, an Indicator): they judge the entry's school and contest
(contests/predicates.py). obj=None asks "may they do this to some object?".
"""

import rules

from contests.predicates import (
    is_officer_over_entry_school,
    is_organiser_of_entry_contest,
    is_student_of_entry_school,
    is_teacher_of_entry_school,
)

rules.add_perm(
    "contests.view_implementation",
    is_teacher_of_entry_school
    | is_student_of_entry_school
    | is_officer_over_entry_school
    | is_organiser_of_entry_contest,
)
rules.add_perm("contests.update_implementation", is_teacher_of_entry_school | is_organiser_of_entry_contest)

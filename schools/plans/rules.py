"""Who may see, write, review and follow action plans, named once and checked everywhere.

Object predicates take an ActionPlan (saved, or an unsaved one standing for a school's
plan that is not started yet); `view_plan_coverage` takes a Programme. Every predicate
answers obj=None ("may they do this to some plan?").
"""

import rules

from schools.enums import PLAN_EDITABLE, PlanStatus
from schools.predicates import is_officer_over_school, is_organiser, is_student_of_school, is_teacher_of_school
from schools.selectors import areas_of, is_global_organiser, organised_programme_ids


@rules.predicate
def is_organiser_of_plan(user, plan=None):
    if plan is None:
        return is_organiser(user)
    return is_global_organiser(user) or plan.programme_id in organised_programme_ids(user)


@rules.predicate
def is_core_team_student(user, plan=None):
    if plan is None:
        return is_student_of_school(user, None)
    if plan.pk is None or not is_student_of_school(user, plan):
        return False
    return plan.team.filter(student__user=user).exists()


@rules.predicate
def is_officer_over_programme(user, programme=None):
    """An officer whose area overlaps the programme's area (above it or under it)."""
    areas = areas_of(user)
    if programme is None:
        return bool(areas)
    path = programme.area.path
    return any(area.path.startswith(path) or path.startswith(area.path) for area in areas)


@rules.predicate
def is_organiser_of_programme_or_all(user, programme=None):
    if programme is None:
        return is_organiser(user)
    return is_global_organiser(user) or programme.pk in organised_programme_ids(user)


def _plan_in(*statuses, unstarted=False):
    """The plan is in one of `statuses` (an unsaved plan counts when `unstarted`); obj=None: some plan may be."""

    @rules.predicate(name=f"is_plan_{'_or_'.join(statuses)}")
    def predicate(user, plan=None):
        return plan is None or (plan.pk is None and unstarted) or (plan.pk is not None and plan.status in statuses)

    return predicate


is_plan_editable = _plan_in(*PLAN_EDITABLE, unstarted=True)
is_plan_submitted = _plan_in(PlanStatus.SUBMITTED)
is_plan_approved = _plan_in(PlanStatus.APPROVED)

rules.add_perm(
    "schools.view_plan",
    is_teacher_of_school | is_core_team_student | is_officer_over_school | is_organiser_of_plan,
)
rules.add_perm("schools.edit_plan", is_teacher_of_school)
rules.add_perm("schools.review_plan", is_officer_over_school | is_organiser_of_plan)
# The same, for one plan in its state: what its page offers (the services still refuse).
rules.add_perm("schools.write_plan", is_plan_editable & is_teacher_of_school)
rules.add_perm("schools.approve_plan", is_plan_submitted & (is_officer_over_school | is_organiser_of_plan))
rules.add_perm("schools.reopen_plan", is_plan_approved & (is_officer_over_school | is_organiser_of_plan))
rules.add_perm("schools.view_plan_coverage", is_officer_over_programme | is_organiser_of_programme_or_all)
rules.add_perm("schools.manage_actionplan", is_organiser)

"""The action plans' part of the monitoring board, report and summary: the board's first
column, registered from SchoolsConfig.ready like audits' and contests' providers.

`collect` costs one query whatever the number of schools (every enrolled school in scope
with its plan); `summary` two (the plans, the count).
"""

from datetime import date

from django.db.models import FilteredRelation, Q
from django.utils.translation import gettext as _

from schools.enums import PLAN_NOT_STARTED, PlanStatus
from schools.models import ActionPlan, Programme
from schools.monitoring.registry import (
    DONE,
    IN_PROGRESS,
    LATE,
    MISSING,
    STATE_RANK,
    Cell,
    Column,
    Contribution,
    Stat,
    register_board_provider,
)
from schools.plans.selectors import status_label
from schools.selectors import programme_schools


def plan_cell(plan: ActionPlan | None, deadline: date | None, today: date, labels: dict | None = None) -> Cell:
    """Done: approved; late: never submitted once the deadline has passed; in progress: a plan
    that is being written or reviewed; missing: no plan yet (deadline not passed)."""
    submitted = plan is not None and plan.first_submitted_at is not None
    if plan is not None and plan.status == PlanStatus.APPROVED:
        state = DONE
    elif not submitted and deadline is not None and today > deadline:
        state = LATE
    elif plan is not None:
        state = IN_PROGRESS
    else:
        state = MISSING
    labels = labels or plan_labels()
    text = labels[plan.status if plan is not None else PLAN_NOT_STARTED]
    return Cell(state, text, STATE_RANK[state])


def plan_labels() -> dict:
    return {value: str(status_label(value)) for value in (PLAN_NOT_STARTED, *PlanStatus.values)}


class PlanBoardProvider:
    key = "plans"
    order = 10  # the board's first column, before audits (20) and contests (30)

    def columns(self):
        return [Column("plan", _("Action plan"))]

    def collect(self, programme: Programme, *, school_ids, today) -> Contribution:
        # One row per enrolled school (in scope) with its plan or None: the count comes with it.
        schools = programme_schools(programme, school_ids=school_ids).annotate(
            plan=FilteredRelation("plans", condition=Q(plans__programme=programme))
        )
        rows = list(schools.values_list("pk", "plan__status", "plan__first_submitted_at"))
        plans = {pk: ActionPlan(status=status, first_submitted_at=at) for pk, status, at in rows if status}
        total, labels, deadline = len(rows), plan_labels(), programme.plan_deadline
        filed = sum(1 for p in plans.values() if p.first_submitted_at is not None)
        approved = sum(1 for p in plans.values() if p.status == PlanStatus.APPROVED)
        return Contribution(
            cells={pk: {"plan": plan_cell(plan, deadline, today, labels)} for pk, plan in plans.items()},
            default={"plan": plan_cell(None, deadline, today, labels)},
            stats=[
                Stat("plans", _("%(filed)s/%(total)s action plans") % {"filed": filed, "total": total}, filed, total),
                Stat("plans_approved", _("%(count)s approved") % {"count": approved}, approved, total),
            ],
            figures={"total": total, "submitted": filed, "approved": approved},
        )

    def summary(self, programme: Programme, *, school_ids=None) -> dict:
        schools = programme_schools(programme, school_ids=school_ids)
        plans = list(
            ActionPlan.objects.filter(programme=programme, school__in=schools).values_list(
                "status", "first_submitted_at"
            )
        )
        return {
            "total": schools.count(),
            "started": len(plans),
            "submitted": sum(1 for _s, at in plans if at is not None),
            "approved": sum(1 for s, _at in plans if s == PlanStatus.APPROVED),
        }


register_board_provider(PlanBoardProvider())

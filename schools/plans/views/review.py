"""Reviewing an action plan: return or approve, reopen, compare versions, print."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_POST

from schools.enums import ActivityKind, ActivityStatus, PlanSection, TeamRole
from schools.plans.forms import CompareForm, ReopenForm, ReviewForm
from schools.plans.selectors import plan_snapshot, plan_with_parts, version_diff
from schools.plans.services import plan_approve, plan_reopen, plan_return
from schools.plans.views.writing import _message, plan_or_404, plan_url


@login_required
@require_POST
def plan_review(request, programme_pk, school_pk):
    plan = plan_or_404(request, programme_pk, school_pk, "schools.review_plan")
    form = ReviewForm(request.POST)
    if plan.pk is None or not form.is_valid():
        messages.error(request, _("Choose to approve the plan or to return it with comments."))
        return redirect(plan_url(plan, "review"))
    try:
        if form.cleaned_data["decision"] == "approve":
            plan_approve(plan=plan, user=request.user)
            messages.success(request, _("The plan is approved. The school's teachers have been told."))
        else:
            plan_return(plan=plan, user=request.user, comments=form.comments())
            messages.success(
                request, _("The plan was returned with your comments. The school's teachers have been told.")
            )
    except ValidationError as exc:
        messages.error(request, _message(exc))
    return redirect(plan_url(plan))


@login_required
@require_POST
def plan_reopen_view(request, programme_pk, school_pk):
    plan = plan_or_404(request, programme_pk, school_pk, "schools.review_plan")
    form = ReopenForm(request.POST)
    if plan.pk is None or not form.is_valid():
        messages.error(request, _("Say why the approved plan is reopened."))
        return redirect(plan_url(plan))
    try:
        plan_reopen(plan=plan, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The plan is open for changes again."))
    except ValidationError as exc:
        messages.error(request, _message(exc))
    return redirect(plan_url(plan))


@login_required
def plan_compare(request, programme_pk, school_pk):
    plan = plan_or_404(request, programme_pk, school_pk)
    versions = {v.number: v for v in plan.versions.select_related("submitted_by")} if plan.pk else {}
    if not versions:
        raise Http404
    numbers = sorted(versions)
    form = CompareForm(
        request.GET or None, numbers=numbers, initial={"a": numbers[max(len(numbers) - 2, 0)], "b": numbers[-1]}
    )
    a, b = numbers[max(len(numbers) - 2, 0)], numbers[-1]
    if request.GET:
        if form.is_valid() and form.cleaned_data["a"] in versions and form.cleaned_data["b"] in versions:
            a, b = form.cleaned_data["a"], form.cleaned_data["b"]
        else:
            messages.error(request, _("Choose two versions of this plan."))
    old, new = versions[a], versions[b]
    return render(
        request,
        "schools/plans/compare.html",
        {
            "plan": plan,
            "programme": plan.programme,
            "school": plan.school,
            "form": form,
            "numbers": numbers,
            "old": old,
            "new": new,
            "sections": version_diff(old.snapshot, new.snapshot),
        },
    )


def _day(value):
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def _labelled(snapshot: dict) -> dict:
    def label(choices, value):
        return choices(value).label if value in choices.values else value

    return {
        **snapshot,
        "team": [{**m, "role_label": label(TeamRole, m["role"])} for m in snapshot.get("team", [])],
        "activities": [
            {
                **a,
                "kind_label": label(ActivityKind, a["kind"]),
                "status_label": label(ActivityStatus, a["status"]),
                "starts_on": _day(a.get("starts_on")),
                "ends_on": _day(a.get("ends_on")),
            }
            for a in snapshot.get("activities", [])
        ],
    }


@login_required
def plan_print(request, programme_pk, school_pk):
    plan = plan_or_404(request, programme_pk, school_pk)
    if plan.pk is None:
        raise Http404
    plan = plan_with_parts(plan)
    versions = list(plan.versions.all())
    number = request.GET.get("version", "")
    chosen = next((v for v in versions if str(v.number) == number), None)
    snapshot = chosen.snapshot if chosen else plan_snapshot(plan)
    latest = versions[-1] if versions else None
    weeks = snapshot.get("weeks") or {}
    context = {
        "plan": plan,
        "programme": plan.programme,
        "school": plan.school,
        "snapshot": _labelled(snapshot),
        "version": chosen or latest,
        "is_current": chosen is None,
        "baseline": date.fromisoformat(weeks["baseline"]) if weeks.get("baseline") else None,
        "final": date.fromisoformat(weeks["final"]) if weeks.get("final") else None,
        "sections": PlanSection,
    }
    for key in ("baseline", "final"):
        context[f"{key}_end"] = plan.week_end(context[key])
    with override("vi"):  # the document a school files is in Vietnamese, whatever the screen language
        return render(request, "schools/plans/print.html", context)

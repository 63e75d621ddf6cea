"""Writing an action plan: the plan page, section saves (autosave), attachments.

A school the user may not see, or a programme it is not enrolled in, answers 404; a
visible plan without the named permission answers 403. A save sent by the autosave
script (home.fetch.sent_by_script) answers JSON; a plain form post redirects, or re-renders
the page with what was typed and the message, so nothing typed is lost.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.fetch import sent_by_script
from schools.enums import PlanSection, PlanStatus
from schools.models import Attachment
from schools.plans.forms import (
    FORMSETS,
    AttachmentForm,
    CompareForm,
    ReopenForm,
    ReviewForm,
    SubmitForm,
    VersionForm,
    WeeksForm,
    formset_rows,
)
from schools.plans.selectors import latest_comments, plan_checklist, plan_for_user, plan_with_parts, team_choices
from schools.plans.services import PlanConflict, plan_section_save, plan_submit
from schools.plans.services_files import attachment_add, attachment_delete

ROW_SECTIONS = (PlanSection.TEAM, PlanSection.GOALS, PlanSection.ACTIVITIES)


def plan_or_404(request, programme_pk, school_pk, perm="schools.view_plan"):
    plan = plan_for_user(request.user, programme_pk=programme_pk, school_pk=school_pk)
    if plan is None:
        raise Http404
    if not request.user.has_perm(perm, plan):
        raise PermissionDenied
    return plan


def plan_url(plan, anchor=""):
    url = reverse("workspace:plan", args=[plan.programme_id, plan.school_id])
    return f"{url}#{anchor}" if anchor else url


def _message(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _initial(plan, section):
    if plan.pk is None:
        return []
    if section == PlanSection.TEAM:
        return [{"person": m.person_key, "team_role": m.team_role} for m in plan.team.all()]
    if section == PlanSection.GOALS:
        return [
            {"text": g.text, "indicator": g.indicator, "target_value": g.target_value, "unit": g.unit}
            for g in plan.goals.all()
        ]
    return [
        {
            "kind": a.kind,
            "title": a.title,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "responsible": a.responsible,
            "status": a.status,
        }
        for a in plan.activities.all()
    ]


def _section_forms(plan, *, people, bound_section=None, data=None):
    forms = {}
    for section in ROW_SECTIONS:
        kwargs = {"prefix": section.value}
        if section == PlanSection.TEAM:
            kwargs["form_kwargs"] = {"person_choices": people}
        if section == bound_section:
            forms[section.value] = FORMSETS[section](data, **kwargs)
        else:
            forms[section.value] = FORMSETS[section](initial=_initial(plan, section), **kwargs)
    if bound_section == PlanSection.WEEKS:
        forms["weeks"] = WeeksForm(data)
    else:
        forms["weeks"] = WeeksForm(
            initial={
                "version": plan.version,
                "baseline_week_starts_on": plan.baseline_week_starts_on,
                "final_week_starts_on": plan.final_week_starts_on,
            }
        )
    return forms


def render_plan(request, plan, *, bound_section=None, data=None, version=None, status=200):
    plan = plan_with_parts(plan)
    user = request.user
    can_edit = user.has_perm("schools.write_plan", plan)
    versions = list(plan.versions.all()) if plan.pk else []
    context = {
        "plan": plan,
        "programme": plan.programme,
        "school": plan.school,
        "can_edit": can_edit,
        "can_review": user.has_perm("schools.approve_plan", plan),
        "can_reopen": user.has_perm("schools.reopen_plan", plan),
        "checklist": plan_checklist(plan),
        "comments": latest_comments(plan) if plan.status == PlanStatus.RETURNED else {},
        "versions": versions,
        "form_version": plan.version if version is None else version,
        "sections": PlanSection,
    }
    if can_edit:
        context["forms"] = _section_forms(
            plan, people=team_choices(plan.school), bound_section=bound_section, data=data
        )
        context["attachment_form"] = AttachmentForm()
    if context["can_review"]:
        context["review_form"] = ReviewForm()
    if context["can_reopen"]:
        context["reopen_form"] = ReopenForm()
    if len(versions) >= 2:
        context["compare_form"] = CompareForm(
            numbers=[v.number for v in versions], initial={"a": versions[-2].number, "b": versions[-1].number}
        )
    return render(request, "schools/plans/plan.html", context, status=status)


@login_required
@never_cache
def plan_detail(request, programme_pk, school_pk):
    return render_plan(request, plan_or_404(request, programme_pk, school_pk))


@login_required
@require_POST
def plan_section_save_view(request, programme_pk, school_pk, section):
    plan = plan_or_404(request, programme_pk, school_pk, "schools.edit_plan")
    if section not in (*[s.value for s in ROW_SECTIONS], PlanSection.WEEKS.value):
        raise Http404
    section = PlanSection(section)
    version_form = VersionForm(request.POST)
    rows, weeks, error, conflict = None, None, None, False
    if section == PlanSection.WEEKS:
        form = WeeksForm(request.POST)
        valid = form.is_valid()
        weeks = form.cleaned_data if valid else None
    else:
        kwargs = {"prefix": section.value}
        if section == PlanSection.TEAM:
            kwargs["form_kwargs"] = {"person_choices": team_choices(plan.school)}
        form = FORMSETS[section](request.POST, **kwargs)
        valid = form.is_valid() and version_form.is_valid()
        rows = formset_rows(form) if valid else None
    if not valid or not version_form.is_valid():
        error = _("Some fields are not valid: check the dates and numbers in this section.")
    else:
        try:
            plan = plan_section_save(
                programme=plan.programme,
                school=plan.school,
                user=request.user,
                section=section,
                expected_version=version_form.cleaned_data["version"],
                rows=rows,
                weeks=weeks,
            )
        except PlanConflict as exc:
            error, conflict = _message(exc), True
        except ValidationError as exc:
            error = _message(exc)
    if sent_by_script(request):
        if error:
            return JsonResponse({"ok": False, "message": error, "conflict": conflict}, status=409 if conflict else 400)
        done = {item["key"].value: item["done"] for item in plan_checklist(plan_with_parts(plan))}
        return JsonResponse(
            {
                "ok": True,
                "version": plan.version,
                "message": _("Draft saved."),
                "time": time_format(timezone.localtime(), "H:i"),
                "checklist": done,
            }
        )
    if error:
        messages.error(request, error)
        posted = version_form.cleaned_data.get("version") if version_form.is_valid() else None
        return render_plan(request, plan, bound_section=section, data=request.POST, version=posted, status=400)
    messages.success(request, _("Draft saved."))
    return redirect(plan_url(plan, f"section-{section.value}"))


@login_required
@require_POST
def plan_attachment_add(request, programme_pk, school_pk):
    plan = plan_or_404(request, programme_pk, school_pk, "schools.edit_plan")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
    else:
        try:
            attachment_add(plan=plan, user=request.user, upload=form.cleaned_data["file"])
            messages.success(request, _("File attached."))
        except ValidationError as exc:
            messages.error(request, _message(exc))
    return redirect(plan_url(plan, "section-attachments"))


def _attachment(request, programme_pk, school_pk, pk, perm):
    plan = plan_or_404(request, programme_pk, school_pk, perm)
    if plan.pk is None:
        raise Http404
    attachment = get_object_or_404(Attachment, plan=plan, pk=pk)
    attachment.plan = plan
    return attachment


@login_required
def plan_attachment(request, programme_pk, school_pk, pk):
    attachment = _attachment(request, programme_pk, school_pk, pk, "schools.view_plan")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=attachment.kind not in ("pdf", "jpeg", "png"),
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def plan_attachment_delete(request, programme_pk, school_pk, pk):
    attachment = _attachment(request, programme_pk, school_pk, pk, "schools.edit_plan")
    try:
        attachment_delete(attachment=attachment, user=request.user)
        messages.success(request, _("File removed."))
    except ValidationError as exc:
        messages.error(request, _message(exc))
    return redirect(plan_url(attachment.plan, "section-attachments"))


@login_required
@require_POST
def plan_submit_view(request, programme_pk, school_pk):
    plan = plan_or_404(request, programme_pk, school_pk, "schools.edit_plan")
    form = SubmitForm(request.POST)
    if plan.pk is None or not form.is_valid():
        messages.error(request, _("The plan is not complete yet: fill in the sections first."))
        return redirect(plan_url(plan))
    try:
        version = plan_submit(plan=plan, user=request.user, expected_version=form.cleaned_data["version"])
        messages.success(
            request,
            _("Version %(number)s submitted. The education office and the organisers have been told.")
            % {"number": version.number},
        )
    except ValidationError as exc:
        messages.error(request, _message(exc))
    return redirect(plan_url(plan))

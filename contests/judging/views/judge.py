"""The judge's workspace: open rounds with progress, one entry at a time with its rubric,
the live-showcase mode for a phone, and declaring a conflict of interest.

A judge reaches a round or an entry only through their assignment in an open round
(selectors_judging); anything else answers 404. A sheet is written by one service call;
a refusal (ValidationError) is shown on the form (or as JSON to live-judging.js) and
nothing is saved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from contests.enums import ConflictSource, EvaluationStatus, RoundMode
from contests.judging.forms import ConflictDeclareForm, ScoreForm
from contests.judging.selectors import (
    DONE,
    assignment_or_404,
    assignments_of,
    criteria_of,
    entry_for_judge,
    evaluation_of,
    round_of_judge_or_404,
    rounds_of_judge,
)
from contests.judging.services import evaluation_save, evaluation_withdraw
from contests.judging.services_assignments import conflict_add
from contests.models import Contest
from home.fetch import sent_by_script
from schools.models import School


def _errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def judging_home(request):
    if not request.user.has_perm("contests.view_judging"):
        raise PermissionDenied
    rounds = list(rounds_of_judge(request.user))
    contests = Contest.objects.filter(judges__judge=request.user).order_by("-opens_at", "title").only("pk", "title")
    return render(request, "contests/judging/home.html", {"rounds": rounds, "contests": contests})


@login_required
def judging_round(request, round_pk):
    round_ = round_of_judge_or_404(request.user, round_pk)
    assignments = assignments_of(request.user, round_)
    return render(
        request,
        "contests/judging/round.html",
        {
            "round": round_,
            "assignments": assignments,
            "done": sum(1 for a in assignments if a.evaluation and a.evaluation.status in DONE),
        },
    )


def _neighbours(assignments, entry_pk):
    ids = [a.entry_id for a in assignments]
    if entry_pk not in ids:
        return None, None, 0
    i = ids.index(entry_pk)
    return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None), i + 1


def _next_open(assignments, after=None):
    """The first entry without a finished sheet, in presentation order (after `after` first)."""
    pending = [a for a in assignments if not (a.evaluation and a.evaluation.status in DONE)]
    if after is not None:
        ids = [a.entry_id for a in assignments]
        position = ids.index(after) if after in ids else -1
        later = [a for a in pending if ids.index(a.entry_id) > position]
        if later:
            return later[0]
    return pending[0] if pending else None


def _score_context(request, round_, assignment, form, assignments, *, live=False):
    entry = entry_for_judge(assignment.entry_id)
    evaluation = assignment.evaluation
    previous, following, number = _neighbours(assignments, entry.pk)
    return {
        "round": round_,
        "entry": entry,
        "blind": round_.blind,
        "media": [m for m in entry.media.all() if m.status == "ready"],
        "criteria_fields": [(c, form[f"c_{c.pk}"]) for c in form.criteria],
        "form": form,
        "evaluation": evaluation,
        "locked": bool(evaluation and evaluation.status != EvaluationStatus.DRAFT),
        "previous": previous,
        "next": following,
        "number": number,
        "total": len(assignments),
        "done": sum(1 for a in assignments if a.evaluation and a.evaluation.status in DONE),
        "live": live,
        "screening": round_.mode == RoundMode.SCREENING,
    }


def _assignment_in(assignments, entry_pk, round_, user):
    for assignment in assignments:
        if assignment.entry_id == entry_pk:
            return assignment
    assignment_or_404(user, round_, entry_pk)  # conflicted or not assigned
    raise Http404


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def judging_score(request, round_pk, entry_pk):
    round_ = round_of_judge_or_404(request.user, round_pk)
    assignments = assignments_of(request.user, round_)
    assignment = _assignment_in(assignments, entry_pk, round_, request.user)
    live = request.GET.get("live") == "1" or request.POST.get("live") == "1"
    criteria = criteria_of(round_)
    evaluation = evaluation_of(request.user, round_, assignment.entry) if assignment.evaluation else None
    assignment.evaluation = evaluation
    form = ScoreForm(request.POST or None, criteria=criteria, round_=round_, evaluation=evaluation)
    if request.method == "POST":
        saved = _save(request, form, round_, assignment)
        if saved is not None:
            evaluation, changed = saved
            message = _("Saved") if form.chosen == "save" else _("Submitted: the score sheet is locked.")
            if sent_by_script(request):
                following = _next_after(request.user, round_, assignment.entry_id, live)
                return JsonResponse({"ok": True, "message": _("Saved"), "status": evaluation.status, "next": following})
            messages.success(request, message)
            if form.chosen == "save":
                return redirect(_score_url(round_, assignment.entry_id, live))
            return redirect(_next_after(request.user, round_, assignment.entry_id, live))
        if sent_by_script(request):
            return JsonResponse(
                {"ok": False, "message": " ".join(str(e) for e in form.non_field_errors()), "errors": form.errors},
                status=400,
            )
    template = "contests/judging/live.html" if live else "contests/judging/score.html"
    context = _score_context(request, round_, assignment, form, assignments, live=live)
    return render(request, template, context, status=400 if form.errors else 200)


def _save(request, form, round_, assignment):
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        if form.withdraw_status:
            evaluation = evaluation_withdraw(
                round_=round_,
                judge=request.user,
                entry=assignment.entry,
                status=form.withdraw_status,
                comment=data["comment"],
                client_id=data.get("client_id"),
            )
            return evaluation, True
        return evaluation_save(
            round_=round_,
            judge=request.user,
            entry=assignment.entry,
            scores=data["scores"],
            comment=data["comment"],
            passed=data.get("passed"),
            submit=form.chosen == "submit",
            client_id=data.get("client_id"),
        )
    except ValidationError as error:
        _errors(form, error)
        return None


def _score_url(round_, entry_pk, live):
    url = reverse("contests:judging_score", args=[round_.pk, entry_pk])
    return url + "?live=1" if live else url


def _next_after(user, round_, entry_pk, live) -> str:
    if live:
        return reverse("contests:judging_live", args=[round_.pk])
    following = _next_open(assignments_of(user, round_), after=entry_pk)
    if following is None:
        return reverse("contests:judging_round", args=[round_.pk])
    return _score_url(round_, following.entry_id, False)


@never_cache
@login_required
def judging_live(request, round_pk):
    """The next entry without a finished sheet, in presentation order, with large controls."""
    round_ = round_of_judge_or_404(request.user, round_pk)
    assignments = assignments_of(request.user, round_)
    following = _next_open(assignments)
    if following is None:
        return render(request, "contests/judging/live_done.html", {"round": round_, "total": len(assignments)})
    criteria = criteria_of(round_)
    evaluation = evaluation_of(request.user, round_, following.entry) if following.evaluation else None
    following.evaluation = evaluation
    form = ScoreForm(criteria=criteria, round_=round_, evaluation=evaluation)
    context = _score_context(request, round_, following, form, assignments, live=True)
    return render(request, "contests/judging/live.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def judging_conflict_declare(request, contest_pk):
    contest = Contest.objects.filter(pk=contest_pk, judges__judge=request.user).first()
    if contest is None:
        raise Http404
    if not request.user.has_perm("contests.declare_conflict", contest):
        raise PermissionDenied
    schools = School.objects.filter(contest_entries__contest=contest).distinct().order_by("name")
    form = ConflictDeclareForm(request.POST or None, contest=contest, schools=schools)
    if request.method == "POST" and form.is_valid():
        try:
            conflict_add(
                contest=contest,
                judge=request.user,
                source=ConflictSource.DECLARED,
                by=request.user,
                school=form.cleaned_data.get("school"),
                entry=form.cleaned_data.get("entry"),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Your conflict of interest is recorded; those entries are no longer yours."))
            return redirect("contests:judging")
    return render(
        request,
        "contests/judging/conflict_form.html",
        {"contest": contest, "form": form},
        status=400 if form.errors else 200,
    )

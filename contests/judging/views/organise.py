"""Organisers' judging pages: invite judges, assign entries (all, panels, balanced k), list
and add conflicts of interest, follow each judge's progress, import paper score sheets.

Only organisers of the contest's programme (`contests.manage_judging`); a contest of
another programme answers 404.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from contests.enums import ConflictSource
from contests.judging.forms import AssignForm, ConflictAddForm, InviteForm, ScoreImportForm
from contests.judging.imports import COLUMNS, EXAMPLE_ROWS, import_scores
from contests.judging.selectors import (
    conflicts_in,
    contest_managed_or_404,
    contests_managed_by,
    eligible_entries,
    progress_by_judge,
)
from contests.judging.services_assignments import assign_all, assign_balanced, assign_panel, conflict_add, judge_invite
from contests.judging.views.judge import _errors
from contests.models import Entry, Round
from schools.enums import Role
from schools.models import School


def _contest(request, contest_pk):
    if not request.user.has_perm("contests.manage_judging"):
        raise PermissionDenied
    contest = contest_managed_or_404(request.user, contest_pk)
    if not request.user.has_perm("contests.manage_judging", contest):
        raise PermissionDenied
    return contest


def _forms(contest, data=None, which=None):
    User = get_user_model()
    judges = User.objects.filter(judging__contest=contest).order_by("username")
    judge_role = User.objects.filter(is_active=True, memberships__role=Role.JUDGE).distinct().order_by("username")
    rounds = Round.objects.filter(contest=contest).order_by("order")
    entries = Entry.objects.filter(contest=contest, pk__in=[])
    first_round = rounds.first()
    if first_round is not None:
        entries = eligible_entries(first_round)
    schools = School.objects.filter(contest_entries__contest=contest).distinct().order_by("name")
    return {
        "invite_form": InviteForm(data if which == "invite" else None, judges=judge_role),
        "assign_form": AssignForm(data if which == "assign" else None, rounds=rounds, judges=judges, entries=entries),
        "conflict_form": ConflictAddForm(
            data if which == "conflict" else None, contest=contest, schools=schools, judges=judges
        ),
    }


def _page(request, contest, forms, status=200):
    return render(
        request,
        "contests/judging/manage.html",
        {
            "contest": contest,
            "rounds": Round.objects.filter(contest=contest).order_by("order"),
            "judges": contest.judges.select_related("judge").order_by("judge__username"),
            "progress": progress_by_judge(contest),
            "conflicts": conflicts_in(contest),
            **forms,
        },
        status=status,
    )


@login_required
def judging_manage_index(request):
    if not request.user.has_perm("contests.manage_judging"):
        raise PermissionDenied
    return render(request, "contests/judging/manage_index.html", {"contests": contests_managed_by(request.user)})


@login_required
def judging_manage(request, contest_pk):
    contest = _contest(request, contest_pk)
    return _page(request, contest, _forms(contest))


@login_required
@require_POST
def judging_invite(request, contest_pk):
    contest = _contest(request, contest_pk)
    forms = _forms(contest, request.POST, "invite")
    form = forms["invite_form"]
    if form.is_valid():
        try:
            judge_invite(
                contest=contest,
                judge=form.cleaned_data["user"],
                by=request.user,
                is_chair=form.cleaned_data["is_chair"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("%(name)s is a judge of this contest.") % {"name": form.cleaned_data["user"]})
            return redirect("contests:judging_manage", contest.pk)
    return _page(request, contest, forms, status=400)


@login_required
@require_POST
def judging_assign(request, contest_pk):
    contest = _contest(request, contest_pk)
    forms = _forms(contest, request.POST, "assign")
    form = forms["assign_form"]
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["mode"] == "all":
                result = assign_all(round_=data["round"], by=request.user)
            elif data["mode"] == "panel":
                result = assign_panel(
                    round_=data["round"], judges=data["judges"], entries=data["entries"], by=request.user
                )
            else:
                result = assign_balanced(round_=data["round"], k=data.get("k"), by=request.user)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request,
                _("%(created)s assignment(s) made; %(skipped)s left out for conflicts of interest.")
                % {"created": result.created, "skipped": result.skipped_conflicts},
            )
            for entry, count in result.short:
                messages.warning(
                    request,
                    _("%(code)s has only %(count)s judge(s) free of conflict.") % {"code": entry.code, "count": count},
                )
            return redirect("contests:judging_manage", contest.pk)
    return _page(request, contest, forms, status=400)


@login_required
@require_POST
def judging_conflict_add(request, contest_pk):
    contest = _contest(request, contest_pk)
    forms = _forms(contest, request.POST, "conflict")
    form = forms["conflict_form"]
    if form.is_valid():
        try:
            conflict_add(
                contest=contest,
                judge=form.cleaned_data["judge"],
                source=ConflictSource.ORGANISER,
                by=request.user,
                school=form.cleaned_data.get("school"),
                entry=form.cleaned_data.get("entry"),
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The conflict of interest is recorded."))
            return redirect("contests:judging_manage", contest.pk)
    return _page(request, contest, forms, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def judging_import(request, contest_pk):
    contest = _contest(request, contest_pk)
    form = ScoreImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_scores(
            form.cleaned_data["file"], contest=contest, user=request.user, dry_run=form.cleaned_data["dry_run"]
        )
    return render(
        request,
        "contests/judging/import.html",
        {"contest": contest, "form": form, "result": result, "columns": COLUMNS, "example_rows": EXAMPLE_ROWS},
        status=400 if (form.errors or (result and not result.ok)) else 200,
    )

"""The school's review (endorse or return) and the organisers' check, list and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contests.entries.exports import entries_xlsx
from contests.entries.forms import CheckForm, EntryFilterForm, ReturnForm
from contests.entries.selectors import (
    contest_eligible_schools,
    entries_for_organiser,
    entries_to_endorse,
    entry_status_counts,
)
from contests.entries.services import entry_check, entry_endorse, entry_return
from contests.entries.views.entries import contest_or_404, entry_or_404
from contests.enums import EntryStatus

PER_PAGE = 100


@login_required
def endorse_queue(request):
    if not request.user.has_perm("contests.endorse_entry"):
        raise PermissionDenied
    return render(
        request,
        "contests/entries/queue.html",
        {"entries": entries_to_endorse(request.user), "return_form": ReturnForm()},
    )


def _back(request, entry):
    target = request.POST.get("next", "")
    if target == "queue":
        return redirect("contests:endorse_queue")
    if target == "list":
        return redirect("contests:contest_entries", entry.contest.slug)
    return redirect("contests:entry", entry.pk)


@login_required
@require_POST
def entry_endorse_view(request, pk):
    entry = entry_or_404(request, pk, "contests.endorse_entry")
    try:
        entry_endorse(entry=entry, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The entry %(code)s is endorsed and sent to the organisers.") % {"code": entry.code}
        )
    return _back(request, entry)


@login_required
@require_POST
def entry_return_view(request, pk):
    entry = entry_or_404(request, pk, "contests.endorse_entry")
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what should be changed."))
        return _back(request, entry)
    try:
        entry_return(entry=entry, user=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The entry %(code)s was returned with your comment.") % {"code": entry.code})
    return _back(request, entry)


def _filtered(request, contest):
    form = EntryFilterForm(request.GET or None, schools=contest_eligible_schools(contest))
    school = status = ""
    if form.is_bound and form.is_valid():
        school = form.cleaned_data["school"]
        status = form.cleaned_data["status"]
    entries = entries_for_organiser(contest, school=school or None, status=status)
    return form, entries


@login_required
def contest_entries(request, slug):
    contest = contest_or_404(request, slug, "contests.view_contest_entries")
    form, entries = _filtered(request, contest)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    counts = entry_status_counts(contest)
    entries = list(page.object_list)
    for entry in entries:
        entry.contest = contest  # the rows' check_eligibility reads it: no query per row
    return render(
        request,
        "contests/entries/contest_entries.html",
        {
            "contest": contest,
            "form": form,
            "entries": entries,
            "page": page,
            "query": query.urlencode(),
            "status_counts": [
                (status, label, counts[status]) for status, label in EntryStatus.choices if counts.get(status)
            ],
            "total": sum(counts.values()),
        },
    )


@login_required
def contest_entries_export(request, slug):
    contest = contest_or_404(request, slug, "contests.view_contest_entries")
    _form, entries = _filtered(request, contest)
    return entries_xlsx(contest, entries)


@login_required
@require_POST
def entry_check_view(request, pk):
    entry = entry_or_404(request, pk, "contests.check_entry")
    form = CheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose eligible or not eligible."))
        return _back(request, entry)
    eligible = form.cleaned_data["decision"] == "eligible"
    try:
        entry_check(entry=entry, user=request.user, eligible=eligible, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if eligible:
            messages.success(request, _("The entry %(code)s is marked eligible.") % {"code": entry.code})
        else:
            messages.success(request, _("The entry %(code)s is marked not eligible.") % {"code": entry.code})
    return _back(request, entry)

"""Implementation of selected initiatives: the per-contest list with progress (organisers,
officers, and the school's own people), one initiative's record, and its updates.

Permissions by name: `contests.view_implementation` to read, `contests.update_implementation`
to write. Another school's initiative answers 404 (selector scoped to what the user may
see); a visible one the user may not update, 403. Refused input: a message, nothing changed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contests.enums import ImplementationStatus
from contests.implementation import services
from contests.implementation.forms import ImplementationForm, IndicatorForm, MilestoneForm
from contests.implementation.selectors import (
    contest_get,
    implementation_of,
    indicators_of,
    milestone_get,
    milestones_of,
    selected_entries_of_contest,
    selected_entry_for_user,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _entry_or_404(request, entry_pk, perm="contests.view_implementation"):
    entry = selected_entry_for_user(request.user, entry_pk)
    if entry is None:
        raise Http404
    if not request.user.has_perm(perm, entry):
        raise PermissionDenied
    return entry


def _refused(request, entry, form_name: str, form, error: ValidationError | None = None):
    """The page again with the form's errors and a message; nothing was written."""
    if error is not None:
        try:
            form.add_error(None, error)
        except ValueError:  # a field the form does not show
            form.add_error(None, error.messages)
    messages.error(request, _("Nothing was saved: %(errors)s") % {"errors": " ".join(_messages(form))})
    context = _detail_context(request, entry, **{form_name: form})
    return render(request, "contests/implementation/detail.html", context, status=400)


def _messages(form) -> list[str]:
    return [str(message) for errors in form.errors.values() for message in errors]


@login_required
def contest_list(request, slug):
    contest = contest_get(slug)
    if contest is None:
        raise Http404
    if not request.user.has_perm("contests.view_implementation"):
        raise PermissionDenied
    entries = selected_entries_of_contest(request.user, contest)
    rows = [(entry, implementation_of(entry)) for entry in entries]
    return render(request, "contests/implementation/list.html", {"contest": contest, "rows": rows})


def _detail_context(request, entry, **forms):
    implementation = implementation_of(entry)
    can_update = request.user.has_perm("contests.update_implementation", entry)
    initial = {"status": ImplementationStatus.NOT_STARTED, "progress_pct": 0}
    if implementation is not None:
        initial = {f: getattr(implementation, f) for f in ("status", "progress_pct", "summary")}
    return {
        "entry": entry,
        "contest": entry.contest,
        "implementation": implementation,
        "team": [member.student.public_name for member in entry.members.all()],
        "milestones": milestones_of(implementation),
        "indicators": indicators_of(implementation),
        "can_update": can_update,
        "form": forms.get("form") or ImplementationForm(initial=initial),
        "milestone_form": forms.get("milestone_form") or MilestoneForm(),
        "indicator_form": forms.get("indicator_form") or IndicatorForm(),
    }


@login_required
def detail(request, entry_pk):
    entry = _entry_or_404(request, entry_pk)
    return render(request, "contests/implementation/detail.html", _detail_context(request, entry))


@login_required
@require_POST
def update(request, entry_pk):
    entry = _entry_or_404(request, entry_pk, "contests.update_implementation")
    form = ImplementationForm(request.POST)
    if not form.is_valid():
        return _refused(request, entry, "form", form)
    try:
        services.implementation_update(entry=entry, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _refused(request, entry, "form", form, error)
    messages.success(request, _("The implementation record is saved."))
    return redirect("contests:implementation", entry.pk)


@login_required
@require_POST
def milestone_add(request, entry_pk):
    entry = _entry_or_404(request, entry_pk, "contests.update_implementation")
    form = MilestoneForm(request.POST, request.FILES)
    if not form.is_valid():
        return _refused(request, entry, "milestone_form", form)
    try:
        services.milestone_add(entry=entry, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _refused(request, entry, "milestone_form", form, error)
    messages.success(request, _("The milestone is added."))
    return redirect("contests:implementation", entry.pk)


@login_required
@require_POST
def milestone_delete(request, entry_pk, pk):
    entry = _entry_or_404(request, entry_pk, "contests.update_implementation")
    milestone = milestone_get(entry, pk)
    if milestone is None:
        raise Http404
    services.milestone_delete(milestone=milestone, user=request.user)
    messages.success(request, _("The milestone is removed."))
    return redirect("contests:implementation", entry.pk)


@login_required
def milestone_photo(request, entry_pk, pk):
    entry = _entry_or_404(request, entry_pk)
    milestone = milestone_get(entry, pk)
    if milestone is None or not milestone.photo:
        raise Http404
    try:
        handle = milestone.photo.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    head = handle.read(8)
    handle.seek(0)
    content_type = "image/png" if head == PNG_SIGNATURE else "image/jpeg"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def indicator_save(request, entry_pk):
    entry = _entry_or_404(request, entry_pk, "contests.update_implementation")
    form = IndicatorForm(request.POST)
    if not form.is_valid():
        return _refused(request, entry, "indicator_form", form)
    try:
        services.indicator_save(entry=entry, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _refused(request, entry, "indicator_form", form, error)
    messages.success(request, _("The indicator is saved."))
    return redirect("contests:implementation", entry.pk)

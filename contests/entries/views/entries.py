"""Submitting entries: the contests a user may enter, their entries, the entry form with
autosave, submitting and withdrawing.

Another school's entry answers 404 (it is fetched through `entries_visible_to`); a
visible entry the user may not act on answers 403. Files go through the media service
(`entry_media_add`) one by one after the draft is saved, so typed text is never lost.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from contests.entries.forms import CheckForm, EntryForm, ReturnForm, initial_for
from contests.entries.selectors import (
    contest_accepts_entries,
    contest_for_user,
    contests_of_participant,
    contests_open_to,
    contests_organised_by,
    entries_of_user_in_contest,
    entries_to_endorse,
    entry_by_client_id,
    entry_detail,
    entry_get_for_user,
    school_students_for_team,
    submitter_schools,
)
from contests.entries.services import entry_save, entry_submit, entry_withdraw
from contests.entries.services_media import entry_media_add, entry_media_remove
from contests.enums import ENTRY_EDITABLE, EntryStatus
from contests.models import EntryMedia
from schools.models import School
from schools.predicates import is_teacher_of_school


def add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def contest_or_404(request, slug, perm=None):
    contest = contest_for_user(request.user, slug)
    if contest is None:
        raise Http404
    if perm and not request.user.has_perm(perm, contest):
        raise PermissionDenied
    return contest


def entry_or_404(request, pk, perm="contests.view_entry"):
    entry = entry_get_for_user(request.user, pk)
    if entry is None:
        raise Http404
    if perm and not request.user.has_perm(perm, entry):
        raise PermissionDenied
    return entry


@login_required
def entries_home(request):
    user = request.user
    if not user.has_perm("contests.view_entry"):
        raise PermissionDenied
    open_ids = {c.pk for c in contests_open_to(user)}
    return render(
        request,
        "contests/entries/home.html",
        {
            "contests": contests_of_participant(user),
            "open_ids": open_ids,
            "organised": contests_organised_by(user) if user.has_perm("contests.manage_contest") else [],
            "to_endorse": entries_to_endorse(user).count() if user.has_perm("contests.endorse_entry") else None,
        },
    )


@login_required
def my_entries(request, slug):
    contest = contest_or_404(request, slug)
    user = request.user
    participant = contests_of_participant(user).filter(pk=contest.pk).exists()
    if not participant:
        if user.has_perm("contests.view_contest_entries", contest):
            return redirect("contests:contest_entries", contest.slug)
        raise PermissionDenied
    return render(
        request,
        "contests/entries/my_entries.html",
        {
            "contest": contest,
            "entries": entries_of_user_in_contest(user, contest),
            "can_submit": user.has_perm("contests.submit_entry", contest),
            "is_open": contest_accepts_entries(contest),
        },
    )


def _form_for(request, contest, school_choices, *, entry=None, data=None, files=None, initial=None):
    school = entry.school if entry else (school_choices[0] if school_choices else None)
    if data is not None and entry is None and len(school_choices) > 1:
        chosen = data.get("school")
        school = next((s for s in school_choices if str(s.pk) == chosen), school)
    students = school_students_for_team(school) if school else School.objects.none()
    consent_editable = bool(school and is_teacher_of_school(request.user, school))
    form = EntryForm(
        data,
        files,
        initial=initial,
        contest=contest,
        students=students,
        schools=School.objects.filter(pk__in=[s.pk for s in school_choices]),
        consent_editable=consent_editable,
    )
    if entry is not None or len(school_choices) <= 1:
        del form.fields["school"]
    return form, school


def _page(request, form, contest, school, entry=None, status=200):
    return render(
        request,
        "contests/entries/form.html",
        {
            "form": form,
            "contest": contest,
            "school": school,
            "entry": entry,
            "media": list(entry.media.all()) if entry else [],
            "is_open": contest_accepts_entries(contest),
        },
        status=status,
    )


def _own_student(user, school):
    student = getattr(user, "student", None) if getattr(user, "is_authenticated", False) else None
    return student if student is not None and student.school_id == school.pk and student.active else None


def _save_from_form(request, form, contest, school):
    """Save the draft, add the files one by one, then submit if asked. Returns the entry or None."""
    data = form.cleaned_data
    members = list(data.get("members") or [])
    own = _own_student(request.user, school)
    if own is not None and own not in members:
        members.insert(0, own)  # a student submitting is in their own team
    try:
        entry, _created = entry_save(
            contest=contest,
            school=school,
            user=request.user,
            client_id=data["client_id"],
            data=form.entry_data(),
            members=members,
            lead=own,
            consents=form.consents(),
        )
    except ValidationError as error:
        add_errors(form, error)
        return None
    failed = False
    uploads = [*data.get("images", []), *data.get("documents", [])]
    if uploads:
        for upload in uploads:
            try:
                entry_media_add(entry=entry, upload=upload, user=request.user)
            except ValidationError as error:
                failed = True
                field = "images" if upload in data.get("images", []) else "documents"
                name = getattr(upload, "name", "")
                form.add_error(field, f"{name}: {' '.join(error.messages)}")
    if failed:
        form.add_error(None, _("The draft is saved, but some files were not added. Choose them again or others."))
        return entry, False
    if request.POST.get("action") == "submit":
        try:
            entry_submit(entry=entry, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
            form.add_error(None, _("The draft is saved but not submitted."))
            return entry, False
        return entry, True
    return entry, True


def _after_save(request, entry):
    entry.refresh_from_db(fields=["status"])
    if entry.status == EntryStatus.SUBMITTED:
        messages.success(
            request,
            _("The entry %(code)s is submitted. A teacher of the school will endorse it.") % {"code": entry.code},
        )
    elif entry.status == EntryStatus.ENDORSED:
        messages.success(
            request, _("The entry %(code)s is submitted and endorsed by the school.") % {"code": entry.code}
        )
    else:
        messages.success(request, _("Draft saved."))
    return redirect("contests:entry", entry.pk)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def entry_new(request, slug):
    contest = contest_or_404(request, slug, "contests.submit_entry")
    schools = submitter_schools(request.user, contest)
    if not schools:
        raise PermissionDenied
    if request.method == "POST":
        existing = (
            entry_by_client_id(request.user, request.POST.get("client_id") or None)
            if _is_uuid(request.POST.get("client_id"))
            else None
        )
        if existing is not None:  # the autosave made the draft already: continue on it
            return entry_detail_view(request, existing.pk)
        form, school = _form_for(request, contest, schools, data=request.POST, files=request.FILES)
        if form.is_valid():
            result = _save_from_form(request, form, contest, school)
            if result is not None:
                entry, done = result
                if done:
                    return _after_save(request, entry)
                return _page(request, form, contest, school, entry_detail(entry), status=400)
        return _page(request, form, contest, school, status=400)
    own = _own_student(request.user, schools[0])
    initial = {"client_id": uuid.uuid4(), "members": [own.pk] if own else []}
    form, school = _form_for(request, contest, schools, initial=initial)
    return _page(request, form, contest, school)


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def entry_detail_view(request, pk):
    entry = entry_or_404(request, pk)
    contest = entry.contest
    user = request.user
    can_edit = user.has_perm("contests.edit_entry", entry)
    if request.method == "POST":
        if not can_edit:
            resent = request.POST.get("client_id") == str(entry.client_id) and request.POST.get("action") == "submit"
            if resent and entry.status not in ENTRY_EDITABLE:
                messages.info(request, _("This entry had already been submitted; it was not sent twice."))
                return redirect("contests:entry", entry.pk)
            raise PermissionDenied
        form, school = _form_for(request, contest, [entry.school], entry=entry, data=request.POST, files=request.FILES)
        if form.is_valid():
            if form.cleaned_data["client_id"] != entry.client_id:
                raise Http404
            result = _save_from_form(request, form, contest, entry.school)
            if result is not None and result[1]:
                return _after_save(request, result[0])
        return _page(request, form, contest, entry.school, entry_detail(entry), status=400)
    entry = entry_detail(entry)
    if can_edit:
        form, school = _form_for(request, contest, [entry.school], entry=entry, initial=initial_for(entry))
        return _page(request, form, contest, school, entry)

    return render(
        request,
        "contests/entries/detail.html",
        {
            "entry": entry,
            "contest": contest,
            "members": list(entry.members.all()),
            "media": list(entry.media.all()),
            "can_withdraw": user.has_perm("contests.withdraw_entry", entry),
            "can_review": user.has_perm("contests.review_entry", entry),
            "can_check": user.has_perm("contests.check_entry", entry),
            "return_form": ReturnForm(),
            "check_form": CheckForm(),
            "before_deadline": timezone.now() < contest.closes_at,
        },
    )


@login_required
@require_POST
def entry_autosave(request, slug):
    """Save the form as a draft (fetch from contest-entry.js): JSON {ok, id, url} or {ok: false, errors}."""
    contest = contest_or_404(request, slug)
    user = request.user
    client_id = request.POST.get("client_id")
    existing = entry_by_client_id(user, client_id) if _is_uuid(client_id) else None
    if existing is not None:
        if existing.contest_id != contest.pk:
            raise Http404
        if not user.has_perm("contests.edit_entry", existing):
            raise PermissionDenied
        schools, entry = [existing.school], existing
    else:
        if not user.has_perm("contests.submit_entry", contest):
            raise PermissionDenied
        schools, entry = submitter_schools(user, contest), None
        if not schools:
            raise PermissionDenied
    form, school = _form_for(request, contest, schools, entry=entry, data=request.POST)
    if form.is_valid():
        data = form.cleaned_data
        members = list(data.get("members") or [])
        own = _own_student(user, school)
        if own is not None and own not in members:
            members.insert(0, own)
        try:
            saved, _created = entry_save(
                contest=contest,
                school=school,
                user=user,
                client_id=data["client_id"],
                data=form.entry_data(),
                members=members,
                lead=own,
                consents=form.consents(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            now = timezone.localtime().strftime("%H:%M")
            return JsonResponse(
                {
                    "ok": True,
                    "id": saved.pk,
                    "code": saved.code,
                    "url": reverse("contests:entry", args=[saved.pk]),
                    "message": _("Draft saved at %(time)s") % {"time": now},
                }
            )
    errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
    return JsonResponse(
        {"ok": False, "errors": errors, "message": _("Not saved: check the marked fields.")}, status=400
    )


@login_required
@require_POST
def entry_withdraw_view(request, pk):
    entry = entry_or_404(request, pk, "contests.withdraw_entry")
    try:
        entry_withdraw(entry=entry, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The entry %(code)s is withdrawn.") % {"code": entry.code})
    return redirect("contests:entry", entry.pk)


@login_required
@require_POST
def entry_media_remove_view(request, pk, media_pk):
    entry = entry_or_404(request, pk, "contests.edit_entry")
    media = EntryMedia.objects.filter(entry=entry, pk=media_pk).first()
    if media is None:
        raise Http404

    try:
        entry_media_remove(media=media, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The file was removed."))
    return redirect("contests:entry", entry.pk)

"""Recording, autosaving, verifying, returning and correcting audit days.

A day is recorded by teachers and core-team students of the school (and organisers);
verified or returned by its teachers (and organisers). Every write is one service
call; a ValidationError becomes a message on the form and nothing is saved.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from audits.enums import SessionStatus
from audits.forms import CorrectionForm, DayForm, ReturnForm, initial_for
from audits.selectors import periods_of_school, recordable_categories, session_lines, sessions_of_school
from audits.services import audit_line_correct, audit_session_return, audit_session_save, audit_session_verify

from ._access import period_or_404, school_or_404, session_or_404


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def school_audits(request, school_pk):
    school = school_or_404(request, school_pk)
    user = request.user
    return render(
        request,
        "audits/school_audits.html",
        {
            "school": school,
            "periods": periods_of_school(school),
            "sessions": sessions_of_school(school),
            "can_record": user.has_perm("audits.record_audit", school),
            "can_verify": user.has_perm("audits.verify_audit", school),
            "can_import": user.has_perm("audits.import_audits", school),
        },
    )


def _save(request, form, school, period):
    submit = request.POST.get("action") == "submit"
    try:
        session, changed = audit_session_save(
            school=school,
            period=period,
            client_id=form.cleaned_data["client_id"],
            user=request.user,
            day=form.day_input(),
            lines=form.cleaned_data["lines"],
            photo=form.cleaned_data.get("photo"),
            submit=submit,
        )
    except ValidationError as error:
        _add_errors(form, error)
        return None, submit, False
    return session, submit, changed


def _form_page(request, form, school, period, session=None, status=200):
    return render(
        request,
        "audits/day_form.html",
        {"form": form, "school": school, "period": period, "session": session},
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def day_new(request, school_pk, period_pk):
    school = school_or_404(request, school_pk, "audits.record_audit")
    period = period_or_404(school, period_pk)
    categories = recordable_categories()
    if request.method == "POST":
        form = DayForm(request.POST, request.FILES, categories=categories)
        if form.is_valid():
            session, submit, changed = _save(request, form, school, period)
            if session is not None:
                return _after_save(request, session, submit, changed)
        return _form_page(request, form, school, period, status=400)
    today = timezone.localdate()
    day = min(max(today, period.starts_on), period.ends_on)
    form = DayForm(initial={"client_id": uuid.uuid4(), "date": day}, categories=categories)
    return _form_page(request, form, school, period)


def _after_save(request, session, submit, changed):
    if submit and not changed:
        messages.info(request, _("This day had already been submitted; it was not saved twice."))
    elif submit:
        messages.success(request, _("The day is submitted. A teacher of the school will verify it."))
    else:
        messages.success(request, _("Draft saved."))
    return redirect("audits:day", session.school_id, session.pk)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def day_detail(request, school_pk, pk):
    school = school_or_404(request, school_pk)
    session = session_or_404(school, pk)
    categories = recordable_categories()
    can_record = request.user.has_perm("audits.record_audit", school)
    editable = request.user.has_perm("audits.edit_day", session)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        if not editable:
            # The same form sent again after its day was submitted (double tap, retry): nothing changes.
            resent = request.POST.get("client_id") == str(session.client_id) and request.POST.get("action") == "submit"
            if not resent:
                raise PermissionDenied
            return _after_save(request, session, submit=True, changed=False)
        form = DayForm(request.POST, request.FILES, categories=categories)
        if form.is_valid():
            if form.cleaned_data["client_id"] != session.client_id:
                raise Http404
            saved, submit, changed = _save(request, form, school, session.period)
            if saved is not None:
                return _after_save(request, saved, submit, changed)
        return _form_page(request, form, school, session.period, session, status=400)
    lines = session_lines(session)
    if editable:
        form = DayForm(initial=initial_for(session, lines), categories=categories)
        return _form_page(request, form, school, session.period, session)
    return render(
        request,
        "audits/day_detail.html",
        {
            "school": school,
            "session": session,
            "rows": [(c, lines.get(c.pk)) for c in categories],
            "total_g": sum((line.mass_g or 0) for line in lines.values()),
            "corrections": session.corrections.select_related("category", "corrected_by"),
            "can_verify": request.user.has_perm("audits.verify_day", session),
            "can_correct": request.user.has_perm("audits.correct_day", session),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def day_autosave(request, school_pk, period_pk):
    """Save the form as a draft (fetch from audits.js); JSON {ok, id, url} or {ok: false, errors}."""
    school = school_or_404(request, school_pk, "audits.record_audit")
    period = period_or_404(school, period_pk)
    form = DayForm(request.POST, categories=recordable_categories())
    if form.is_valid():
        try:
            session, _changed = audit_session_save(
                school=school,
                period=period,
                client_id=form.cleaned_data["client_id"],
                user=request.user,
                day=form.day_input(),
                lines=form.cleaned_data["lines"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return JsonResponse(
                {
                    "ok": True,
                    "id": session.pk,
                    "url": reverse("audits:day", args=[school.pk, session.pk]),
                    "saved_at": timezone.localtime().strftime("%H:%M"),
                    "message": _("Draft saved at %(time)s") % {"time": timezone.localtime().strftime("%H:%M")},
                }
            )
    errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
    return JsonResponse(
        {"ok": False, "errors": errors, "message": _("Not saved: check the marked values.")}, status=400
    )


@login_required
@require_POST
def day_verify(request, school_pk, pk):
    school = school_or_404(request, school_pk, "audits.verify_audit")
    session = session_or_404(school, pk)
    try:
        audit_session_verify(session=session, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The day is verified and now counts in the results."))
    return redirect("audits:day", school.pk, session.pk)


@login_required
@require_POST
def day_return(request, school_pk, pk):
    school = school_or_404(request, school_pk, "audits.verify_audit")
    session = session_or_404(school, pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            audit_session_return(session=session, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The day was returned to be fixed."))
    else:
        messages.error(request, _("Say what needs to be fixed."))
    return redirect("audits:day", school.pk, session.pk)


@login_required
@require_http_methods(["GET", "POST"])
def day_correct(request, school_pk, pk):
    school = school_or_404(request, school_pk, "audits.correct_audit")
    session = session_or_404(school, pk)
    if session.status != SessionStatus.VERIFIED:
        messages.error(request, _("Only a verified day is corrected this way; edit the day instead."))
        return redirect("audits:day", school.pk, session.pk)
    form = CorrectionForm(request.POST or None, categories=recordable_categories())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            audit_line_correct(
                session=session,
                user=request.user,
                category=data["category"],
                mass_g=data["mass_g"],
                item_count=data["item_count"],
                reason=data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Correction saved; the old value is kept in the history."))
            return redirect("audits:day", school.pk, session.pk)
    return render(
        request,
        "audits/day_correct.html",
        {"school": school, "session": session, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def day_photo(request, school_pk, pk):
    school = school_or_404(request, school_pk)
    session = session_or_404(school, pk)
    if not session.photo:
        raise Http404
    response = FileResponse(session.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def tally_sheet(request, school_pk, period_pk):
    school = school_or_404(request, school_pk)
    period = period_or_404(school, period_pk)
    return render(
        request,
        "audits/tally_sheet.html",
        {
            "school": school,
            "period": period,
            "categories": recordable_categories(),
            "days": range(period.programme.required_audit_days or 5),
        },
    )

"""The programme set-up pages of the Wagtail admin: enrol schools in bulk, withdraw one, copy to a new year.

Thin: the programme is loaded through the organiser's scope (another programme answers
404), the permission is asked by name, one service writes, and a ValidationError becomes
a message in the user's language. Registered in schools/wagtail_hooks.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from schools.enrolments import (
    enrolment_preview,
    enrolment_withdraw,
    enrolments_create,
    programme_enrolments,
    programme_withdrawals,
)
from schools.forms_programme_setup import CopyForm, EnrolForm, WithdrawForm
from schools.models import Programme, School
from schools.programme_copy import copy_dates, copy_name, copy_slug, parse_year_name, programme_copy
from schools.selectors_scope import scope_of


def _programme(request, pk) -> Programme:
    programme = scope_of(Programme, request.user).select_related("area", "school_year").filter(pk=pk).first()
    if programme is None:
        raise Http404
    if not request.user.has_perm("schools.manage_programme", programme):
        raise PermissionDenied
    return programme


def _page(request, template, programme, title, **context):
    return render(
        request,
        f"schools/admin/{template}",
        {"programme": programme, "page_title": title, "header_icon": "list-ul", **context},
    )


@require_http_methods(["GET", "POST"])
def enrol(request, pk):
    """GET: the choice. POST "preview": the count and the list. POST "confirm": enrol them, all or nothing."""
    programme = _programme(request, pk)
    form = EnrolForm(request.POST or None, programme=programme)
    preview = None
    if request.method == "POST" and form.is_valid():
        preview = enrolment_preview(
            programme=programme,
            area=form.cleaned_data["area"],
            level=form.cleaned_data["level"],
            codes=form.cleaned_data["codes"],
        )
        if request.POST.get("action") == "confirm" and not preview.problems and preview.schools:
            try:
                created = enrolments_create(programme=programme, schools=preview.schools, by=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("%(count)s school(s) enrolled in “%(programme)s”.") % {"count": created, "programme": programme},
                )
                return redirect("schools_programme_enrol", pk=programme.pk)
    return _page(
        request,
        "enrol.html",
        programme,
        _("Enrol schools"),
        form=form,
        preview=preview,
        enrolments=programme_enrolments(programme),
        withdrawals=programme_withdrawals(programme),
    )


@require_http_methods(["GET", "POST"])
def withdraw(request, pk, school_pk):
    programme = _programme(request, pk)
    school = get_object_or_404(School.objects.filter(enrolments__programme=programme), pk=school_pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment_withdraw(programme=programme, school=school, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error("reason", exc)
        else:
            messages.success(request, _("“%(school)s” was withdrawn from the programme.") % {"school": school.name})
            return redirect("schools_programme_enrol", pk=programme.pk)
    return _page(request, "withdraw.html", programme, _("Withdraw a school"), form=form, school=school)


def _next_year(programme: Programme) -> str:
    start = programme.school_year.starts_on.year + 1
    return f"{start}-{start + 1}"


@require_http_methods(["GET", "POST"])
def copy_to_year(request, pk):
    """GET: the new year with every date shifted. POST "shift": the dates for another year. POST "save": copy."""
    programme = _programme(request, pk)
    if not request.user.has_perm("schools.add_programme"):
        raise PermissionDenied
    year_name = (request.POST.get("year_name") or _next_year(programme)).strip()
    years = parse_year_name(year_name)
    start_year = years[0] if years else programme.school_year.starts_on.year + 1
    items = copy_dates(programme, start_year)
    initial = {
        "year_name": year_name,
        "name": copy_name(programme, year_name),
        "slug": copy_slug(programme, start_year),
    }
    saving = request.method == "POST" and request.POST.get("action") == "save"
    if request.method == "POST" and not saving:  # another year: shifted dates, name and slug again
        form = CopyForm(initial=initial, dated_items=items)
    else:
        form = CopyForm(request.POST if saving else None, initial=initial, dated_items=items)
    if saving and form.is_valid():
        try:
            copy = programme_copy(
                source=programme,
                year_name=form.cleaned_data["year_name"],
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                dates=form.dates(),
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("“%(programme)s” was made from “%(source)s”.") % {"programme": copy.name, "source": programme.name},
            )
            return redirect(reverse("schools_programme_enrol", args=[copy.pk]))
    return _page(request, "copy.html", programme, _("Copy to a new school year"), form=form)

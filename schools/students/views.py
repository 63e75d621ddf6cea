"""Workspace pages of schools, classes and students, and the printable login cards.

Thin views: a school the user may not see answers 404 (never 403, so ids cannot be
probed); a visible school without the named permission answers 403; writes are one
service call whose ValidationError becomes a message and changes nothing.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from schools.models import Classroom, Student
from schools.selectors import school_get_for_user, school_year_name_for
from schools.services import student_consent_record
from schools.students.forms import ClassroomForm, ConsentForm, LoginCardsForm, SchoolFilterForm, StudentsAddForm
from schools.students.selectors import (
    classrooms_with_counts,
    duplicate_names,
    programmes_of_school,
    school_years_with_classes,
    schools_for_list,
    students_in_class,
)
from schools.students.services import (
    classroom_add,
    login_cards_issue,
    student_deactivate,
    student_reactivate,
    students_add_bulk,
)

SCHOOLS_PER_PAGE = 25
CARDS_PER_SHEET = 8  # 2 × 4 on an A4 page
_USED_TOKENS = "students_used_form_tokens"


def _school(request, pk, perm="schools.view_school"):
    school = school_get_for_user(request.user, pk=pk)
    if school is None:
        raise Http404
    if not request.user.has_perm(perm, school):
        raise PermissionDenied
    return school


def _classroom(request, school_pk, pk):
    school = _school(request, school_pk, "schools.manage_students")
    classroom = get_object_or_404(Classroom.objects.select_related("year"), school=school, pk=pk)
    classroom.school = school
    return classroom


def _student(request, school_pk, class_pk, pk, *, active=True):
    classroom = _classroom(request, school_pk, class_pk)
    student = get_object_or_404(
        Student.objects.select_related("user"), classroom=classroom, pk=pk, active=active, erased_at__isnull=True
    )
    student.classroom = classroom
    return student


def _classroom_url(classroom, anchor=""):
    url = reverse("workspace:classroom", args=[classroom.school_id, classroom.pk])
    return f"{url}#{anchor}" if anchor else url


# A form that makes passwords or students carries a one-time token, so that reloading the
# page of cards (which re-posts it) neither adds the students twice nor replaces printed passwords.
def _token_used(request, token) -> bool:
    return bool(token) and token in request.session.get(_USED_TOKENS, [])


def _token_spend(request, token) -> None:
    if token:
        request.session[_USED_TOKENS] = [*request.session.get(_USED_TOKENS, []), token][-50:]


def _render_cards(request, classroom, issued):
    cards = [{"student": student, "password": password} for student, password in issued]
    return render(
        request,
        "schools/students/login_cards.html",
        {
            "school": classroom.school,
            "classroom": classroom,
            "sheets": [cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)],
            "card_count": len(cards),
            "login_url": request.build_absolute_uri(reverse("login")),
        },
    )


@login_required
def school_list(request):
    if not request.user.has_perm("schools.view_school"):
        raise PermissionDenied
    form = SchoolFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    schools = schools_for_list(
        request.user, area=filters.get("area"), level=filters.get("level", ""), search=filters.get("q", "")
    )
    page = Paginator(schools, SCHOOLS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "schools/school_list.html",
        {"form": form, "page": page, "year_name": school_year_name_for(timezone.localdate())},
    )


@login_required
def school_detail(request, pk):
    school = _school(request, pk)
    can_manage = request.user.has_perm("schools.manage_students", school)
    year_name = school_year_name_for(timezone.localdate())
    return render(
        request,
        "schools/school_detail.html",
        {
            "school": school,
            "area_trail": [*school.area.get_ancestors(), school.area],
            "programmes": programmes_of_school(school),
            "can_manage": can_manage,
            "classrooms": classrooms_with_counts(school, year_name) if can_manage else [],
            "year_name": year_name,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def classroom_list(request, school_pk):
    school = _school(request, school_pk, "schools.manage_students")
    form = ClassroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            classroom = classroom_add(school=school, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, _("Class %(name)s added. Now add its students.") % {"name": classroom.name})
            return redirect("workspace:classroom", school.pk, classroom.pk)
    years = list(school_years_with_classes(school))
    current_name = school_year_name_for(timezone.localdate())
    # No class this year yet: the current year is not in the list, and there is nothing to show.
    current = next((y for y in years if y.name == current_name), None)
    if "year" in request.GET:
        year = next((y for y in years if str(y.pk) == request.GET["year"]), current)
    else:
        # A school that has no class this year yet opens on its latest year with classes.
        year = current or (years[0] if years else None)
    return render(
        request,
        "schools/students/classroom_list.html",
        {
            "school": school,
            "form": form,
            "year": year,
            "years": years,
            "show_years": bool(years) and (years != [year] or current is None),
            "current_missing": current is None,
            "current_name": current_name,
            "is_current_year": year is None or year == current,
            "year_name": year.name if year else current_name,
            "classrooms": classrooms_with_counts(school, year),
        },
        status=400 if form.errors else 200,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def classroom_detail(request, school_pk, pk):
    classroom = _classroom(request, school_pk, pk)
    form = StudentsAddForm(request.POST or None)
    if request.method == "POST":
        if _token_used(request, request.POST.get("token")):
            messages.warning(request, _("This list was already added: nothing was added again."))
            return redirect(_classroom_url(classroom))
        if form.is_valid():
            names, with_logins = form.cleaned_data["names"], form.cleaned_data["with_logins"]
            duplicates = duplicate_names(classroom, names)
            try:
                added = students_add_bulk(classroom=classroom, names=names, with_logins=with_logins)
            except ValidationError as error:
                form.add_error("names", error)
            else:
                _token_spend(request, form.cleaned_data["token"])
                messages.success(
                    request,
                    ngettext(
                        "%(count)d student added to class %(name)s.",
                        "%(count)d students added to class %(name)s.",
                        len(added),
                    )
                    % {"count": len(added), "name": classroom.name},
                )
                if duplicates:
                    messages.warning(
                        request,
                        _("Check these names: they were already in the class or repeated in the list: %(names)s.")
                        % {"names": ", ".join(duplicates)},
                    )
                if with_logins:
                    return _render_cards(request, classroom, added)
                return redirect(_classroom_url(classroom))
    students = students_in_class(classroom, with_consents=True)
    return render(
        request,
        "schools/students/classroom_detail.html",
        {
            "school": classroom.school,
            "classroom": classroom,
            "students": students,
            "login_count": sum(1 for s in students if s.user_id),
            "inactive_students": students_in_class(classroom, active=False),
            "add_form": form,
            "page_token": uuid.uuid4().hex,
        },
        status=400 if form.errors else 200,
    )


@login_required
@never_cache
@require_POST
def login_cards(request, school_pk, pk):
    classroom = _classroom(request, school_pk, pk)
    back = redirect(_classroom_url(classroom))
    form = LoginCardsForm(request.POST, classroom=classroom)
    if _token_used(request, request.POST.get("token")):
        messages.warning(
            request,
            _("These login cards were already made. To make new passwords, select the students again."),
        )
        return back
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return back
    try:
        issued = login_cards_issue(classroom=classroom, students=list(form.cleaned_data["students"]))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return back
    _token_spend(request, form.cleaned_data["token"])
    return _render_cards(request, classroom, issued)


@login_required
@require_POST
def student_consent(request, school_pk, class_pk, pk):
    student = _student(request, school_pk, class_pk, pk)
    back = redirect(_classroom_url(student.classroom, f"student-{student.pk}"))
    form = ConsentForm(request.POST)
    if not form.is_valid():
        for error in dict.fromkeys(e for errors in form.errors.values() for e in errors):
            messages.error(
                request, _("Nothing was saved for %(name)s: %(error)s") % {"name": student.display_name, "error": error}
            )
        return back
    student_consent_record(
        student=student,
        child=form.cleaned_data["consent_child"],
        guardian=form.cleaned_data["consent_guardian"],
        recorded_by=request.user,
    )
    messages.success(request, _("Consent recorded for %(name)s.") % {"name": student.display_name})
    return back


@login_required
@require_POST
def student_deactivate_view(request, school_pk, class_pk, pk):
    student = _student(request, school_pk, class_pk, pk)
    student_deactivate(student=student)
    messages.success(
        request,
        _("%(name)s was deactivated: hidden from the class, and their login no longer works.")
        % {"name": student.display_name},
    )
    return redirect(_classroom_url(student.classroom))


@login_required
@require_POST
def student_reactivate_view(request, school_pk, class_pk, pk):
    student = _student(request, school_pk, class_pk, pk, active=False)
    student_reactivate(student=student)
    messages.success(request, _("%(name)s is back in the class.") % {"name": student.display_name})
    return redirect(_classroom_url(student.classroom, f"student-{student.pk}"))

"""A child's data rights in the workspace: export one student's data, erase a student.

Thin views. A school the user may not see, another school's or class's student, and an
erased student answer 404; a visible school without the named permission answers 403.
Erasure needs a POST with the student's name typed again (StudentEraseForm); a wrong name
changes nothing and shows the page again with the reason (400).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from schools.models import Student
from schools.selectors import school_get_for_user
from schools.students.forms_data_rights import StudentEraseForm
from schools.students.services_erase import student_erase
from schools.students.services_export import student_data_export


def _student(request, school_pk, class_pk, pk, perm) -> Student:
    school = school_get_for_user(request.user, pk=school_pk)
    if school is None:
        raise Http404
    if not request.user.has_perm(perm, school):
        raise PermissionDenied
    queryset = Student.objects.select_related("classroom__year", "user")
    student = get_object_or_404(queryset, school=school, classroom_id=class_pk, pk=pk, erased_at__isnull=True)
    student.school = school
    return student


@login_required
@never_cache
@require_GET
def student_export(request, school_pk, class_pk, pk):
    student = _student(request, school_pk, class_pk, pk, "schools.export_student_data")
    archive = student_data_export(student=student, user=request.user)
    return FileResponse(
        archive, as_attachment=True, filename=f"du-lieu-hoc-sinh-{student.pk}.zip", content_type="application/zip"
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def student_erase_view(request, school_pk, class_pk, pk):
    student = _student(request, school_pk, class_pk, pk, "schools.erase_student")
    form = StudentEraseForm(request.POST or None, student=student)
    if request.method == "POST" and form.is_valid():
        try:
            student_erase(student=student, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The student's personal data was erased. Results and figures are kept."))
            return redirect(reverse("workspace:classroom", args=[student.school_id, student.classroom_id]))
    return render(
        request,
        "schools/students/student_erase.html",
        {"school": student.school, "classroom": student.classroom, "student": student, "form": form},
        status=400 if form.errors else 200,
    )

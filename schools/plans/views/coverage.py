"""Coverage of action plans for officers and organisers, its XLSX export, and notices."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from home.models import Notice
from home.services import notice_mark_read
from home.spreadsheets import XLSX_CONTENT_TYPE, append_row, new_workbook, workbook_bytes
from schools.plans.forms import CoverageFilterForm
from schools.plans.selectors import (
    coverage_areas,
    coverage_rows,
    coverage_summary,
    plans_of_user,
    programme_for_coverage,
)
from schools.selectors import programmes_visible_to


def _coverage(request, pk):
    programme = programme_for_coverage(request.user, pk=pk)
    if programme is None:
        raise Http404
    if not request.user.has_perm("schools.view_plan_coverage", programme):
        raise PermissionDenied
    form = CoverageFilterForm(request.GET or None, areas=coverage_areas(request.user, programme))
    filters = form.cleaned_data if form.is_valid() else {}
    # The count covers the chosen area; the status filter only narrows the list.
    everyone = coverage_rows(request.user, programme, area=filters.get("area"))
    status = filters.get("status", "")
    rows = [row for row in everyone if row["status"] == status] if status else everyone
    return programme, form, rows, everyone


@login_required
def plan_programmes(request):
    """The person's plans: their school's plan per programme, and the programmes they follow."""
    user = request.user
    if not user.has_perm("schools.view_plan"):
        raise PermissionDenied
    own = [
        row for row in plans_of_user(user, school_roles_only=True) if user.has_perm("schools.view_plan", row["plan"])
    ]
    followed = []
    if user.has_perm("schools.view_plan_coverage"):
        followed = [p for p in programmes_visible_to(user) if user.has_perm("schools.view_plan_coverage", p)]
    return render(request, "schools/plans/programmes.html", {"own": own, "programmes": followed})


@login_required
def plan_coverage(request, pk):
    programme, form, rows, everyone = _coverage(request, pk)
    return render(
        request,
        "schools/plans/coverage.html",
        {
            "programme": programme,
            "form": form,
            "rows": rows,
            "summary": coverage_summary(everyone),
            "shown": len(rows),
            "today": timezone.localdate(),
        },
    )


@login_required
def plan_coverage_xlsx(request, pk):
    from openpyxl.styles import Font

    programme, _form, rows, _everyone = _coverage(request, pk)
    book, sheet = new_workbook(_("Action plans"))
    append_row(sheet, [programme.name])
    sheet["A1"].font = Font(bold=True)
    deadline = programme.plan_deadline.strftime("%d/%m/%Y") if programme.plan_deadline else ""
    append_row(sheet, [_("Deadline"), deadline])
    header = [_("School code"), _("School"), _("Area"), _("Status"), _("First submitted"), _("Approved"), _("Late")]
    append_row(sheet, header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        plan = row["plan"]
        append_row(
            sheet,
            [
                row["school"].code,
                row["school"].name,
                row["school"].area.name,
                str(row["status_label"]),
                timezone.localtime(plan.first_submitted_at).strftime("%d/%m/%Y %H:%M")
                if plan and plan.first_submitted_at
                else "",
                timezone.localtime(plan.approved_at).strftime("%d/%m/%Y") if plan and plan.approved_at else "",
                _("Late") if row["late"] else "",
            ],
        )
    for column, width in zip("ABCDEFG", (24, 40, 26, 22, 18, 14, 10), strict=True):
        sheet.column_dimensions[column].width = width
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="ke-hoach-{programme.slug}.xlsx"'
    return response


@login_required
def notice_open(request, pk):
    notice = get_object_or_404(Notice, pk=pk, user=request.user)
    notice_mark_read(notice=notice)
    if notice.url and url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()}):
        return redirect(notice.url)
    return redirect("workspace:home")

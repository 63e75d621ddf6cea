"""Upload page of the paper-logbook import: teachers for their school, organisers for any."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from audits.forms import ImportForm
from audits.imports import COLUMNS, EXAMPLE_ROWS, import_audits
from schools.selectors import programmes_visible_to


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request):
    if not request.user.has_perm("audits.import_audits"):
        raise PermissionDenied
    programmes = programmes_visible_to(request.user).filter(audit_periods__isnull=False).distinct()
    form = ImportForm(request.POST or None, request.FILES or None, programmes=programmes)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_audits(
            form.cleaned_data["file"],
            programme=form.cleaned_data["programme"],
            user=request.user,
            dry_run=form.cleaned_data["dry_run"],
        )
    return render(
        request,
        "audits/import.html",
        {"form": form, "result": result, "columns": COLUMNS, "example_rows": EXAMPLE_ROWS},
        status=400 if (form.errors or (result and not result.ok)) else 200,
    )

"""Upload page of the paper-logbook import: teachers for their school, organisers for any.

A file over IMPORT_BACKGROUND_ROWS rows is imported by a background job (schools/imports/).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from audits.forms import ImportForm
from audits.imports import COLUMNS, EXAMPLE_ROWS, import_audits, importable_programmes
from schools.imports import reading
from schools.imports.views import start_job


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request):
    if not request.user.has_perm("audits.import_audits"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, programmes=importable_programmes(request.user))
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if reading.rough_row_count(upload) > reading.background_rows():
            options = {"programme": form.cleaned_data["programme"].pk}
            return start_job(request, "audits", upload, dry_run=form.cleaned_data["dry_run"], options=options)
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

"""Upload pages of the imports, for organisers (`schools.import_schools` / `schools.import_users`).

GET shows the page; only a POST imports. The result is shown on the same page: a
summary, or every bad row with its line and reason (and nothing imported).
"""

import logging
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from home.spreadsheets import csv_text
from schools import imports
from schools.imports import reading
from schools.imports import schools as schools_format
from schools.imports import users as users_format
from schools.imports.forms import ImportForm
from schools.imports.jobs import IMPORT_INTERRUPTED, result_from_json
from schools.imports.registry import import_kind
from schools.imports.schools import default_import_year
from schools.imports.services import import_job_start
from schools.models import ImportJob
from schools.models.imports import ImportStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportKind:
    key: str
    perm: str
    title: str
    intro: str
    columns: list
    example_rows: list
    example_url: str
    run: object
    with_year: bool = False


SCHOOLS = ImportKind(
    key="schools",
    perm="schools.import_schools",
    title=_("Import schools"),
    intro=_(
        "Add schools or update them by their code. Enrolment and classes are stored for the school year "
        "chosen below (by default that of your latest programme)."
    ),
    columns=schools_format.COLUMNS,
    example_rows=schools_format.EXAMPLE_ROWS,
    example_url="workspace:import_schools_example",
    run=imports.import_schools,
    with_year=True,
)
USERS = ImportKind(
    key="users",
    perm="schools.import_users",
    title=_("Import users"),
    intro=_(
        "Create accounts for teachers, students, officers and judges, or add a role to an existing "
        "account. People with an e-mail address receive a link to choose their password; students get "
        "no e-mail (print login cards from their class page)."
    ),
    columns=users_format.COLUMNS,
    example_rows=users_format.EXAMPLE_ROWS,
    example_url="workspace:import_users_example",
    run=imports.import_users,
)


def _page(request, kind: ImportKind):
    result = upload_name = None
    year_initial = {"year_initial": default_import_year(request.user)} if kind.with_year else {}
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, **year_initial)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            upload_name = upload.name
            year = {"year": form.cleaned_data.get("year")} if kind.with_year else {}
            if reading.rough_row_count(upload) > reading.background_rows():
                options = {"year": year["year"].pk} if year.get("year") else None
                return _start_job(request, kind.key, upload, dry_run=form.cleaned_data["dry_run"], options=options)
            result = kind.run(upload, dry_run=form.cleaned_data["dry_run"], by=request.user, **year)
            logger.info(
                "import %s%s by %s from %r: %s created, %s updated, %s unchanged, %s errors",
                kind.key,
                " (dry run)" if result.dry_run else "",
                request.user.username,
                upload.name,
                result.created,
                result.updated,
                result.unchanged,
                len(result.errors),
            )
            if result.ok and not result.dry_run:
                form = ImportForm(**year_initial)
    else:
        form = ImportForm(**year_initial)
    context = {
        "kind": kind,
        "form": form,
        "result": result,
        "upload_name": upload_name,
        "max_rows": reading.max_rows(),
        "max_bytes": reading.max_bytes(),
    }
    return render(request, "schools/imports/import_page.html", context)


def _start_job(request, kind: str, upload, *, dry_run: bool, options=None):
    """A large file: imported by a background job; the importer follows it on its page."""
    job = import_job_start(
        kind=kind, user=request.user, upload=upload, options=options, dry_run=dry_run, language=get_language()
    )
    logger.info(
        "import %s%s by %s from %r: job %s", kind, " (dry run)" if dry_run else "", request.user, upload.name, job.pk
    )
    return redirect("workspace:import_job", pk=job.pk)


def start_job(request, kind: str, upload, *, dry_run: bool, options=None):
    """For the import pages of other apps (audits): the same background start."""
    return _start_job(request, kind, upload, dry_run=dry_run, options=options)


@login_required
@require_GET
def import_job(request, pk):
    """The importer's own job only, while they may still make that import: else 404.

    While it runs the page refreshes itself (<meta refresh>, no script); a stale job is
    shown as interrupted; a finished one lists its counts or every bad line.
    """
    job = get_object_or_404(ImportJob, pk=pk, requested_by=request.user)
    spec = import_kind(job.kind)
    if spec is None or not spec.may(request.user, job.options):
        raise Http404
    stale = job.is_stale(timezone.now())
    running = job.status in (ImportStatus.QUEUED, ImportStatus.RUNNING) and not stale
    with override(job.language):
        interrupted = stale or (job.status == ImportStatus.FAILED and job.error == str(IMPORT_INTERRUPTED))
    context = {
        "job": job,
        "spec": spec,
        "back_url": spec.back_url(job.options),
        "running": running,
        "interrupted": interrupted,
        "result": result_from_json(job.result) if job.result else None,
        "upload_name": job.file_name,
    }
    return render(request, "schools/imports/job.html", context)


def _example(kind: ImportKind) -> HttpResponse:
    """A small CSV in UTF-8 with a BOM, so that Excel shows the Vietnamese correctly."""
    text = csv_text([[column.name for column in kind.columns], *kind.example_rows], lineterminator="\r\n")
    response = HttpResponse(("\ufeff" + text).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind.key}-example.csv"'
    return response


@login_required
@permission_required(SCHOOLS.perm, raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_schools(request):
    return _page(request, SCHOOLS)


@login_required
@permission_required(USERS.perm, raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_users(request):
    return _page(request, USERS)


@login_required
@permission_required(SCHOOLS.perm, raise_exception=True)
@require_GET
def import_schools_example(request):
    return _example(SCHOOLS)


@login_required
@permission_required(USERS.perm, raise_exception=True)
@require_GET
def import_users_example(request):
    return _example(USERS)

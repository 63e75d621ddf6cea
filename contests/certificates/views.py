"""Certificates in the workspace: the organiser's batches (start, progress, ZIP) and
single PDFs for organisers and the teachers of the entry's school.

Permissions by name: `contests.make_certificates` (a contest's batches and ZIPs),
`contests.download_certificate` (one PDF, and a school's list). An unknown contest or
batch answers 404, a contest the user may not manage 403; another school's
certificate 404 (fetched through a selector scoped to what the user may see).
Files are served with server-made names only.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from contests.certificates import services
from contests.certificates.selectors import (
    award_count,
    batch_get,
    batches_of_contest,
    certificate_for_user,
    certificates_of_batch,
    certificates_of_school,
)
from contests.enums import BatchStatus
from contests.implementation.selectors import contest_get
from schools.selectors import school_get_for_user

RUNNING = (BatchStatus.QUEUED, BatchStatus.RUNNING)


def _shown(batch, now):
    """Mark the batch for the page: a stale one (CertificateBatch.is_stale) shows as failed,
    interrupted, like one certificate_batch_start has already marked so."""
    batch.stale = batch.is_stale(now)
    with override("vi"):
        marked = batch.status == BatchStatus.FAILED and batch.error == str(services.BATCH_INTERRUPTED)
    batch.interrupted = batch.stale or marked
    batch.running = batch.status in RUNNING and not batch.stale
    return batch


def _contest_or_404(request, slug):
    contest = contest_get(slug)
    if contest is None:
        raise Http404
    if not request.user.has_perm("contests.make_certificates", contest):
        raise PermissionDenied
    return contest


def _file_response(field, filename: str, content_type: str):
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@never_cache
def contest_certificates(request, slug):
    contest = _contest_or_404(request, slug)
    now = timezone.now()
    batches = [_shown(batch, now) for batch in batches_of_contest(contest)]
    latest = batches[0] if batches else None
    return render(
        request,
        "contests/certificates/contest.html",
        {
            "contest": contest,
            "batches": batches,
            "latest": latest,
            "certificates": certificates_of_batch(latest) if latest else [],
            "award_count": award_count(contest),
            "running": latest is not None and latest.running,
        },
    )


@login_required
@require_POST
def batch_start(request, slug):
    contest = _contest_or_404(request, slug)
    try:
        batch = services.certificate_batch_start(
            contest=contest, user=request.user, include_participants=request.POST.get("participants") == "1"
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("contests:certificates", contest.slug)
    return redirect("contests:certificate_batch", contest.slug, batch.pk)


@login_required
@never_cache
def batch_detail(request, slug, pk):
    contest = _contest_or_404(request, slug)
    batch = batch_get(contest, pk)
    if batch is None:
        raise Http404
    _shown(batch, timezone.now())
    return render(
        request,
        "contests/certificates/batch.html",
        {
            "contest": contest,
            "batch": batch,
            "certificates": certificates_of_batch(batch),
            "running": batch.running,
        },
    )


@login_required
def batch_zip(request, slug, pk):
    contest = _contest_or_404(request, slug)
    batch = batch_get(contest, pk)
    if batch is None or batch.status != BatchStatus.DONE or not batch.archive:
        raise Http404
    return _file_response(batch.archive, f"giay-chung-nhan-{contest.slug}-{batch.pk}.zip", "application/zip")


@login_required
def certificate_pdf(request, pk):
    certificate = certificate_for_user(request.user, pk)
    if certificate is None or not certificate.file or certificate.revoked_at is not None:
        raise Http404
    if not request.user.has_perm("contests.download_certificate", certificate):
        raise PermissionDenied
    name = f"giay-chung-nhan-{certificate.entry.code}-{certificate.code}.pdf"
    return _file_response(certificate.file, name, "application/pdf")


@login_required
def school_certificates(request, school_pk):
    school = school_get_for_user(request.user, pk=school_pk)
    if school is None:
        raise Http404
    if not request.user.has_perm("contests.view_school_certificates", school):
        raise PermissionDenied
    certificates = [
        c for c in certificates_of_school(school) if request.user.has_perm("contests.download_certificate", c)
    ]
    return render(request, "contests/certificates/school.html", {"school": school, "certificates": certificates})

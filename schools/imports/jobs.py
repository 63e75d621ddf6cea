"""The work of a background import (schools/imports/tasks.py runs it): claim the job, run its
kind's import on the stored file with progress, store the result, delete the file.

All or nothing as in the request: the kind's import validates every row, then writes in one
transaction. The progress is written outside that transaction (pipeline.run_import), so the
page sees it at once.
"""

from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from schools.imports.pipeline import WRITING
from schools.imports.registry import import_kind
from schools.imports.result import ImportResult, Problem
from schools.models import ImportJob
from schools.models.imports import ImportStatus, ImportStep

IMPORT_INTERRUPTED = gettext_lazy(
    "The import was interrupted before it finished; nothing was saved. Import the file again."
)


def result_to_json(result: ImportResult) -> dict:
    return {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "dry_run": result.dry_run,
        "errors": [[p.line, p.message] for p in result.errors],
        "notes": [[p.line, p.message] for p in result.notes],
    }


def result_from_json(data: dict) -> ImportResult:
    return ImportResult(
        created=data["created"],
        updated=data["updated"],
        unchanged=data["unchanged"],
        dry_run=data["dry_run"],
        errors=[Problem(line, message) for line, message in data["errors"]],
        notes=[Problem(line, message) for line, message in data["notes"]],
    )


def import_job_progress(*, job: ImportJob, step: str, done: int, total: int) -> None:
    """Record the step and rows done; it is also the job's heartbeat (IMPORT_STALE_AFTER)."""
    ImportJob.objects.filter(pk=job.pk, status=ImportStatus.RUNNING).update(
        step=ImportStep.WRITING if step == WRITING else ImportStep.CHECKING,
        done=done,
        total=total,
        heartbeat_at=timezone.now(),
    )


def _finish(job: ImportJob, **values) -> ImportJob:
    """Only a running job is finished; the stored file is deleted either way once it ended."""
    ImportJob.objects.filter(pk=job.pk, status=ImportStatus.RUNNING).update(finished_at=timezone.now(), **values)
    job.refresh_from_db()
    if job.status in (ImportStatus.DONE, ImportStatus.FAILED) and job.file:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")
        job.refresh_from_db()
    return job


def import_job_run(*, job: ImportJob, now=None) -> ImportJob:
    """Run a queued job (or a running one delivered again after a lost worker, from the start).

    A job that is done or failed is left as it is. A stale one (no heartbeat for
    IMPORT_STALE_AFTER: its page already says "interrupted") is marked failed, never run
    late. The importer's right to make the import is checked again here.
    """
    now = now or timezone.now()
    job.refresh_from_db()
    if job.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        return job
    if job.is_stale(now):
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
        with override(job.language):
            return _finish(job, status=ImportStatus.FAILED, error=str(IMPORT_INTERRUPTED))
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.RUNNING, step=ImportStep.CHECKING, done=0, heartbeat_at=timezone.now()
    )
    spec = import_kind(job.kind)
    user = job.requested_by
    with override(job.language):
        if spec is None or not spec.may(user, job.options):
            refused = ImportResult(dry_run=job.dry_run)
            refused.error(None, _("You may no longer make this import; nothing was saved."))
            return _finish(job, status=ImportStatus.DONE, result=result_to_json(refused))
        try:
            with job.file.open("rb") as handle:
                result = spec.run(
                    File(handle, name=job.file_name),
                    user=user,
                    options=job.options,
                    dry_run=job.dry_run,
                    progress=lambda step, done, total: import_job_progress(job=job, step=step, done=done, total=total),
                )
        except Exception as error:  # noqa: BLE001 - the job records the failure for the importer
            return _finish(job, status=ImportStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000])
    return _finish(job, status=ImportStatus.DONE, result=result_to_json(result))

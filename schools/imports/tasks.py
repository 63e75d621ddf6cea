"""Celery task of the background imports: thin (load by id, call schools/imports/jobs.py)."""

from celery import shared_task

from schools.imports.jobs import import_job_run
from schools.models import ImportJob


@shared_task
def run_import_job(job_id: int) -> str:
    job = ImportJob.objects.filter(pk=job_id).first()
    return "" if job is None else import_job_run(job=job).status

"""Celery tasks of the monitoring board: thin, idempotent (load by id, call the job in schools/monitoring/jobs.py)."""

from celery import shared_task

from schools.models import Reminder, ReportJob
from schools.monitoring.jobs import reminder_emails_send, report_job_run


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def send_reminder_emails(self, reminder_id: int) -> int:
    reminder = Reminder.objects.filter(pk=reminder_id).first()
    return 0 if reminder is None else reminder_emails_send(reminder=reminder)


@shared_task
def make_programme_report(job_id: int) -> str:
    job = ReportJob.objects.filter(pk=job_id).first()
    return "" if job is None else report_job_run(job=job).status

"""Celery tasks of the monitoring board: thin, idempotent (load by id, call a service)."""

from celery import shared_task

from schools.models import Reminder, ReportJob


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def send_reminder_emails(self, reminder_id: int) -> int:
    from schools.monitoring.services import reminder_emails_send

    reminder = Reminder.objects.filter(pk=reminder_id).first()
    return 0 if reminder is None else reminder_emails_send(reminder=reminder)


@shared_task
def make_programme_report(job_id: int) -> str:
    from schools.monitoring.services import report_job_run

    job = ReportJob.objects.filter(pk=job_id).first()
    return "" if job is None else report_job_run(job=job).status

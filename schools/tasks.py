from celery import shared_task
from django.contrib.auth import get_user_model

from schools.emails import welcome_email_send

# Celery autodiscovers `tasks.py` only: the app's other task modules are imported here.
from schools.imports.tasks import run_import_job  # noqa: F401
from schools.monitoring.tasks import make_programme_report, send_reminder_emails  # noqa: F401
from schools.plans.tasks import send_plan_emails  # noqa: F401


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def send_welcome_email(self, user_id: int) -> bool:
    """Idempotent per user: a retried or duplicated task sends at most one welcome."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return False
    return welcome_email_send(user=user)

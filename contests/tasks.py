"""Background work of contests (Celery). Every task is idempotent and queued on commit.

Celery autodiscovers `tasks.py` only, so this module also imports the other task modules.
"""

from celery import shared_task

from contests.certificates.tasks import make_certificate_batch  # noqa: F401 - registered for workers
from contests.entries.jobs import media_thumbnail_make


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=300, max_retries=3)
def make_entry_thumbnail(self, media_id: int) -> str:
    return media_thumbnail_make(media_id=media_id)

"""Celery tasks of certificates: thin (load by id, call the job in contests/certificates/jobs.py).

Queued on commit with a plain batch id; idempotent, so the late acknowledgement of the
workers (a task redelivered after a lost worker) finishes the batch without duplicates.
"""

from celery import shared_task

from contests.certificates.jobs import certificate_batch_make


@shared_task(acks_late=True, reject_on_worker_lost=True)
def make_certificate_batch(batch_id: int) -> int | None:
    batch = certificate_batch_make(batch_id=batch_id)
    return None if batch is None else batch.done

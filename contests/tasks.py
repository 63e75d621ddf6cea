"""Background work of contests (Celery). Every task is idempotent and queued on commit.

Celery autodiscovers `tasks.py` only, so this module also imports the other task modules.
"""

import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction

from contests.certificates.tasks import make_certificate_batch  # noqa: F401 - registered for workers
from contests.entries.media import thumbnail_bytes
from contests.enums import MediaKind, MediaStatus
from contests.models import EntryMedia

logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=300, max_retries=3)
def make_entry_thumbnail(self, media_id: int) -> str:
    """Make the JPEG thumbnail of an entry image from its stored (already stripped) original.

    Idempotent: a media that is gone, not an image or already READY is left alone.
    Returns the resulting status (or "missing").
    """

    media = EntryMedia.objects.filter(pk=media_id, kind=MediaKind.IMAGE).first()
    if media is None:
        return "missing"
    if media.status == MediaStatus.READY and media.thumbnail:
        return media.status
    try:
        with media.file.open("rb") as original:
            data = thumbnail_bytes(original.read())
    except FileNotFoundError:
        EntryMedia.objects.filter(pk=media.pk).update(status=MediaStatus.FAILED)
        return MediaStatus.FAILED
    except Exception:  # a file that cannot be read as an image: FAILED, shown as such
        logger.exception("Thumbnail of entry media %s failed", media_id)
        EntryMedia.objects.filter(pk=media.pk).update(status=MediaStatus.FAILED)
        return MediaStatus.FAILED
    old = media.thumbnail.name if media.thumbnail else ""
    media.thumbnail.save("thumb.jpg", ContentFile(data), save=False)
    with transaction.atomic():
        updated = EntryMedia.objects.filter(pk=media.pk).update(
            thumbnail=media.thumbnail.name, status=MediaStatus.READY
        )
    if not updated:  # removed meanwhile
        media.thumbnail.storage.delete(media.thumbnail.name)
        return "missing"
    if old and old != media.thumbnail.name:
        media.thumbnail.storage.delete(old)
    return MediaStatus.READY

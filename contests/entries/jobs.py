"""The work the entries' Celery task runs (contests/tasks.py): an image's thumbnail. With
contests/entries/services_media.py, the only writer of entry media and their status.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction

from contests.entries.media import thumbnail_bytes
from contests.enums import MediaKind, MediaStatus
from contests.models import EntryMedia

logger = logging.getLogger(__name__)


def media_thumbnail_make(*, media_id: int) -> str:
    """Make the JPEG thumbnail of an entry image from its stored (already stripped) original:
    PROCESSING → READY, or FAILED when the file is gone or cannot be read as an image.

    Idempotent: a media that is gone, not an image or already READY is left alone.
    Returns the resulting status (or "missing"); an OSError of the storage propagates (the
    task retries).
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

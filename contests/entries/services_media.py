"""The only writers of entry media (images and documents of an entry).

Permission is checked by the caller (the view, by name: `contests.edit_entry`);
these services check the entry's state and the upload itself (contests/entries/media.py).
A refused upload raises ValidationError and stores nothing: no row and no file (the
upload is checked before anything is written; a failed save deletes the written file).
If a caller's outer transaction rolls back later, the file stays as an orphan under a
server-made name, never served (no row points at it).
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from contests.entries.media import media_check, per_entry_limit
from contests.enums import ENTRY_EDITABLE, EntryStatus, MediaKind, MediaStatus
from contests.models import Entry, EntryMedia
from contests.tasks import make_entry_thumbnail
from home.storage import files_delete_on_commit


def _locked(entry: Entry) -> ValidationError:
    return ValidationError(
        _("This entry is “%(status)s”: its files cannot be changed now.") % {"status": EntryStatus(entry.status).label},
        code="locked",
    )


@transaction.atomic
def entry_media_add(*, entry: Entry, upload, user) -> EntryMedia:
    """Check an upload by its content and attach it to an editable entry.

    Images are stored re-encoded without metadata; their thumbnail is made by a Celery
    task queued on commit (status PROCESSING, then READY or FAILED). Documents are READY.
    """
    if entry.pk is None:
        raise ValidationError(_("Save the entry before adding files."), code="unsaved")
    locked = Entry.objects.select_for_update().only("pk", "status", "contest_id").get(pk=entry.pk)
    if locked.status not in ENTRY_EDITABLE:
        raise _locked(locked)
    existing = locked.media.count()
    limit = per_entry_limit()
    if existing >= limit:
        raise ValidationError(_("At most %(count)s files per entry.") % {"count": limit}, code="too_many")
    checked = media_check(upload)
    position = (locked.media.aggregate(last=Max("position"))["last"] or 0) + 1
    media = EntryMedia(
        entry=entry,
        kind=checked.kind,
        extension=checked.extension,
        original_name=checked.display_name or f"{MediaKind(checked.kind).label}{checked.extension}",
        content_type=checked.content_type,
        size=len(checked.data),
        width=checked.width,
        height=checked.height,
        sha256=checked.sha256,
        status=MediaStatus.PROCESSING if checked.kind == MediaKind.IMAGE else MediaStatus.READY,
        position=position,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    media.file.save("upload", ContentFile(checked.data), save=False)
    try:
        media.full_clean(exclude=["file", "thumbnail", "uploaded_by"])
        media.save()
    except BaseException:
        media.file.storage.delete(media.file.name)
        raise
    if media.kind == MediaKind.IMAGE:
        pk = media.pk
        transaction.on_commit(lambda: make_entry_thumbnail.delay(pk))
    return media


@transaction.atomic
def entry_media_remove(*, media: EntryMedia, user) -> None:
    """Remove a file of an editable entry; the stored files go once the removal commits."""
    entry = Entry.objects.select_for_update().only("pk", "status").get(pk=media.entry_id)
    if entry.status not in ENTRY_EDITABLE:
        raise _locked(entry)
    files = (media.file, media.thumbnail)
    files_delete_on_commit(*files)
    media.delete()

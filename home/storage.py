"""Private uploads (audit evidence photos, plan attachments) live outside MEDIA_ROOT:
they are served only through permission-checked views, never by the /media/ route.

Location: settings.PRIVATE_MEDIA_ROOT, else a `private-media` folder beside MEDIA_ROOT.
When the default storage is in memory (the test settings), photos stay in memory too.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.db import transaction

_MEMORY = "django.core.files.storage.InMemoryStorage"


class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        default = Path(settings.MEDIA_ROOT).parent / "private-media"
        return str(getattr(settings, "PRIVATE_MEDIA_ROOT", default))

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None


_storage = None


def get_private_storage():
    global _storage
    if _storage is None:
        backend = settings.STORAGES.get("default", {}).get("BACKEND")
        _storage = InMemoryStorage() if backend == _MEMORY else PrivateStorage()
    return _storage


def files_delete_on_commit(*files) -> None:
    """Delete stored files once the transaction commits (a rollback keeps them, and the rows)."""
    names = [(f.storage, f.name) for f in files if f and f.name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])

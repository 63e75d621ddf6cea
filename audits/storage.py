"""Evidence photos live outside MEDIA_ROOT: they are served only through a permission-checked view."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        default = Path(settings.MEDIA_ROOT).parent / "private-media"
        return str(getattr(settings, "PRIVATE_MEDIA_ROOT", default))

    @cached_property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage

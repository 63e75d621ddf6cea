"""Private uploads never land under MEDIA_ROOT, which the web server may serve as it is."""

from pathlib import Path

from audits.models import AuditSession
from home.storage import PrivateStorage, get_private_storage
from schools.models.plans import Attachment


def test_private_storage_is_outside_media_root_and_has_no_url(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    storage = PrivateStorage()
    assert not Path(storage.location).is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert storage.base_url is None


def test_plan_attachments_and_audit_photos_use_private_storage():
    private = get_private_storage()
    assert Attachment._meta.get_field("file").storage is private
    assert AuditSession._meta.get_field("photo").storage is private

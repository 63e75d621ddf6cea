"""Stored images and their thumbnails carry no metadata and nothing appended (issue #5)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from contests.entries.services_media import entry_media_add
from contests.enums import EntryStatus, MediaStatus
from contests.tasks import make_entry_thumbnail
from tests.contests.entries.test_media_uploads import image_bytes
from tests.factories.contests import EntryFactory

GPS_IFD = 0x8825


def photo_with_gps(orientation=None) -> bytes:
    """A JPEG with camera EXIF, a GPS position (Hoàn Kiếm lake), an ICC profile and XMP."""
    image = Image.new("RGB", (80, 40), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 1.0, 42.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (105.0, 51.0, 7.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, icc_profile=b"\x00" * 128, xmp=b"<x:xmpmeta>secret</x:xmpmeta>")
    return out.getvalue()


def _has_no_metadata(data: bytes):
    assert b"Exif" not in data
    assert b"PhoneMaker" not in data
    assert b"xmpmeta" not in data
    assert b"ICC_PROFILE" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert dict(image.getexif()) == {}
        assert image.getexif().get_ifd(GPS_IFD) == {}
        for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp"):
            assert key not in image.info


@pytest.fixture
def entry(world):
    return EntryFactory(school=world.school, status=EntryStatus.DRAFT)


def test_photo_fixture_really_has_gps():
    data = photo_with_gps()
    with Image.open(io.BytesIO(data)) as image:
        assert image.getexif().get_ifd(GPS_IFD)[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert b"PhoneMaker" in data


def test_photo_with_gps_stored_and_thumbnailed_without_metadata(world, entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        media = entry_media_add(
            entry=entry, upload=SimpleUploadedFile("IMG_0001.jpg", photo_with_gps()), user=world.teacher
        )
    media.refresh_from_db()
    assert media.status == MediaStatus.READY
    _has_no_metadata(media.file.open("rb").read())
    _has_no_metadata(media.thumbnail.open("rb").read())


def test_photo_orientation_applied_before_stripping(world, entry):
    # Orientation 6: the camera held sideways; the stored image is upright (40 x 80).
    media = entry_media_add(
        entry=entry, upload=SimpleUploadedFile("a.jpg", photo_with_gps(orientation=6)), user=world.teacher
    )
    assert (media.width, media.height) == (40, 80)
    with Image.open(media.file.open("rb")) as image:
        assert image.size == (40, 80)


def test_png_with_text_chunks_stored_without_them(world, entry):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Nguyễn Văn A, 6A1")
    info.add_text("Comment", "<script>alert(1)</script>")
    out = io.BytesIO()
    Image.new("RGBA", (30, 30), (0, 0, 0, 0)).save(out, "PNG", pnginfo=info)
    media = entry_media_add(entry=entry, upload=SimpleUploadedFile("a.png", out.getvalue()), user=world.teacher)
    stored = media.file.open("rb").read()
    assert b"Author" not in stored
    assert b"script" not in stored
    assert media.content_type == "image/png"


@pytest.mark.parametrize("fmt,name", [("JPEG", "a.jpg"), ("PNG", "a.png")])
def test_image_with_html_appended_stored_without_it(world, entry, fmt, name):
    payload = b"<html><script>alert(document.cookie)</script></html>"
    data = image_bytes(fmt) + payload
    media = entry_media_add(entry=entry, upload=SimpleUploadedFile(name, data), user=world.teacher)
    stored = media.file.open("rb").read()
    assert b"<script" not in stored
    assert b"<html" not in stored
    assert stored != data
    with Image.open(io.BytesIO(stored)) as image:
        image.load()


def test_thumbnail_task_idempotent(world, entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        media = entry_media_add(entry=entry, upload=SimpleUploadedFile("a.jpg", image_bytes()), user=world.teacher)
    media.refresh_from_db()
    first = media.thumbnail.name
    assert make_entry_thumbnail(media.pk) == MediaStatus.READY
    media.refresh_from_db()
    assert media.thumbnail.name == first
    assert make_entry_thumbnail(10**9) == "missing"


def test_thumbnail_task_marks_unreadable_file_failed(world, entry):
    from django.core.files.base import ContentFile

    media = entry_media_add(entry=entry, upload=SimpleUploadedFile("a.jpg", image_bytes()), user=world.teacher)
    media.file.storage.delete(media.file.name)
    media.file.storage.save(media.file.name, ContentFile(b"not an image"))
    assert make_entry_thumbnail(media.pk) == MediaStatus.FAILED
    media.refresh_from_db()
    assert media.status == MediaStatus.FAILED
    assert not media.thumbnail

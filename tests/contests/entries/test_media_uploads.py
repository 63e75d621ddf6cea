"""Uploads of entry media: every bad upload of issue #5 is refused with a message and
stores nothing (no EntryMedia row, no file); good ones are re-encoded without metadata."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from contests.entries.media import display_name, media_check
from contests.entries.services_media import entry_media_add, entry_media_remove
from contests.enums import EntryStatus, MediaKind, MediaStatus
from contests.models import EntryMedia
from home import uploads_documents
from home.storage import get_private_storage
from tests.factories.contests import EntryFactory
from tests.upload_samples import pdf_bytes


def image_bytes(fmt="JPEG", size=(64, 48), mode="RGB", **save):
    colour = (20, 160, 60) if mode == "RGB" else (20, 160, 60, 120)
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, fmt, **save)
    return out.getvalue()


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def stored_files(prefix="contests"):
    storage = get_private_storage()
    found = []

    def walk(path):
        try:
            dirs, files = storage.listdir(path)
        except (FileNotFoundError, OSError):
            return
        found.extend(f"{path}/{name}" for name in files)
        for sub in dirs:
            walk(f"{path}/{sub}")

    walk(prefix)
    return sorted(found)


def docx_bytes(main="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="{main}"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


PDF = pdf_bytes()


@pytest.fixture
def entry(world):
    return EntryFactory(school=world.school, status=EntryStatus.DRAFT)


def _refused(entry, user, name, data, code):
    before = stored_files()
    with pytest.raises(ValidationError) as caught:
        entry_media_add(entry=entry, upload=upload(name, data), user=user)
    assert caught.value.code == code
    assert caught.value.messages[0]
    assert EntryMedia.objects.count() == 0
    assert stored_files() == before
    return caught.value


def test_upload_jpeg_is_stored_under_a_server_made_name(world, entry):
    media = entry_media_add(entry=entry, upload=upload("ảnh đội.jpg", image_bytes()), user=world.student_user)
    assert media.kind == MediaKind.IMAGE
    assert media.original_name == "ảnh đội.jpg"
    assert media.file.name.startswith(f"contests/{entry.contest_id}/")
    assert media.file.name.endswith(".jpg")
    assert "ảnh" not in media.file.name
    assert media.content_type == "image/jpeg"
    assert (media.width, media.height) == (64, 48)
    assert len(media.sha256) == 64
    assert media.uploaded_by == world.student_user
    assert media.position == 1


def test_upload_thumbnail_made_on_commit(world, entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        media = entry_media_add(entry=entry, upload=upload("a.png", image_bytes("PNG")), user=world.teacher)
    media.refresh_from_db()
    assert media.status == MediaStatus.READY
    assert media.thumbnail.name.endswith(".jpg")
    with Image.open(media.thumbnail.open("rb")) as thumb:
        assert thumb.format == "JPEG"
        assert max(thumb.size) <= 480


def test_upload_over_size_limit_refused(world, entry, settings):
    settings.CONTEST_MEDIA_IMAGE_MAX_BYTES = 1024
    settings.CONTEST_MEDIA_DOCUMENT_MAX_BYTES = 2048
    big = image_bytes(size=(400, 400), quality=100)
    assert len(big) > 2048
    error = _refused(entry, world.teacher, "big.jpg", big, "size")
    assert "MB" in error.messages[0]


def test_upload_image_over_own_limit_but_under_document_limit_refused(world, entry, settings):
    settings.CONTEST_MEDIA_IMAGE_MAX_BYTES = 1024
    settings.CONTEST_MEDIA_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
    _refused(entry, world.teacher, "big.jpg", image_bytes(size=(400, 400), quality=100), "size")


def test_upload_bomb_by_dimensions_refused(world, entry):
    # 9000 x 9000 = 81 megapixels (over 40): a tiny PNG file that would decode to ~240 MB.
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, "PNG")
    bomb = out.getvalue()
    assert len(bomb) < 100_000
    _refused(entry, world.teacher, "bomb.png", bomb, "pixels")


def test_upload_bomb_over_pillow_limit_refused(world, entry, settings):
    settings.CONTEST_MEDIA_MAX_PIXELS = 10**12  # our limit off: Pillow's own bomb check still answers
    old = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = 1000
    try:
        _refused(entry, world.teacher, "bomb.png", image_bytes("PNG", size=(100, 100)), "pixels")
    finally:
        Image.MAX_IMAGE_PIXELS = old


def test_upload_bomb_by_frames_refused(world, entry):
    frames = [Image.new("RGB", (32, 32), (i * 40, 0, 0)) for i in range(6)]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    _refused(entry, world.teacher, "animated.png", out.getvalue(), "frames")


def test_upload_animated_webp_refused(world, entry):
    frames = [Image.new("RGB", (32, 32), (i * 40, 0, 0)) for i in range(6)]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    _refused(entry, world.teacher, "animated.webp", out.getvalue(), "frames")


def test_upload_png_renamed_jpg_refused(world, entry):
    _refused(entry, world.teacher, "photo.jpg", image_bytes("PNG"), "type")


def test_upload_html_renamed_png_refused(world, entry):
    _refused(entry, world.teacher, "photo.png", b"<html><script>alert('x')</script></html>", "type")


def test_upload_svg_refused(world, entry):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    _refused(entry, world.teacher, "logo.svg", svg, "type")


def test_upload_svg_renamed_png_refused(world, entry):
    _refused(entry, world.teacher, "logo.png", b'<?xml version="1.0"?><svg/>', "type")


def test_upload_gif_refused(world, entry):
    _refused(entry, world.teacher, "a.gif", image_bytes("GIF"), "type")


def test_upload_truncated_image_refused(world, entry):
    data = image_bytes(size=(300, 300))
    _refused(entry, world.teacher, "cut.jpg", data[: len(data) // 2], "corrupt")


def test_upload_corrupt_png_refused(world, entry):
    data = bytearray(image_bytes("PNG", size=(50, 50)))
    data[40:60] = b"\x00" * 20
    _refused(entry, world.teacher, "broken.png", bytes(data), "corrupt")


def test_upload_zero_byte_refused(world, entry):
    _refused(entry, world.teacher, "empty.jpg", b"", "empty")


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.jpg", "..\\..\\windows\\a.jpg", "a\x00b.jpg", "\u202egpj.exe.jpg", "ảnh\u200b\u2066.jpg"],
)
def test_upload_hostile_filename_stored_under_server_made_name(world, entry, name):
    media = entry_media_add(entry=entry, upload=upload(name, image_bytes()), user=world.teacher)
    assert ".." not in media.file.name
    assert "\x00" not in media.file.name
    assert media.file.name.startswith(f"contests/{entry.contest_id}/")
    for bad in ("/", "\\", "\x00", "\u202e", "\u200b", "\u2066"):
        assert bad not in media.original_name
    assert media.original_name.endswith(".jpg")


def test_display_name_strips_paths_and_controls():
    assert display_name("../../a/b/Kế hoạch.docx") == "Kế hoạch.docx"
    assert display_name("C:\\Users\\x\\bài.pdf") == "bài.pdf"
    assert display_name("a\x00\x1f\u202e\u202dfdp.exe") == "afdp.exe"
    long = display_name("x" * 300 + ".pdf")
    assert len(long) == 120
    assert long.endswith(".pdf")
    assert display_name("Tie\u0302\u0301t kiệm.pdf") == "Tiết kiệm.pdf"  # NFC


def test_upload_pdf_stored_as_document(world, entry):
    media = entry_media_add(entry=entry, upload=upload("Kế hoạch.pdf", PDF), user=world.teacher)
    assert media.kind == MediaKind.DOCUMENT
    assert media.status == MediaStatus.READY
    assert media.content_type == "application/pdf"
    assert media.file.read().startswith(b"%PDF-")  # rewritten page by page (tests/home/test_uploads.py)


def test_upload_pdf_without_trailer_refused(world, entry):
    _refused(entry, world.teacher, "half.pdf", PDF[:30], "type")


def test_upload_docx_stored_and_xlsx_name_refused(world, entry):
    media = entry_media_add(entry=entry, upload=upload("bài.docx", docx_bytes()), user=world.teacher)
    assert media.extension == ".docx"
    EntryMedia.objects.all().delete()
    _refused(entry, world.teacher, "bài.xlsx", docx_bytes(), "type")


def test_upload_macro_enabled_document_refused(world, entry):
    macro = docx_bytes(main="application/vnd.ms-word.document.macroEnabled.main+xml")
    _refused(entry, world.teacher, "bài.docx", macro, "macro")


def test_upload_plain_zip_refused(world, entry):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.txt", "x")
    _refused(entry, world.teacher, "a.docx", out.getvalue(), "type")


def test_upload_without_extension_refused(world, entry):
    _refused(entry, world.teacher, "photo", image_bytes(), "type")


def test_upload_over_per_entry_limit_refused(world, entry, settings):
    settings.CONTEST_MEDIA_PER_ENTRY = 2
    entry_media_add(entry=entry, upload=upload("1.jpg", image_bytes()), user=world.teacher)
    entry_media_add(entry=entry, upload=upload("2.jpg", image_bytes()), user=world.teacher)
    before = stored_files()
    with pytest.raises(ValidationError) as caught:
        entry_media_add(entry=entry, upload=upload("3.jpg", image_bytes()), user=world.teacher)
    assert caught.value.code == "too_many"
    assert entry.media.count() == 2
    assert stored_files() == before


def test_upload_to_submitted_entry_refused(world):
    entry = EntryFactory(school=world.school, status=EntryStatus.SUBMITTED)
    _refused(entry, world.teacher, "a.jpg", image_bytes(), "locked")


def test_remove_deletes_row_and_files_on_commit(world, entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        media = entry_media_add(entry=entry, upload=upload("a.jpg", image_bytes()), user=world.teacher)
    media.refresh_from_db()
    names = [media.file.name, media.thumbnail.name]
    assert all(name in stored_files() for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        entry_media_remove(media=media, user=world.teacher)
    assert EntryMedia.objects.count() == 0
    assert not any(name in stored_files() for name in names)


def test_remove_from_submitted_entry_refused(world, entry):
    media = entry_media_add(entry=entry, upload=upload("a.jpg", image_bytes()), user=world.teacher)
    entry.status = EntryStatus.SUBMITTED
    entry.save()
    with pytest.raises(ValidationError):
        entry_media_remove(media=media, user=world.teacher)
    assert EntryMedia.objects.count() == 1


def test_media_check_transparent_png_stays_png():
    checked = media_check(upload("logo.png", image_bytes("PNG", mode="RGBA")))
    assert (checked.type, checked.extension, checked.content_type) == ("png", ".png", "image/png")


def test_media_check_webp_photo_becomes_jpeg():
    checked = media_check(upload("a.webp", image_bytes("WEBP")))
    assert (checked.type, checked.extension) == ("jpeg", ".jpg")


def test_office_document_stored_without_author_properties(world, entry):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.properties.creator = "Nguyễn Văn An"
    workbook.properties.lastModifiedBy = "Trần Thị Lan"
    workbook.active["A1"] = "Số lít nước tiết kiệm"
    out = io.BytesIO()
    workbook.save(out)
    media = entry_media_add(entry=entry, upload=upload("số liệu.xlsx", out.getvalue()), user=world.teacher)
    stored = media.file.read()
    with zipfile.ZipFile(io.BytesIO(stored)) as archive:
        core = archive.read("docProps/core.xml").decode()
        app = archive.read("docProps/app.xml").decode()
    assert "Nguyễn" not in core and "Trần" not in core
    assert "creator" not in core and "lastModifiedBy" not in core
    assert "Company" not in app
    assert openpyxl.load_workbook(io.BytesIO(stored)).active["A1"].value == "Số lít nước tiết kiệm"
    assert media.size == len(stored)


def test_office_zip_bomb_refused(world, entry, monkeypatch):
    monkeypatch.setattr(uploads_documents, "OOXML_MAX_UNCOMPRESSED", 100_000)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", b"\0" * (uploads_documents.OOXML_MAX_UNCOMPRESSED + 1))
    _refused(entry, world.teacher, "bomb.docx", out.getvalue(), "size")

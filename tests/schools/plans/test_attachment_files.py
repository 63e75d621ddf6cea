"""Plan attachments go through the shared upload checks (issue 14), with real files."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import EpsImagePlugin, Image
from pypdf import PdfReader

from schools.models import Attachment
from schools.plans.services_files import attachment_add
from tests.schools.plans.support import complete_plan
from tests.upload_samples import (
    EPS,
    PUPIL,
    assert_image_has_no_metadata,
    docm_renamed_docx,
    docx_with_comments_and_changes,
    jpeg_with_gps_and_comment,
    pdf_bytes,
    zip_bomb_docx,
)


@pytest.fixture
def plan(world):
    return complete_plan(world)


def _add(world, plan, name, data):
    return attachment_add(plan=plan, user=world.teacher, upload=SimpleUploadedFile(name, data))


def _refused(world, plan, name, data) -> str:
    with pytest.raises(ValidationError) as refused:
        _add(world, plan, name, data)
    assert Attachment.objects.count() == 0
    return refused.value.code


def _stored(attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


def test_attachment_docm_renamed_docx_refused(world, plan):
    assert _refused(world, plan, "ke-hoach.docx", docm_renamed_docx()) == "macro"


def test_attachment_zip_bomb_docx_refused(world, plan):
    assert _refused(world, plan, "ke-hoach.docx", zip_bomb_docx(200)) == "size"


def test_attachment_docx_kept_without_comments_properties_or_change_authors(world, plan):
    attachment = _add(world, plan, "ke-hoach.docx", docx_with_comments_and_changes())
    with zipfile.ZipFile(io.BytesIO(_stored(attachment))) as archive:
        assert "word/comments.xml" not in archive.namelist()
        assert all(PUPIL.encode() not in archive.read(name) for name in archive.namelist())
        assert "Kế hoạch giảm rác".encode() in archive.read("word/document.xml")


def test_attachment_pdf_kept_without_author_or_script(world, plan):
    attachment = _add(world, plan, "ke-hoach.pdf", pdf_bytes(author=PUPIL, javascript=True, attachment=True))
    data = _stored(attachment)
    reader = PdfReader(io.BytesIO(data))
    assert not reader.metadata and len(reader.pages) == 1
    assert b"/JavaScript" not in data and b"/EmbeddedFiles" not in data
    assert attachment.size == len(data)


def test_attachment_jpeg_kept_without_gps_or_comment(world, plan):
    attachment = _add(world, plan, "anh.jpg", jpeg_with_gps_and_comment())
    data = _stored(attachment)
    assert_image_has_no_metadata(data)
    assert Image.open(io.BytesIO(data)).format == "JPEG"


def test_attachment_eps_renamed_jpg_refused_without_ghostscript(world, plan, monkeypatch):
    calls = []
    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", lambda *args, **kwargs: calls.append(args))
    assert _refused(world, plan, "anh.jpg", EPS) == "type"
    assert calls == []

"""Entry media documents and milestone photos through the shared upload checks (issue 14)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import EpsImagePlugin, Image
from pypdf import PdfReader

from contests.entries.services_media import entry_media_add
from contests.enums import EntryStatus
from contests.models import EntryMedia, Milestone
from tests.factories.contests import EntryFactory, selected_entry
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
def entry(world):
    return EntryFactory(school=world.school, status=EntryStatus.DRAFT)


@pytest.fixture
def ghostscript_calls(monkeypatch):
    calls = []

    def spy(*args, **kwargs):
        calls.append(args)
        return Image.new("RGB", (10, 10)).im

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", spy)
    return calls


def _add(world, entry, name, data):
    return entry_media_add(entry=entry, upload=SimpleUploadedFile(name, data), user=world.teacher)


def _refused(world, entry, name, data) -> str:
    with pytest.raises(ValidationError) as refused:
        _add(world, entry, name, data)
    assert EntryMedia.objects.count() == 0
    return refused.value.code


def test_media_docx_expanding_to_190_mib_refused(world, entry):
    assert _refused(world, entry, "bai.docx", zip_bomb_docx(190)) == "size"


def test_media_docm_renamed_docx_refused(world, entry):
    assert _refused(world, entry, "bai.docx", docm_renamed_docx()) == "macro"


def test_media_docx_loses_comments_and_change_authors(world, entry):
    media = _add(world, entry, "bai.docx", docx_with_comments_and_changes())
    with zipfile.ZipFile(io.BytesIO(media.file.open("rb").read())) as archive:
        assert not any("comments" in name for name in archive.namelist())
        assert all(PUPIL.encode() not in archive.read(name) for name in archive.namelist())


def test_media_pdf_for_the_blind_judge_has_no_author_script_or_file(world, entry):
    media = _add(world, entry, "bai.pdf", pdf_bytes(author=PUPIL, javascript=True, attachment=True))
    data = media.file.open("rb").read()
    assert not PdfReader(io.BytesIO(data)).metadata
    for marker in (b"/JavaScript", b"/OpenAction", b"/EmbeddedFiles", b"/Author"):
        assert marker not in data
    assert media.size == len(data)


def test_media_eps_named_jpg_never_reaches_ghostscript(world, entry, ghostscript_calls):
    assert _refused(world, entry, "anh.jpg", EPS) == "type"
    assert ghostscript_calls == []


def test_milestone_photo_eps_refused_and_jpeg_stripped(world, client_for, ghostscript_calls):
    selected = selected_entry(programme=world.programme, school=world.school, title="Tiết kiệm nước")
    client = client_for(world.teacher)
    url = reverse("contests:milestone_add", args=[selected.pk])
    post = {"date": "2023-03-01", "title": "Lắp van"}
    assert client.post(url, {**post, "photo": SimpleUploadedFile("van.jpg", EPS)}).status_code == 400
    assert ghostscript_calls == [] and not Milestone.objects.exists()
    photo = SimpleUploadedFile("van.jpg", jpeg_with_gps_and_comment(orientation=6))
    assert client.post(url, {**post, "photo": photo}).status_code == 302
    with Milestone.objects.get().photo.open("rb") as handle:
        data = handle.read()
    assert_image_has_no_metadata(data)
    assert Image.open(io.BytesIO(data)).size == (40, 80)

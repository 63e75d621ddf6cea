"""The shared upload pipeline (issue 14): images, Office documents and PDFs, with real files."""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from PIL import EpsImagePlugin, Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader

from home import uploads_documents
from home.uploads import OUTPUT_JPEG, OUTPUT_SAME, image_clean
from home.uploads_documents import ooxml_clean, ooxml_type, pdf_clean
from tests.upload_samples import (
    EPS,
    PUPIL,
    assert_image_has_no_metadata,
    docm_renamed_docx,
    docx_with_comments_and_changes,
    docx_with_vba_only,
    jpeg_with_gps_and_comment,
    pdf_bytes,
    xlsx_with_comment_authors,
    zip_bomb_docx,
)


@pytest.fixture
def ghostscript_calls(monkeypatch):
    """Every call Pillow makes to Ghostscript (the real one would run the EPS's PostScript)."""
    calls = []

    def spy(*args, **kwargs):
        calls.append(args)
        return Image.new("RGB", (10, 10)).im

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", spy)
    return calls


def _code(call) -> str:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.code


def test_eps_fixture_really_reaches_ghostscript_through_plain_pillow(ghostscript_calls):
    with Image.open(io.BytesIO(EPS)) as image:
        assert image.format == "EPS"
        image.load()
    assert ghostscript_calls


def test_image_eps_refused_without_ghostscript(ghostscript_calls):
    assert _code(lambda: image_clean(EPS)) == "type"
    assert ghostscript_calls == []


def test_image_eps_behind_a_jpeg_signature_never_reaches_ghostscript(ghostscript_calls):
    assert _code(lambda: image_clean(b"\xff\xd8\xff" + EPS)) == "corrupt"
    assert ghostscript_calls == []


def test_image_not_in_the_allow_list_refused():
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    assert _code(lambda: image_clean(png.getvalue(), allowed=("jpeg",))) == "type"


def test_image_metadata_stripped_and_orientation_applied():
    clean = image_clean(jpeg_with_gps_and_comment(orientation=6), output=OUTPUT_JPEG)
    assert_image_has_no_metadata(clean.data)
    assert (clean.type, clean.width, clean.height) == ("jpeg", 40, 80)


def test_image_png_text_chunks_and_appended_bytes_dropped():
    out = io.BytesIO()
    info = PngInfo()
    info.add_text("Author", PUPIL)
    Image.new("RGB", (6, 6), "green").save(out, "PNG", pnginfo=info)
    clean = image_clean(out.getvalue() + b"<script>x</script>", output=OUTPUT_SAME)
    assert clean.type == "png"
    assert b"Author" not in clean.data and b"<script>" not in clean.data


def test_image_pixel_limit_refused_before_decoding():
    out = io.BytesIO()
    Image.new("L", (3000, 3000)).save(out, "PNG")
    assert _code(lambda: image_clean(out.getvalue(), max_pixels=1_000_000)) == "pixels"


def test_image_animated_refused():
    out = io.BytesIO()
    frames = [Image.new("RGB", (4, 4), colour) for colour in ("red", "blue")]
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:])
    assert _code(lambda: image_clean(out.getvalue())) == "frames"


def test_office_macro_enabled_renamed_docx_refused():
    assert _code(lambda: ooxml_type(docm_renamed_docx())) == "macro"
    assert _code(lambda: ooxml_type(docx_with_vba_only())) == "macro"


def test_office_zip_bomb_refused_from_declared_sizes_without_inflating():
    bomb = zip_bomb_docx(200)
    assert len(bomb) < 2 * 1024 * 1024
    started = time.monotonic()
    assert _code(lambda: ooxml_type(bomb)) == "size"
    assert _code(lambda: ooxml_clean(bomb)) == "size"
    assert time.monotonic() - started < 1.0


def test_office_entry_count_limited(monkeypatch):
    monkeypatch.setattr(uploads_documents, "OOXML_MAX_PARTS", 3)
    assert _code(lambda: ooxml_type(docx_with_comments_and_changes())) == "size"


def test_docx_rebuilt_without_properties_comments_or_change_authors():
    data = docx_with_comments_and_changes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert PUPIL.encode() in archive.read("word/document.xml")
    assert ooxml_type(data) == "docx"
    clean = ooxml_clean(data)
    with zipfile.ZipFile(io.BytesIO(clean)) as archive:
        names = set(archive.namelist())
        parts = {name: archive.read(name) for name in names}
    assert "word/comments.xml" not in names and "word/people.xml" not in names
    assert all(PUPIL.encode() not in body for body in parts.values())
    assert "Láng Hạ".encode() not in parts["docProps/app.xml"]
    assert b"comments" not in parts["[Content_Types].xml"] and b"people" not in parts["[Content_Types].xml"]
    assert b"comments.xml" not in parts["word/_rels/document.xml.rels"]
    assert b'Target="styles.xml"' in parts["word/_rels/document.xml.rels"]
    document = parts["word/document.xml"]
    assert b'<w:ins w:id="1" w:author=""' in document and b'<w:del w:id="2" w:author=""' in document
    assert b"commentReference" not in document and b"commentRangeStart" not in document
    assert "Kế hoạch giảm rác".encode() in document
    assert ooxml_type(clean) == "docx"


def test_pdf_fixture_really_has_author_script_and_file():
    data = pdf_bytes(author=PUPIL, javascript=True, attachment=True)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata["/Author"] == PUPIL
    assert b"/JavaScript" in data and b"/EmbeddedFiles" in data


def test_pdf_rewritten_without_metadata_script_or_embedded_file():
    clean = pdf_clean(pdf_bytes(author=PUPIL, javascript=True, attachment=True))
    reader = PdfReader(io.BytesIO(clean))
    assert len(reader.pages) == 1
    assert not reader.metadata
    assert set(reader.trailer["/Root"].keys()) == {"/Type", "/Pages"}
    for marker in (b"/JavaScript", b"/OpenAction", b"/EmbeddedFiles", b"/Author", b"/Metadata", b"app.alert"):
        assert marker not in clean


def test_pdf_damaged_refused():
    assert _code(lambda: pdf_clean(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")) == "type"


def test_xlsx_comment_authors_and_persons_emptied():
    clean = ooxml_clean(xlsx_with_comment_authors())
    with zipfile.ZipFile(io.BytesIO(clean)) as archive:
        assert all(PUPIL.encode() not in archive.read(name) for name in archive.namelist())
        assert b"<author></author>" in archive.read("xl/comments1.xml")
    assert ooxml_type(clean) == "xlsx"


def test_office_vba_content_type_refused():
    types = (
        '<Types><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Override PartName="/word/document.xml" ContentType="'
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/macros.bin", b"\xd0\xcf\x11\xe0")
    assert _code(lambda: ooxml_type(out.getvalue())) == "macro"


def test_image_over_pillows_own_limit_is_a_pixel_refusal(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    out = io.BytesIO()
    Image.new("L", (40, 40)).save(out, "PNG")
    assert _code(lambda: image_clean(out.getvalue())) == "pixels"

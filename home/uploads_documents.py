"""Uploaded documents, checked by CONTENT and rewritten without personal data.

Office Open XML (DOCX, XLSX, PPTX):
- `ooxml_type` reads only the zip's central directory and [Content_Types].xml: at most
  OOXML_MAX_PARTS entries and OOXML_MAX_UNCOMPRESSED bytes once inflated, judged from
  the declared sizes, so a zip bomb is refused without inflating anything; a
  macro-enabled document (a vbaProject.bin part, or a "macroEnabled" content type) is
  refused whatever its name says; the main part's content type gives the type.
- `ooxml_clean` rebuilds the archive: empty docProps core/app/custom (no author, editor,
  company or custom fields), no Word comments (word/comments*.xml, word/people.xml,
  their relationships and content-type overrides, the comment marks in the text), and
  tracked changes keep no names (every `author`/`initials` attribute becomes empty);
  Excel comment authors, Excel persons and PowerPoint comment authors become empty
  (their comments stay).
  Each part is read at most to its declared size.

PDF:
- `pdf_clean` rewrites the pages with pypdf into a new document: no Info dictionary, no
  XMP, no document catalog of the upload (so no /Names, /JavaScript, /EmbeddedFiles,
  /OpenAction, /AcroForm), and no /AA, /Metadata or /PieceInfo on pages; annotations that
  run JavaScript, launch programs, submit forms or carry files are dropped.

Refusals are ValidationError with a message for the user (codes "type", "macro", "size").
"""

import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, NameObject

MB = 1024 * 1024
OOXML_MAX_PARTS = 2000
OOXML_MAX_UNCOMPRESSED = 100 * MB
PDF_MAX_PAGES = 500

OOXML_CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# The main part's content type in [Content_Types].xml.
_OOXML_MAIN = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    OSError,
    RuntimeError,
    ValueError,
    EOFError,
    NotImplementedError,
)

EMPTY_PROPERTIES = {
    "docProps/core.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>'
    ),
    "docProps/app.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
        b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"></Properties>'
    ),
    "docProps/custom.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
        b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>'
    ),
}
# Parts that hold reviewers' names and words: dropped with everything pointing at them.
_DROPPED_PART = re.compile(r"^word/(comments[A-Za-z]*|people)\.xml$", re.IGNORECASE)
_DROPPED_TARGET = rb"(?:comments[A-Za-z]*|people)\.xml"
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*\bTarget=\"[^\"]*" + _DROPPED_TARGET + rb"\"[^>]*/>")
_OVERRIDE = re.compile(rb"<Override\b[^>]*\bPartName=\"/word/" + _DROPPED_TARGET + rb"\"[^>]*/>", re.IGNORECASE)
_COMMENT_MARK = re.compile(rb"<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*/>")
_AUTHOR = re.compile(rb"(\s(?:\w+:)?(?:author|initials))=\"[^\"]*\"")
# Excel comment authors (<author>Name</author>), threaded-comment persons, PowerPoint comment authors.
_XLSX_AUTHOR = re.compile(rb"<author>[^<]*</author>")
_PERSON = re.compile(rb"(\s(?:displayName|userId|name|initials))=\"[^\"]*\"")
_PEOPLE_PARTS = re.compile(r"^(xl/persons/[^/]+\.xml|ppt/commentAuthors\.xml)$")


def bad_document() -> ValidationError:
    return ValidationError(
        _(
            "This file is not a JPEG, PNG or WebP image, nor a PDF, Word (DOCX), Excel (XLSX) or "
            "PowerPoint (PPTX) document, or its content does not match its name."
        ),
        code="type",
    )


def macro_refused() -> ValidationError:
    return ValidationError(
        _("Documents with macros are not accepted. Save it as a plain Word, Excel or PowerPoint file."),
        code="macro",
    )


def too_big_inside() -> ValidationError:
    return ValidationError(
        _("This document is too large once unpacked: at most %(mb)s MB.") % {"mb": OOXML_MAX_UNCOMPRESSED // MB},
        code="size",
    )


def _check_archive(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > OOXML_MAX_PARTS or sum(info.file_size for info in infos) > OOXML_MAX_UNCOMPRESSED:
        raise too_big_inside()
    if any(info.filename.rsplit("/", 1)[-1].lower() == "vbaproject.bin" for info in infos):
        raise macro_refused()
    return infos


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as part:
        body = part.read(info.file_size + 1)
    if len(body) != info.file_size:
        raise bad_document()
    return body


def ooxml_type(data: bytes, *, allowed: tuple[str, ...] = ("docx", "xlsx", "pptx")) -> str:
    """The Office type of the bytes ("docx", "xlsx" or "pptx", within `allowed`), or ValidationError."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive)
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MB:
                raise bad_document()
            types = _read_part(archive, info)
    except ValidationError:
        raise
    except _ZIP_ERRORS:
        raise bad_document() from None
    if b"macroenabled" in types.lower() or b"vbaproject" in types.lower():
        raise macro_refused()
    found = [name for name, main in _OOXML_MAIN.items() if main in types]
    if len(found) != 1 or found[0] not in allowed:
        raise bad_document()
    return found[0]


def _scrub_part(name: str, body: bytes) -> bytes:
    if name == "[Content_Types].xml":
        return _OVERRIDE.sub(b"", body)
    if name.lower().endswith(".rels"):
        return _RELATIONSHIP.sub(b"", body)
    if name.startswith("word/") and name.endswith(".xml"):
        return _AUTHOR.sub(rb'\1=""', _COMMENT_MARK.sub(b"", body))
    if re.match(r"^xl/comments\d*\.xml$", name):
        return _XLSX_AUTHOR.sub(b"<author></author>", body)
    if _PEOPLE_PARTS.match(name):
        return _PERSON.sub(rb'\1=""', body)
    return body


def ooxml_clean(data: bytes) -> bytes:
    """The same Office document without personal properties, comments or change authors."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            infos = _check_archive(source)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
                for info in infos:
                    if info.is_dir() or _DROPPED_PART.match(info.filename):
                        continue
                    body = EMPTY_PROPERTIES.get(info.filename)
                    if body is None:
                        body = _scrub_part(info.filename, _read_part(source, info))
                    target.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), body)
            return out.getvalue()
    except ValidationError:
        raise
    except _ZIP_ERRORS:
        raise bad_document() from None


_UNSAFE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition"}
_UNSAFE_ANNOTATIONS = {"/FileAttachment", "/Movie", "/Sound", "/Screen", "/RichMedia", "/3D"}


def _safe_annotation(annotation) -> bool:
    annotation = annotation.get_object()
    if annotation.get("/Subtype") in _UNSAFE_ANNOTATIONS or "/AA" in annotation:
        return False
    action = annotation.get("/A")
    return action is None or action.get_object().get("/S") not in _UNSAFE_ACTIONS


def pdf_clean(data: bytes) -> bytes:
    """The pages of a PDF in a new document with no metadata, scripts, actions or attached files."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise bad_document()
        if len(reader.pages) > PDF_MAX_PAGES:
            raise bad_document()
        writer = PdfWriter()
        for source in reader.pages:
            page = writer.add_page(source)
            for key in ("/AA", "/Metadata", "/PieceInfo"):
                if key in page:
                    del page[key]
            if "/Annots" in page:
                kept = [a for a in page["/Annots"] if _safe_annotation(a)]
                if kept:
                    page[NameObject("/Annots")] = ArrayObject(kept)
                else:
                    del page["/Annots"]
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except ValidationError:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise bad_document() from None

"""Checks of uploaded entry media, by CONTENT (never by the name or the declared type).

Pure functions: bytes in, bytes (or ValidationError with a message for the user) out.
The writer is contests/entries/services_media.py.

- Images: JPEG, PNG or WebP, through the shared pipeline (home.uploads.image_clean): a
  single frame, within the size and pixel limits, re-encoded (orientation applied first)
  without any metadata. JPEG, or PNG when the image has transparency.
- Documents: PDF (header and %%EOF trailer), rewritten without metadata, scripts or
  attached files, and Office Open XML (DOCX, XLSX, PPTX), refused when macro-enabled or
  too large once unpacked, rebuilt without personal properties, comments or change
  authors (home.uploads_documents).
- The name's extension must match the content's type (a PNG renamed .jpg is refused).
- The uploaded name is display text only (see `display_name`); storage uses a
  server-made name (contests.models.entries.media_upload_to).

Limits come from settings (CONTEST_MEDIA_*), with the defaults below.
"""

import hashlib
import io
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from contests.enums import MediaKind
from home.uploads import OUTPUT_JPEG_OR_PNG, image_clean, read_upload
from home.uploads_documents import ooxml_clean, ooxml_type, pdf_clean

MB = 1024 * 1024
DEFAULT_IMAGE_MAX_BYTES = 10 * MB
DEFAULT_DOCUMENT_MAX_BYTES = 20 * MB
DEFAULT_MAX_PIXELS = 40_000_000
DEFAULT_MAX_SIDE = 4096  # stored originals are scaled down to this longest side
DEFAULT_PER_ENTRY = 10
DISPLAY_NAME_MAX = 120
THUMBNAIL_SIZE = (480, 480)

# type -> (kind, allowed extensions, stored extension, content type)
TYPES = {
    "jpeg": (MediaKind.IMAGE, {".jpg", ".jpeg"}, ".jpg", "image/jpeg"),
    "png": (MediaKind.IMAGE, {".png"}, ".png", "image/png"),
    "webp": (MediaKind.IMAGE, {".webp"}, ".webp", "image/webp"),
    "pdf": (MediaKind.DOCUMENT, {".pdf"}, ".pdf", "application/pdf"),
    "docx": (
        MediaKind.DOCUMENT,
        {".docx"},
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        MediaKind.DOCUMENT,
        {".xlsx"},
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": (
        MediaKind.DOCUMENT,
        {".pptx"},
        ".pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
ACCEPT = ",".join(sorted(ext for _kind, exts, _ext, _ct in TYPES.values() for ext in exts))


def image_max_bytes() -> int:
    return int(getattr(settings, "CONTEST_MEDIA_IMAGE_MAX_BYTES", DEFAULT_IMAGE_MAX_BYTES))


def document_max_bytes() -> int:
    return int(getattr(settings, "CONTEST_MEDIA_DOCUMENT_MAX_BYTES", DEFAULT_DOCUMENT_MAX_BYTES))


def max_pixels() -> int:
    return int(getattr(settings, "CONTEST_MEDIA_MAX_PIXELS", DEFAULT_MAX_PIXELS))


def max_side() -> int:
    return int(getattr(settings, "CONTEST_MEDIA_MAX_SIDE", DEFAULT_MAX_SIDE))


def per_entry_limit() -> int:
    return int(getattr(settings, "CONTEST_MEDIA_PER_ENTRY", DEFAULT_PER_ENTRY))


@dataclass(frozen=True)
class CheckedMedia:
    """What the service stores: the (re-encoded) bytes and what is known about them."""

    data: bytes
    kind: str  # MediaKind
    type: str  # a key of TYPES
    extension: str  # stored extension, e.g. ".jpg"
    content_type: str
    display_name: str
    sha256: str
    width: int | None = None
    height: int | None = None


def _bad_type() -> ValidationError:
    return ValidationError(
        _(
            "This file is not a JPEG, PNG or WebP image, nor a PDF, Word (DOCX), Excel (XLSX) or "
            "PowerPoint (PPTX) document, or its content does not match its name."
        ),
        code="type",
    )


def _too_large(limit: int) -> ValidationError:
    return ValidationError(
        _("The file is too large: at most %(mb)s MB.") % {"mb": limit // MB},
        code="size",
    )


def display_name(name: str | None) -> str:
    """The uploaded name as safe display text: no folders, control, format (bidi override,
    zero-width) or private characters, NFC, at most DISPLAY_NAME_MAX characters (the
    extension kept). Never used as a storage path."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith(("C", "Z")) or ch == " ")
    text = " ".join(text.split()).strip(" .")
    if len(text) > DISPLAY_NAME_MAX:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 8:
            text = stem[: DISPLAY_NAME_MAX - len(ext) - 1].rstrip() + "." + ext
        else:
            text = text[:DISPLAY_NAME_MAX]
    return text


def extension_of(name: str) -> str:
    _stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and _stem else ""


def sniff(data: bytes) -> str:
    """The type of the bytes (a key of TYPES), or ValidationError."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise _bad_type()
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return ooxml_type(data)
    raise _bad_type()


def reencode_image(data: bytes, expected: str) -> tuple[bytes, str, int, int]:
    """(clean bytes, stored type 'jpeg' or 'png', width, height) or ValidationError."""
    try:
        clean = image_clean(
            data, allowed=(expected,), max_pixels=max_pixels(), max_side=max_side(), output=OUTPUT_JPEG_OR_PNG
        )
    except ValidationError as error:
        if error.code == "type":
            raise _bad_type() from None
        raise
    return clean.data, clean.type, clean.width, clean.height


def media_check(upload) -> CheckedMedia:
    """Read and check an upload; raise ValidationError (nothing stored) or return what to store."""
    data = read_upload(upload, limit=max(image_max_bytes(), document_max_bytes()))
    kind_type = sniff(data)
    kind, allowed, stored_ext, content_type = TYPES[kind_type]
    name = display_name(getattr(upload, "name", ""))
    if extension_of(name) not in allowed:
        raise _bad_type()
    limit = image_max_bytes() if kind == MediaKind.IMAGE else document_max_bytes()
    if len(data) > limit:
        raise _too_large(limit)
    width = height = None
    if kind == MediaKind.IMAGE:
        data, kind_type, width, height = reencode_image(data, kind_type)
        _kind, _allowed, stored_ext, content_type = TYPES[kind_type]
    elif kind_type == "pdf":
        data = pdf_clean(data)
    else:
        data = ooxml_clean(data)
    return CheckedMedia(
        data=data,
        kind=kind,
        type=kind_type,
        extension=stored_ext,
        content_type=content_type,
        display_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        width=width,
        height=height,
    )


def thumbnail_bytes(data: bytes) -> bytes:
    """A JPEG thumbnail (no metadata) of a stored, already clean image."""
    with Image.open(io.BytesIO(data), formats=["JPEG", "PNG", "WEBP"]) as image:
        image.load()
        image.thumbnail(THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
        if image.mode in ("RGBA", "LA", "P"):
            rgba = image.convert("RGBA")
            background = Image.new("RGB", rgba.size, (255, 255, 255))
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        else:
            image = image.convert("RGB")
        image.info = {}
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82, optimize=True)
        return out.getvalue()

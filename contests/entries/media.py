"""Checks of uploaded entry media, by CONTENT (never by the name or the declared type).

Pure functions: bytes in, bytes (or ValidationError with a message for the user) out.
The writer is contests/entries/services_media.py.

- Images: JPEG, PNG or WebP, read and verified with Pillow, a single frame, within the
  size and pixel limits; re-encoded (orientation applied first) without EXIF, GPS, XMP,
  ICC or text chunks, so anything appended after the image data disappears too. JPEG,
  or PNG when the image has transparency.
- Documents: PDF (header and %%EOF trailer) and Office Open XML (DOCX, XLSX, PPTX: a zip
  whose [Content_Types].xml names the matching main part). PDFs are stored as uploaded;
  Office documents get empty properties parts (no author, editor or company).
- The name's extension must match the content's type (a PNG renamed .jpg is refused).
- The uploaded name is display text only (see `display_name`); storage uses a
  server-made name (contests.models.entries.media_upload_to).

Limits come from settings (CONTEST_MEDIA_*), with the defaults below.
"""

import hashlib
import io
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from contests.enums import MediaKind

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
# The main part's content type in [Content_Types].xml (macro-enabled variants differ: refused).
_OOXML_MAIN = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
ACCEPT = ",".join(sorted(ext for _kind, exts, _ext, _ct in TYPES.values() for ext in exts))
_PILLOW_FORMAT = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
_IMAGE_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    TypeError,
    EOFError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


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


def _bad_image() -> ValidationError:
    return ValidationError(
        _("This image is damaged or cannot be read. Save it again as JPEG or PNG and upload it."), code="corrupt"
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
        return _ooxml_type(data)
    raise _bad_type()


def _ooxml_type(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MB:
                raise _bad_type()
            with archive.open(info) as part:
                types = part.read(MB + 1)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError, NotImplementedError):
        raise _bad_type() from None
    found = [name for name, main in _OOXML_MAIN.items() if main in types]
    if len(found) != 1:
        raise _bad_type()
    return found[0]


# Office documents: the properties parts (author, last editor, company, custom fields)
# are replaced by empty ones, so a blind round shows no names; limits against zip bombs.
_OOXML_MAX_PARTS = 2000
_OOXML_MAX_UNCOMPRESSED = 200 * MB
_EMPTY_PROPERTIES = {
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


def scrub_ooxml(data: bytes) -> bytes:
    """The same Office document with empty document properties (no author or company)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            infos = source.infolist()
            if len(infos) > _OOXML_MAX_PARTS or sum(i.file_size for i in infos) > _OOXML_MAX_UNCOMPRESSED:
                raise _bad_type()
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
                for info in infos:
                    if info.is_dir():
                        continue
                    body = _EMPTY_PROPERTIES.get(info.filename)
                    if body is None:
                        with source.open(info) as part:
                            body = part.read(info.file_size + 1)
                        if len(body) != info.file_size:
                            raise _bad_type()
                    target.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), body)
            return out.getvalue()
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError, EOFError):
        raise _bad_type() from None


def _read(upload) -> bytes:
    if upload is None or not hasattr(upload, "read"):
        raise ValidationError(_("Choose a file to upload."), code="missing")
    limit = max(image_max_bytes(), document_max_bytes())
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise _too_large(limit)
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(limit + 1)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > limit:
        raise _too_large(limit)
    return data


def _has_alpha(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "La", "RGBa"):
        return image.getchannel("A").getextrema()[0] < 255
    if image.mode == "P" and "transparency" in image.info:
        return _has_alpha(image.convert("RGBA"))
    return False


def reencode_image(data: bytes, expected: str) -> tuple[bytes, str, int, int]:
    """(clean bytes, stored type 'jpeg' or 'png', width, height) or ValidationError."""
    limit = max_pixels()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != _PILLOW_FORMAT[expected]:
                    raise _bad_type()
                if probe.width * probe.height > limit:
                    raise ValidationError(
                        _("The image is too large: at most %(mp)s megapixels.") % {"mp": limit // 1_000_000},
                        code="pixels",
                    )
                if getattr(probe, "n_frames", 1) > 1 or getattr(probe, "is_animated", False):
                    raise ValidationError(_("Animated images are not accepted. Upload a single photo."), code="frames")
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                alpha = _has_alpha(image)
                image = image.convert("RGBA" if alpha else "RGB")
                side = max_side()
                if max(image.size) > side:
                    image.thumbnail((side, side), Image.Resampling.LANCZOS)
                image.info = {}  # no EXIF, GPS, XMP, ICC or text chunks in what we write
                out = io.BytesIO()
                if alpha:
                    image.save(out, "PNG", optimize=True)
                else:
                    image.save(out, "JPEG", quality=88, optimize=True)
                return out.getvalue(), ("png" if alpha else "jpeg"), image.width, image.height
        except ValidationError:
            raise
        except Image.DecompressionBombError:
            raise ValidationError(
                _("The image is too large: at most %(mp)s megapixels.") % {"mp": limit // 1_000_000},
                code="pixels",
            ) from None
        except _IMAGE_ERRORS:
            raise _bad_image() from None


def media_check(upload) -> CheckedMedia:
    """Read and check an upload; raise ValidationError (nothing stored) or return what to store."""
    data = _read(upload)
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
    elif kind_type in _OOXML_MAIN:
        data = scrub_ooxml(data)
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
    with Image.open(io.BytesIO(data)) as image:
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

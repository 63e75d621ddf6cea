"""The one way in for uploaded images: checked by CONTENT, re-encoded without metadata.

Every upload of a picture (audit-day photos, plan attachments, contest entry media,
implementation milestones, Wagtail admin images) goes through `image_clean`:

- the type is read from the first bytes and must be in the use's allow-list
  (a key of IMAGE_FORMATS: "jpeg", "png", "webp"); anything else, EPS and PostScript
  included, is refused before Pillow sees it;
- Pillow opens it with `formats=[...]` restricted to that one format, so it can never
  hand the bytes to another plugin (EPS/PS would run Ghostscript, PDF, ...);
- the pixel count is checked from the header before decoding, and a decompression-bomb
  warning is an error; a single frame only;
- orientation is applied (ImageOps.exif_transpose), then the pixels are copied into a
  new image with no `info`, so EXIF, GPS, XMP, ICC, PNG text and JPEG COM comments are
  not written, and nothing appended after the image data survives.

Refusals are ValidationError with a message for the user and a code:
"type" (not an allowed image), "corrupt", "pixels", "frames", "size", "empty", "missing".
Documents (Office, PDF) are in home/uploads_documents.py.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MB = 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000

# our name -> Pillow's format name
IMAGE_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}
EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "webp": ".webp", "gif": ".gif"}

# What the re-encoded copy is written as.
OUTPUT_JPEG = "jpeg"  # always JPEG (transparency flattened on white)
OUTPUT_JPEG_OR_PNG = "jpeg_or_png"  # PNG when the image has transparency, else JPEG
OUTPUT_SAME = "same"  # the input's own format

_IMAGE_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    TypeError,
    EOFError,
    KeyError,
    IndexError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    type: str  # a key of IMAGE_FORMATS
    width: int
    height: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.type]

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.type]


def not_an_image() -> ValidationError:
    return ValidationError(_("This file is not a photo we can read. Upload a JPEG or PNG image."), code="type")


def damaged_image() -> ValidationError:
    return ValidationError(
        _("This image is damaged or cannot be read. Save it again as JPEG or PNG and upload it."), code="corrupt"
    )


def too_many_pixels(limit: int) -> ValidationError:
    return ValidationError(
        _("The image is too large: at most %(mp)s megapixels.") % {"mp": limit // 1_000_000}, code="pixels"
    )


def too_large(limit: int) -> ValidationError:
    return ValidationError(_("The file is too large: at most %(mb)s MB.") % {"mb": limit // MB}, code="size")


def read_upload(upload, *, limit: int) -> bytes:
    """At most `limit` bytes of an uploaded file, or ValidationError (missing, empty, too large).
    Reads limit + 1 bytes at most, whatever the declared size says."""
    if upload is None or not hasattr(upload, "read"):
        raise ValidationError(_("Choose a file to upload."), code="missing")
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise too_large(limit)
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(limit + 1)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > limit:
        raise too_large(limit)
    return data


def sniff_image(data: bytes) -> str | None:
    """The image type of the bytes by their signature (a key of IMAGE_FORMATS), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def _has_alpha(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "La", "RGBa"):
        return image.getchannel("A").getextrema()[0] < 255
    if image.mode in ("P", "PA") and "transparency" in image.info:
        return _has_alpha(image.convert("RGBA"))
    return False


def _flatten(image: Image.Image) -> Image.Image:
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _bare(image: Image.Image) -> Image.Image:
    """The same pixels in a new image that carries no info (EXIF, ICC, XMP, comments, text)."""
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _output_type(source: str, alpha: bool, output: str) -> str:
    if output == OUTPUT_SAME:
        return source
    if output == OUTPUT_JPEG_OR_PNG and alpha:
        return "png"
    return "jpeg"


def _probe(data: bytes, kind: str, max_pixels: int) -> None:
    with Image.open(io.BytesIO(data), formats=[IMAGE_FORMATS[kind]]) as probe:
        if probe.width * probe.height > max_pixels:
            raise too_many_pixels(max_pixels)
        if getattr(probe, "n_frames", 1) > 1 or getattr(probe, "is_animated", False):
            raise ValidationError(_("Animated images are not accepted. Upload a single photo."), code="frames")
        probe.verify()


def image_clean(
    data: bytes,
    *,
    allowed: tuple[str, ...] = ("jpeg", "png", "webp"),
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_side: int | None = None,
    output: str = OUTPUT_JPEG_OR_PNG,
    quality: int = 88,
) -> CleanImage:
    """A clean, re-encoded copy of image bytes, or ValidationError (nothing is kept).

    `allowed`: the image types this use accepts; `max_side`: the longest side of the copy
    (scaled down, never up); `output`: OUTPUT_JPEG, OUTPUT_JPEG_OR_PNG or OUTPUT_SAME."""
    kind = sniff_image(data)
    if kind is None or kind not in allowed:
        raise not_an_image()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            _probe(data, kind, max_pixels)
            with Image.open(io.BytesIO(data), formats=[IMAGE_FORMATS[kind]]) as opened:
                opened.load()
                image = ImageOps.exif_transpose(opened)
                alpha = _has_alpha(image)
                target = _output_type(kind, alpha, output)
                if target == "jpeg":
                    image = _flatten(image) if alpha else image.convert("RGB")
                else:
                    image = image.convert("RGBA" if alpha else "RGB")
                if max_side and max(image.size) > max_side:
                    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
                image = _bare(image)
                if target == "gif":
                    image = image.convert("P", palette=Image.Palette.ADAPTIVE)
                out = io.BytesIO()
                if target == "jpeg":
                    image.save(out, "JPEG", quality=quality, optimize=True)
                elif target == "webp":
                    image.save(out, "WEBP", quality=quality)
                else:
                    image.save(out, IMAGE_FORMATS[target], optimize=True)
                return CleanImage(data=out.getvalue(), type=target, width=image.width, height=image.height)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels(max_pixels) from None
        except _IMAGE_ERRORS:
            raise damaged_image() from None

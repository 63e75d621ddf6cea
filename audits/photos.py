"""Evidence photos: decoded and re-encoded with Pillow, so EXIF/GPS and anything appended are dropped."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
MAX_PIXELS = 40_000_000


def photo_clean(upload) -> ContentFile:
    """A JPEG without metadata under a server-made name, or ValidationError with a message for the user."""
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is larger than 10 MB. Take it again at a lower resolution."))
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."))
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85, optimize=True)  # no exif= argument: metadata is dropped
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not a photo we can read. Upload a JPEG or PNG image.")) from None
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")

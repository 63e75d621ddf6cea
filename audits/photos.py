"""Evidence photos: through the shared image pipeline (home.uploads), so only JPEG, PNG or
WebP is opened (never EPS/PostScript), and the copy kept is an upright JPEG without metadata."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from home.uploads import OUTPUT_JPEG, image_clean, not_an_image, read_upload

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
MAX_PIXELS = 40_000_000
ALLOWED = ("jpeg", "png", "webp")


def photo_clean(upload) -> ContentFile:
    """A JPEG without metadata under a server-made name, or ValidationError with a message for the user."""
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is larger than 10 MB. Take it again at a lower resolution."))
    try:
        data = read_upload(upload, limit=MAX_UPLOAD_BYTES)
        clean = image_clean(
            data, allowed=ALLOWED, max_pixels=MAX_PIXELS, max_side=MAX_SIDE, output=OUTPUT_JPEG, quality=85
        )
    except ValidationError as error:
        if error.code == "pixels":
            raise ValidationError(_("The photo has too many pixels."), code="pixels") from None
        if error.code == "size":
            raise ValidationError(_("The photo is larger than 10 MB. Take it again at a lower resolution.")) from None
        raise not_an_image() from None
    return ContentFile(clean.data, name=f"{uuid.uuid4().hex}.jpg")

"""The Wagtail admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): every uploaded image,
from the add, multiple-upload, edit and chooser views, goes through home.uploads first.

The file is checked by content (JPEG, PNG, WebP or a single-frame GIF) and re-encoded in
its own format without metadata (GPS, Artist, EXIF, XMP, ICC, comments) and upright, so
the stored original, and every rendition made from it, carries none. Anything Pillow
cannot read is a form error, never a 500. Then Wagtail's own checks (size, extension
against format, pixels) run on the clean copy.
"""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from home.uploads import DEFAULT_MAX_PIXELS, OUTPUT_SAME, image_clean, read_upload

ADMIN_IMAGE_TYPES = ("jpeg", "png", "webp", "gif")


class CleanImageField(WagtailImageField):
    def to_python(self, data):
        if data in self.empty_values or not hasattr(data, "read"):
            return super().to_python(data)
        limit = self.max_upload_size or settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        clean = image_clean(
            read_upload(data, limit=limit),
            allowed=ADMIN_IMAGE_TYPES,
            max_pixels=self.max_image_pixels or DEFAULT_MAX_PIXELS,
            output=OUTPUT_SAME,
            quality=90,
        )
        return super().to_python(SimpleUploadedFile(data.name, clean.data, content_type=clean.content_type))


class CleanImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = CleanImageField(label=field.label, required=field.required, widget=field.widget)

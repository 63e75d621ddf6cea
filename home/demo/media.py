"""Generated media of the demo: illustrations and a logo drawn with Pillow, a one-page PDF,
and the Wagtail image and document made of them (found by title, so made once)."""

from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

FONT_PATHS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
]


def _font(size, bold=False):
    from PIL import ImageFont

    path = FONT_PATHS[1 if bold else 0]
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default()


def landscape_png(sky, hill, accent) -> bytes:
    """A simple illustration: sky, sun, two green hills and a row of trees."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = 1200, 675
    picture = PILImage.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(picture)
    for y in range(height // 2):
        shade = tuple(min(255, c + y // 6) for c in sky)
        draw.line([(0, y), (width, y)], fill=shade)
    draw.ellipse([880, 70, 1040, 230], fill=(255, 214, 102))
    draw.ellipse([-300, 380, 800, 1100], fill=hill)
    draw.ellipse([450, 420, 1500, 1150], fill=tuple(max(0, c - 30) for c in hill))
    for x in range(120, 1150, 140):
        draw.rectangle([x + 26, 455, x + 38, 520], fill=(110, 76, 40))
        draw.ellipse([x, 380, x + 64, 470], fill=accent)
    out = BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def logo_png() -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGBA", (320, 128), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([8, 8, 120, 120], fill=(25, 135, 84))
    draw.polygon([(64, 28), (98, 70), (64, 104), (30, 70)], fill=(255, 255, 255))
    draw.text((136, 34), "CECR", fill=(25, 135, 84), font=_font(52, bold=True))
    out = BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def pdf_of_lines(title: str, lines: list[str]) -> bytes | None:
    """A one-page A4 PDF of text lines, drawn with Pillow; None when no Unicode font is installed."""
    if not FONT_PATHS[0].exists():
        return None
    from PIL import Image as PILImage
    from PIL import ImageDraw

    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((100, 100), title, fill=(25, 135, 84), font=_font(40, bold=True))
    y = 200
    body = _font(28)
    for line in lines:
        draw.text((100, y), line, fill=(33, 37, 41), font=body)
        y += 46
    out = BytesIO()
    page.save(out, "PDF", resolution=150)
    return out.getvalue()


def image_ensure(*, title, description, data: bytes, filename):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description)
        image.file = ImageFile(BytesIO(data), name=filename)
        image.save()
    return image


def document_ensure(*, title, data: bytes, filename):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file = ContentFile(data, name=filename)
        document.save()
    return document

import io
import uuid

from PIL import Image

from audits.models import WasteCategory


def cat(code):
    return WasteCategory.objects.get(code=code)


def jpeg_with_gps() -> bytes:
    """A JPEG carrying EXIF with a GPS block, as phones write them."""
    image = Image.new("RGB", (64, 48), (120, 200, 80))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (21.0, 2.0, 3.0), 3: "E", 4: (105.0, 46.0, 1.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def day_post(*, client_id=None, date="2022-10-20", students="420", staff="30", action="submit", **extra):
    data = {
        "client_id": str(client_id or uuid.uuid4()),
        "date": date,
        "students_present": students,
        "staff_present": staff,
        "areas": ["classrooms", "canteen"],
        "action": action,
        f"m_{cat('organic').pk}": "12500",
        f"m_{cat('lvp_nylon_bag').pk}": "830,5",
        f"n_{cat('lvp_nylon_bag').pk}": "210",
    }
    data.update(extra)
    return data

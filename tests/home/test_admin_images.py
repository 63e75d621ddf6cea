"""Images uploaded in the Wagtail admin keep no metadata; an unreadable one is a form error (issue 14)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from tests.factories.people import UserFactory
from tests.upload_samples import EPS, GPS_IFD, assert_image_has_no_metadata, jpeg_with_gps_and_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    client.cookies["django_language"] = "en"
    return client


def _upload(client, name, data):
    return client.post(reverse("wagtailimages:add"), {"title": "Ảnh", "file": SimpleUploadedFile(name, data)})


def test_admin_image_original_and_rendition_have_no_gps_or_artist(admin_client):
    response = _upload(admin_client, "ngay-hoi.jpg", jpeg_with_gps_and_comment(orientation=6))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    with image.file.open("rb") as handle:
        original = handle.read()
    assert_image_has_no_metadata(original)
    assert (image.width, image.height) == (40, 80)
    rendition = image.get_rendition("fill-20x20")
    with rendition.file.open("rb") as handle:
        rendered = handle.read()
    assert_image_has_no_metadata(rendered)
    assert Image.open(io.BytesIO(rendered)).getexif().get_ifd(GPS_IFD) == {}


@pytest.mark.parametrize(
    ("name", "data"),
    [("hong.gif", b"GIF89a" + b"\x00" * 40), ("hong.jpg", EPS)],
)
def test_admin_unreadable_image_is_a_form_error_not_a_500(admin_client, name, data):
    response = _upload(admin_client, name, data)
    assert response.status_code == 200
    assert get_image_model().objects.count() == 0
    assert response.context["form"].errors["file"]


def test_admin_single_frame_gif_is_kept_as_gif(admin_client):
    out = io.BytesIO()
    Image.new("P", (8, 8)).save(out, "GIF")
    assert _upload(admin_client, "logo.gif", out.getvalue()).status_code == 302
    with get_image_model().objects.get().file.open("rb") as handle:
        assert Image.open(io.BytesIO(handle.read())).format == "GIF"


def test_admin_multiple_upload_is_stripped_too(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("ngay-hoi.jpg", jpeg_with_gps_and_comment())},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200 and response.json()["success"]
    with get_image_model().objects.get().file.open("rb") as handle:
        assert_image_has_no_metadata(handle.read())

"""Audit-day photos go through the shared image pipeline (issue 14), with real files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import EpsImagePlugin, Image

from audits.enums import Phase
from audits.models import AuditSession
from tests.audits.support import day_post
from tests.upload_samples import EPS, assert_image_has_no_metadata, jpeg_with_gps_and_comment


@pytest.fixture
def baseline(periods):
    return periods[Phase.BASELINE]


@pytest.fixture
def ghostscript_calls(monkeypatch):
    calls = []

    def spy(*args, **kwargs):
        calls.append(args)
        return Image.new("RGB", (10, 10)).im

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", spy)
    return calls


def _post(world, baseline, client_for, name, data):
    client = client_for(world.teacher)
    client.cookies["django_language"] = "en"
    url = reverse("audits:day_new", args=[world.school.pk, baseline.pk])
    return client.post(url, {**day_post(), "photo": SimpleUploadedFile(name, data, content_type="image/jpeg")})


def test_eps_named_jpg_is_refused_without_running_ghostscript(world, baseline, client_for, ghostscript_calls):
    response = _post(world, baseline, client_for, "scale.jpg", EPS)
    assert response.status_code == 400
    assert "not a photo we can read" in response.content.decode()
    assert ghostscript_calls == []
    assert AuditSession.objects.count() == 0


def test_photo_loses_gps_comment_icc_and_xmp_and_stays_upright(world, baseline, client_for):
    response = _post(world, baseline, client_for, "IMG_2041.jpg", jpeg_with_gps_and_comment(orientation=6))
    assert response.status_code == 302
    session = AuditSession.objects.get()
    with session.photo.open("rb") as handle:
        data = handle.read()
    assert_image_has_no_metadata(data)
    assert Image.open(io.BytesIO(data)).size == (40, 80)

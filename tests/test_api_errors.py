"""The JSON API's errors: {"code": <stable>, "detail": <in the request's language>}."""

import json

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from ninja.errors import AuthenticationError, ValidationError

from config.api import api


def _summary(slug):
    return reverse("api:programme_summary", kwargs={"slug": slug})


def test_api_401_is_coded_and_vietnamese(world):
    response = Client().get(_summary(world.programme.slug))

    assert response.status_code == 401
    assert response.json() == {
        "code": "not_authenticated",
        "detail": "Hãy đăng nhập để xem số liệu của chương trình này.",
    }


def test_api_403_is_coded_and_vietnamese(world):
    client = Client()
    client.force_login(world.teacher)

    response = client.get(reverse("api:programme_audit_summary", kwargs={"slug": world.programme.slug}))

    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "detail": "Bạn không có quyền xem số liệu của chương trình này.",
    }


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/programmes/khong-co/summary/",
        "/api/v1/programmes/khong-co/audit-summary/",
        "/api/v1/contests/khong-co/results/",
    ],
)
def test_api_404_is_coded_and_vietnamese(db, url):
    response = Client().get(url)

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Không tìm thấy."}


def test_api_error_is_english_after_the_switch(db):
    client = Client()
    client.cookies["django_language"] = "en"

    response = client.get("/api/v1/contests/khong-co/results/")

    assert response.json() == {"code": "not_found", "detail": "Not found."}


def _handled(exc):
    request = RequestFactory().get("/api/v1/programmes/")
    with translation.override("vi"):
        response = api.on_exception(request, exc)
    return response.status_code, json.loads(response.content)


def test_api_422_keeps_ninjas_errors_beside_the_code():
    errors = [{"type": "missing", "loc": ["query", "year"], "msg": "Field required"}]

    status, body = _handled(ValidationError(errors))

    assert status == 422
    assert body == {"code": "invalid", "detail": "Một số tham số của yêu cầu không hợp lệ.", "errors": errors}


def test_api_authentication_error_is_coded():
    status, body = _handled(AuthenticationError())

    assert (status, body) == (401, {"code": "not_authenticated", "detail": "Hãy đăng nhập trước."})


def test_api_permission_denied_is_coded():
    from django.core.exceptions import PermissionDenied

    status, body = _handled(PermissionDenied())

    assert (status, body) == (403, {"code": "permission_denied", "detail": "Bạn không có quyền xem nội dung này."})

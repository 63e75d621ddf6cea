"""The error pages in production (DEBUG=False): the site's own, in Vietnamese, with a way back."""

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path, reverse

from config.urls import urlpatterns as site_urlpatterns

PASSWORD = "pw-for-tests-123"


def _boom(request):
    raise RuntimeError("a bug")


def _suspicious(request):
    raise SuspiciousOperation("odd input")


# This module is the URLconf of the tests that need a view failing on purpose.
urlpatterns = [path("test-boom/", _boom), path("test-suspicious/", _suspicious), *site_urlpatterns]

production = override_settings(DEBUG=False, ROOT_URLCONF=__name__)


def _client(user=None):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def _page(response) -> str:
    return response.content.decode()


@production
def test_404_is_the_vietnamese_page_with_a_way_home(db):
    response = _client().get("/khong-co-trang-nay/")

    html = _page(response)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html
    assert 'href="/"' in html and "Về trang chủ" in html
    assert 'name="viewport"' in html


@production
def test_404_of_another_schools_classroom_in_the_workspace(world):
    url = reverse("workspace:classroom", args=[world.other_school.pk, world.other_classroom.pk])

    response = _client(world.teacher).get(url)

    html = _page(response)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html
    assert "thuộc về trường khác" in html
    assert f'href="{reverse("workspace:home")}"' in html


@production
def test_403_is_the_vietnamese_page(world):
    response = _client(world.teacher).get(reverse("workspace:monitoring"))

    assert response.status_code == 403
    assert "Bạn không có quyền mở trang này" in _page(response)


@production
def test_400_is_the_vietnamese_page(db):
    response = _client().get("/test-suspicious/")

    assert response.status_code == 400
    assert "Không đọc được yêu cầu" in _page(response)


@production
def test_500_is_the_vietnamese_page_without_the_base_template(db):
    response = _client().get("/test-boom/")

    html = _page(response)
    assert response.status_code == 500
    assert "Đã có lỗi xảy ra" in html
    assert 'href="/"' in html and 'href="/workspace/"' in html
    assert "<link" not in html and "<script" not in html  # self-contained


@production
def test_csrf_failure_is_the_vietnamese_page(world):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    response = client.post(reverse("login"), {"username": "teacher", "password": PASSWORD})

    html = _page(response)
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hiệu lực" in html
    assert "cookie" in html


@production
def test_axes_lockout_is_the_vietnamese_429_page(world):
    client = _client()
    for _ in range(5):
        client.post(reverse("login"), {"username": "teacher", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")

    response = client.post(reverse("login"), {"username": "teacher", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")

    html = _page(response)
    assert response.status_code == 429
    assert "Thử sai quá nhiều lần" in html
    assert "Về trang chủ" in html


@production
def test_404_is_english_after_the_switch(db):
    client = _client()
    client.cookies["django_language"] = "en"

    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Page not found" in _page(response)


@pytest.mark.parametrize("template", ["400.html", "403.html", "404.html", "429.html", "403_csrf.html"])
def test_error_templates_extend_the_site_layout(template):
    from django.template.loader import get_template

    source = get_template(template).template.source
    assert source.startswith('{% extends "error_page.html" %}')

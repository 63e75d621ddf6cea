"""A login on a shared school computer ends with the browser; "remember this device" keeps
it for REMEMBER_DEVICE_AGE."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse

from home.views import REMEMBER_DEVICE_AGE

PASSWORD = "pw-for-tests-123"


def _login(client, **extra):
    return client.post(reverse("login"), {"username": "teacher", "password": PASSWORD, **extra}, REMOTE_ADDR="10.0.0.9")


def test_login_without_remember_ends_the_session_when_the_browser_closes(world, client):
    response = _login(client)

    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close() is True
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert (cookie["max-age"], cookie["expires"]) == ("", "")


def test_login_with_remember_keeps_the_session_for_fourteen_days(world, client):
    response = _login(client, remember="on")

    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close() is False
    assert REMEMBER_DEVICE_AGE == timedelta(days=14)
    assert client.session.get_expiry_age() == 14 * 24 * 3600
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 14 * 24 * 3600


def test_login_page_offers_remember_unticked_with_a_vietnamese_label(client, db):
    html = client.get(reverse("login")).content.decode()

    assert "Ghi nhớ thiết bị này (chỉ trên điện thoại hoặc máy tính của riêng bạn)" in html
    assert 'type="checkbox" name="remember"' in html
    assert "checked" not in html

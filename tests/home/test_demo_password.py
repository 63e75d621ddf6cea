"""The published demo password: refused at every login outside DEMO_MODE, accepted in it."""

import io

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import RequestFactory, override_settings
from django.urls import reverse

from home.demo_password import DEMO_PASSWORD
from tests.factories import UserFactory

REAL_PASSWORD = "pw-for-tests-123"
REFUSED = "Mật khẩu dùng thử không được dùng trên trang này"
PRODUCTION = override_settings(DEMO_MODE=False)


@pytest.fixture
def demo_user(world):
    """The world's organiser (workspace and Wagtail admin) with the demo password, as seed_demo sets it."""
    world.organiser.set_password(DEMO_PASSWORD)
    world.organiser.save()
    return world.organiser


def _workspace_login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.9")


def _admin_login(client, username, password):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.9"
    )


LOGIN_PATHS = {"workspace": _workspace_login, "admin": _admin_login}


@PRODUCTION
@pytest.mark.parametrize("path", list(LOGIN_PATHS))
def test_demo_password_refused_with_message_outside_demo_mode(demo_user, client, path):
    response = LOGIN_PATHS[path](client, demo_user.username, DEMO_PASSWORD)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


@PRODUCTION
@pytest.mark.parametrize("path", list(LOGIN_PATHS))
def test_real_password_works_outside_demo_mode(world, client, path):
    response = LOGIN_PATHS[path](client, world.organiser.username, REAL_PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.organiser.pk)


@PRODUCTION
@pytest.mark.parametrize("path", list(LOGIN_PATHS))
def test_wrong_password_keeps_the_usual_message_outside_demo_mode(world, client, path):
    response = LOGIN_PATHS[path](client, world.organiser.username, "wrong")

    assert response.status_code == 200
    assert REFUSED not in response.content.decode()


@PRODUCTION
def test_demo_password_refused_by_authenticate(demo_user):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.9")

    assert authenticate(request, username=demo_user.username, password=DEMO_PASSWORD) is None
    assert request.demo_password_refused is True


@PRODUCTION
def test_demo_password_refused_whatever_the_account_password(world, client):
    """Refused before the account is looked up: the answer tells nothing about the username."""
    response = _workspace_login(client, "no-such-user", DEMO_PASSWORD)

    assert REFUSED in response.content.decode()


@override_settings(DEMO_MODE=True)
@pytest.mark.parametrize("path", list(LOGIN_PATHS))
def test_demo_password_works_in_demo_mode(demo_user, client, path):
    response = LOGIN_PATHS[path](client, demo_user.username, DEMO_PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(demo_user.pk)


@PRODUCTION
def test_demo_password_cannot_be_set_outside_demo_mode(db):
    with pytest.raises(ValidationError) as error:
        validate_password(DEMO_PASSWORD, UserFactory.build(username="hs.an"))

    assert [e.code for e in error.value.error_list] == ["demo_password"]


@override_settings(DEMO_MODE=True)
def test_demo_password_can_be_set_in_demo_mode(db):
    validate_password(DEMO_PASSWORD, UserFactory.build(username="hs.an"))


@PRODUCTION
@pytest.mark.parametrize("args", [[], ["--if-empty"]])
def test_seed_demo_refuses_outside_demo_mode(world, args):
    stdout = io.StringIO()

    with pytest.raises(CommandError, match="DEMO_MODE"):
        call_command("seed_demo", *args, stdout=stdout)

    assert DEMO_PASSWORD not in stdout.getvalue()

"""manage.py create_organiser: the first login of a fresh install."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from home.models import User
from schools.enums import Role
from schools.selectors import is_global_organiser

PASSWORD = "Rừng-xanh-2026-bền-vững"


def _create(*args, monkeypatch, password=PASSWORD):
    monkeypatch.setenv("ORGANISER_PASSWORD", password)
    out = StringIO()
    call_command("create_organiser", *args, "--password-from-env", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_create_organiser_makes_a_global_organiser_who_gets_into_the_admin(monkeypatch):
    out = _create("hoa.nguyen", "--full-name", "Nguyễn Thị Hoa", "--email", "Hoa@CECR.vn", monkeypatch=monkeypatch)

    user = User.objects.get(username="hoa.nguyen")
    assert "hoa.nguyen" in out
    assert (user.full_name, user.email, user.is_superuser, user.is_staff) == (
        "Nguyễn Thị Hoa",
        "hoa@cecr.vn",
        False,
        False,
    )
    assert list(user.memberships.values_list("role", "programme")) == [(Role.ORGANISER, None)]
    assert is_global_organiser(user)
    assert user.groups.filter(name="Organisers").exists()
    client = Client()
    assert user.check_password(PASSWORD)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)  # accounts are a site administrator's


@pytest.mark.django_db
def test_create_organiser_site_admin_is_also_a_superuser(monkeypatch):
    _create("admin", "--full-name", "Quản Trị", "--site-admin", monkeypatch=monkeypatch)

    user = User.objects.get(username="admin")
    assert (user.is_superuser, user.is_staff) == (True, True)
    assert user.memberships.get().role == Role.ORGANISER


@pytest.mark.django_db
def test_create_organiser_refuses_a_weak_password_and_creates_nothing(monkeypatch):
    with pytest.raises(CommandError):
        _create("hoa", "--full-name", "Nguyễn Thị Hoa", monkeypatch=monkeypatch, password="123")

    assert not User.objects.filter(username="hoa").exists()


@pytest.mark.django_db
def test_create_organiser_refuses_a_taken_username(monkeypatch):
    User.objects.create(username="hoa")

    with pytest.raises(CommandError, match="HOA"):
        _create("HOA", "--full-name", "Nguyễn Thị Hoa", monkeypatch=monkeypatch)


@pytest.mark.django_db
def test_create_organiser_refuses_an_empty_password_variable(monkeypatch):
    monkeypatch.delenv("ORGANISER_PASSWORD", raising=False)

    with pytest.raises(CommandError):
        call_command("create_organiser", "hoa", "--full-name", "Hoa", "--password-from-env", stdout=StringIO())
    assert not User.objects.exists()

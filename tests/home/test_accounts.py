"""Signing in and out, passwords, lockouts and the language switch."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "pw-for-tests-123"


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_page_is_vietnamese_by_default(client, db):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    assert "Đăng nhập" in response.content.decode()


def test_login_with_right_password_lands_on_workspace(world, client):
    response = _login(client, "teacher", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("workspace:home")


def test_login_with_wrong_password_shows_vietnamese_error(world, client):
    response = _login(client, "teacher", "wrong")
    assert response.status_code == 200
    assert "tên đăng nhập và mật khẩu" in response.content.decode().lower()


def test_axes_locks_username_and_ip_after_five_failures(world, client):
    for _ in range(5):
        _login(client, "teacher", "wrong")
    locked = _login(client, "teacher", PASSWORD)
    assert locked.status_code == 429
    assert "15" in locked.content.decode()


def test_axes_lock_does_not_spread_to_other_children_behind_same_ip(world, client):
    for _ in range(5):
        _login(client, "student", "wrong")
    response = _login(client, "teacher", PASSWORD)
    assert response.status_code == 302


def test_axes_lock_does_not_follow_username_to_another_ip(world, client):
    for _ in range(5):
        _login(client, "teacher", "wrong", ip="10.0.0.1")
    assert _login(client, "teacher", PASSWORD, ip="10.0.0.2").status_code == 302


def test_logout_requires_post_and_ends_session(world, client_for):
    client = client_for(world.teacher)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("workspace:home")).status_code == 302


def test_password_change_clears_one_time_flag(world, client_for):
    world.teacher.must_change_password = True
    world.teacher.save()
    client = client_for(world.teacher)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Cay-xanh-2026!", "new_password2": "Cay-xanh-2026!"},
    )
    assert response.status_code == 302
    world.teacher.refresh_from_db()
    assert world.teacher.must_change_password is False
    assert world.teacher.check_password("Cay-xanh-2026!")


def test_password_reset_sends_vietnamese_link(world, client):
    response = client.post(reverse("password_reset"), {"email": world.teacher.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/" in mail.outbox[0].body
    assert "mật khẩu" in mail.outbox[0].subject.lower()


def test_password_reset_for_unknown_address_reveals_nothing(db, client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_language_switch_to_english_and_back(world, client_for):
    client = client_for(world.teacher)
    client.post(reverse("set_language"), {"language": "en", "next": "/workspace/"})
    english = client.get(reverse("workspace:home"))
    assert english.headers["Content-Language"] == "en"
    assert "My workspace" in english.content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": "/workspace/"})
    assert "Không gian làm việc" in client.get(reverse("workspace:home")).content.decode()


@pytest.mark.parametrize(
    ("role", "section"),
    [
        ("organiser", "section-organiser"),
        ("officer", "section-officer"),
        ("teacher", "section-teacher-"),
        ("student", "section-student-"),
        ("judge", "section-judge"),
    ],
)
def test_workspace_home_shows_the_section_of_each_role(world, client_for, role, section):
    response = client_for(world.user_for(role)).get(reverse("workspace:home"))
    assert response.status_code == 200
    assert f'id="{section}' in response.content.decode()


def test_workspace_home_for_user_with_two_roles_shows_both(world, client_for):
    from schools.enums import Role
    from schools.services import membership_grant

    membership_grant(user=world.teacher, role=Role.JUDGE, programme=world.programme)
    html = client_for(world.teacher).get(reverse("workspace:home")).content.decode()
    assert 'id="section-teacher-' in html
    assert 'id="section-judge"' in html


def test_workspace_home_for_user_without_role_says_so(world, client_for):
    response = client_for(world.outsider).get(reverse("workspace:home"))
    assert response.status_code == 200
    assert "section-" not in response.content.decode()


def test_workspace_home_queries_do_not_depend_on_roles(world, client_for, django_assert_max_num_queries):
    user = UserFactory(username="many-roles")
    from schools.enums import Role
    from schools.services import membership_grant

    membership_grant(user=user, role=Role.TEACHER, school=world.school)
    membership_grant(user=user, role=Role.TEACHER, school=world.other_school)
    membership_grant(user=user, role=Role.OFFICER, area=world.district)
    client = client_for(user)
    # Session, user, memberships, notices, site settings, permissions, and one or two per
    # app section (schools, audits, plans, contests, monitoring); never one per role held.
    with django_assert_max_num_queries(14):
        client.get(reverse("workspace:home"))


def test_admin_login_page_labels_are_vietnamese(db, client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Mật khẩu" in html
    assert ">Password<" not in html

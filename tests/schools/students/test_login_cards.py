"""Printable login cards: new one-time passwords shown once, never cached, and they work."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from home.models import User
from schools.models import Student
from tests.factories import ClassroomFactory, StudentFactory

STATUS_BY_ROLE = [
    ("anonymous", 302),
    ("organiser", 200),
    ("officer", 403),
    ("teacher", 200),
    ("other_teacher", 404),
    ("student", 403),
    ("judge", 404),
    ("outsider", 404),
]


def _url(classroom, school=None):
    return reverse("workspace:login_cards", args=[(school or classroom.school).pk, classroom.pk])


def _password_hash(user):
    user.refresh_from_db()
    return user.password


def _cards(content: str) -> list[tuple[str, str]]:
    """(username, password) pairs in the order the cards show them."""
    values = re.findall(r'<dd class="lc-mono">([^<]*)</dd>', content)
    return list(zip(values[0::2], values[1::2], strict=True))


@pytest.mark.parametrize(("role", "status"), STATUS_BY_ROLE)
def test_login_cards_status_by_role(world, client_for, role, status):
    before = _password_hash(world.student_user)

    response = client_for(world.user_for(role)).post(_url(world.classroom), {"students": [world.student.pk]})

    assert response.status_code == status
    assert (_password_hash(world.student_user) != before) is (status == 200)


def test_login_cards_get_is_not_allowed(world, client_for):
    response = client_for(world.teacher).get(_url(world.classroom), {"students": [world.student.pk]})

    assert response.status_code == 405


def test_login_cards_show_each_new_password_once_and_it_works(world, client_for):
    without_login = StudentFactory(classroom=world.classroom, display_name="Hà Thu Uyên")

    response = client_for(world.teacher).post(
        _url(world.classroom), {"students": [world.student.pk, without_login.pk], "token": "t1"}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    cards = _cards(content)
    without_login.refresh_from_db()
    assert [username for username, _pw in cards] == [world.student_user.username, without_login.user.username]
    for username, password in cards:
        user = User.objects.get(username=username)
        assert user.check_password(password)
        assert user.must_change_password is True
        assert content.count(password) == 1
        assert password not in user.password
    assert world.school.name in content
    assert "Hà Thu Uyên" in content and world.classroom.name in content
    assert "http://testserver/accounts/login/" in content
    with translation.override("vi"):
        assert translation.gettext("Change your password after the first login") in content


def test_login_cards_password_logs_in_and_is_then_forced_to_change(world, client_for, client, settings):
    settings.AXES_ENABLED = False
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "schools.middleware.OneTimePasswordMiddleware"]
    response = client_for(world.teacher).post(_url(world.classroom), {"students": [world.student.pk]})
    [(username, password)] = _cards(response.content.decode())
    client.logout()

    assert client.login(username=username, password=password)
    follow = client.get(reverse("workspace:schools"))

    assert follow.status_code == 302
    assert follow.url == reverse("password_change")


def test_login_cards_old_password_stops_working(world, client_for):
    client = client_for(world.teacher)
    first = _cards(client.post(_url(world.classroom), {"students": [world.student.pk]}).content.decode())[0][1]

    second = _cards(client.post(_url(world.classroom), {"students": [world.student.pk]}).content.decode())[0][1]

    world.student_user.refresh_from_db()
    assert first != second
    assert not world.student_user.check_password(first)
    assert world.student_user.check_password(second)


def test_login_cards_eight_per_sheet(world, client_for):
    students = StudentFactory.create_batch(9, classroom=world.classroom)

    response = client_for(world.teacher).post(_url(world.classroom), {"students": [s.pk for s in students]})

    assert [len(sheet) for sheet in response.context["sheets"]] == [8, 1]
    assert len(_cards(response.content.decode())) == 9


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_login_cards_with_a_student_of_another_class_changes_nothing(world, client_for):
    sibling = StudentFactory(classroom=ClassroomFactory(school=world.school, name="6A9"))
    newcomer = StudentFactory(classroom=world.classroom)
    before = _password_hash(world.student_user)

    response = client_for(world.teacher).post(
        _url(world.classroom), {"students": [world.student.pk, newcomer.pk, sibling.pk]}
    )

    newcomer.refresh_from_db()
    assert response.status_code == 302
    assert response.url == reverse("workspace:classroom", args=[world.school.pk, world.classroom.pk])
    assert _messages(response)
    assert _password_hash(world.student_user) == before
    assert newcomer.user is None


def test_login_cards_with_a_student_of_another_school_changes_nothing(world, client_for):
    foreign = StudentFactory(classroom=world.other_classroom)
    before = _password_hash(world.student_user)

    response = client_for(world.teacher).post(_url(world.classroom), {"students": [world.student.pk, foreign.pk]})

    foreign.refresh_from_db()
    assert response.status_code == 302
    assert _password_hash(world.student_user) == before
    assert foreign.user is None


def test_login_cards_with_a_deactivated_student_changes_nothing(world, client_for):
    gone = StudentFactory(classroom=world.classroom, active=False)

    response = client_for(world.teacher).post(_url(world.classroom), {"students": [gone.pk]})

    gone.refresh_from_db()
    assert response.status_code == 302
    assert gone.user is None


@pytest.mark.parametrize("data", [{}, {"students": ["abc"]}, {"students": ["999999"]}, {"students": [""]}])
def test_login_cards_bad_selection_is_a_message_not_an_error(world, client_for, data):
    response = client_for(world.teacher).post(_url(world.classroom), data)

    assert response.status_code == 302
    assert _messages(response)
    assert Student.objects.filter(user__isnull=False).count() == 1


def test_login_cards_of_another_schools_class_is_404(world, client_for):
    foreign = StudentFactory(classroom=world.other_classroom)
    client = client_for(world.teacher)

    responses = [
        client.post(_url(world.other_classroom), {"students": [foreign.pk]}),
        client.post(_url(world.other_classroom, school=world.school), {"students": [foreign.pk]}),
    ]

    foreign.refresh_from_db()
    assert [r.status_code for r in responses] == [404, 404]
    assert foreign.user is None


def test_login_cards_reposted_form_does_not_replace_printed_passwords(world, client_for):
    client = client_for(world.teacher)
    client.post(_url(world.classroom), {"students": [world.student.pk], "token": "page-1"})
    printed = _password_hash(world.student_user)

    response = client.post(_url(world.classroom), {"students": [world.student.pk], "token": "page-1"})

    assert response.status_code == 302
    assert _password_hash(world.student_user) == printed
    assert _messages(response)


def test_login_cards_token_of_a_refused_form_stays_usable(world, client_for):
    client = client_for(world.teacher)
    client.post(_url(world.classroom), {"students": ["abc"], "token": "page-1"})

    response = client.post(_url(world.classroom), {"students": [world.student.pk], "token": "page-1"})

    assert response.status_code == 200

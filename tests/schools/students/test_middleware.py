"""OneTimePasswordMiddleware: a login-card password must be changed before anything else."""

import pytest
from django.urls import reverse

MIDDLEWARE = "schools.middleware.OneTimePasswordMiddleware"


@pytest.fixture
def with_middleware(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]
    return settings


@pytest.fixture
def card_user(world):
    user = world.student_user
    user.must_change_password = True
    user.save(update_fields=["must_change_password"])
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/workspace/schools/",
        "/workspace/",
        "/",
        "/admin/",
    ],
)
def test_one_time_password_user_is_sent_to_password_change(with_middleware, card_user, client_for, url):
    response = client_for(card_user).get(url)

    assert response.status_code == 302
    assert response.url == reverse("password_change")


@pytest.mark.django_db
def test_one_time_password_user_post_elsewhere_is_redirected(with_middleware, card_user, client_for, world):
    response = client_for(card_user).post(reverse("workspace:school", args=[world.school.pk]))

    assert response.status_code == 302
    assert response.url == reverse("password_change")


@pytest.mark.django_db
def test_one_time_password_user_reaches_password_change_page(with_middleware, card_user, client_for):
    response = client_for(card_user).get(reverse("password_change"))

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/static/css/site.css", "/static/nothing.css", "/media/x.png"])
def test_one_time_password_user_gets_static_and_media_untouched(with_middleware, card_user, client_for, url):
    response = client_for(card_user).get(url)

    assert not (response.status_code == 302 and response.url == reverse("password_change"))


@pytest.mark.django_db
def test_one_time_password_user_may_log_out(with_middleware, card_user, client_for):
    client = client_for(card_user)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response.url != reverse("password_change")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_one_time_password_user_may_switch_language(with_middleware, card_user, client_for):
    response = client_for(card_user).post(reverse("set_language"), {"language": "en", "next": "/workspace/"})

    assert response.status_code == 302
    assert response.url == "/workspace/"


@pytest.mark.django_db
def test_after_changing_password_the_user_goes_where_they_want(with_middleware, card_user, client_for):
    client = client_for(card_user)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": "pw-for-tests-123",
            "new_password1": "cay-xanh-Ha-Noi-2026",
            "new_password2": "cay-xanh-Ha-Noi-2026",
        },
    )

    card_user.refresh_from_db()
    assert response.status_code == 302
    assert card_user.must_change_password is False
    assert client.get(reverse("workspace:schools")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["teacher", "student", "organiser"])
def test_users_without_one_time_password_are_not_redirected(with_middleware, world, client_for, role):
    response = client_for(world.user_for(role)).get(reverse("workspace:schools"))

    assert response.status_code == 200


@pytest.mark.django_db
def test_anonymous_visitors_are_not_redirected_to_password_change(with_middleware, world, client):
    response = client.get(reverse("workspace:schools"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))

"""Public pages, accounts, Wagtail's own routes and the admin as a whole."""

from django.urls import reverse

from tests.matrix.base import Route, everyone, signed_in

ROUTES = {
    # Public pages and accounts
    "wagtail_serve": Route(lambda w, o: "/", everyone(200)),
    "search": Route(lambda w, o: reverse("search") + "?q=xanh", everyone(200)),
    "set_language": Route(lambda w, o: reverse("set_language") + "?next=/", everyone(302)),
    "login": Route(lambda w, o: reverse("login"), {**signed_in(302), "anonymous": 200}),
    "logout": Route(lambda w, o: reverse("logout"), everyone(405)),
    "password_change": Route(lambda w, o: reverse("password_change"), signed_in(200)),
    "password_change_done": Route(lambda w, o: reverse("password_change_done"), signed_in(200)),
    "password_reset": Route(lambda w, o: reverse("password_reset"), everyone(200)),
    "password_reset_done": Route(lambda w, o: reverse("password_reset_done"), everyone(200)),
    "password_reset_complete": Route(lambda w, o: reverse("password_reset_complete"), everyone(200)),
    "password_reset_confirm": Route(
        lambda w, o: reverse("password_reset_confirm", args=["MQ", "bad-token"]), everyone(200)
    ),
    "wagtaildocs_serve": Route(lambda w, o: "/documents/999999/missing.pdf", everyone(404)),
    "wagtaildocs_authenticate_with_password": Route(
        lambda w, o: reverse("wagtaildocs_authenticate_with_password", args=[999999]), everyone(404)
    ),
    "wagtailcore_authenticate_with_password": Route(
        lambda w, o: reverse("wagtailcore_authenticate_with_password", args=[999999, 999999]), everyone(404)
    ),
    "wagtailcore_login": Route(lambda w, o: reverse("wagtailcore_login"), everyone(200)),
    # The Wagtail admin as a whole: organisers only (its own login page for everyone else)
    "admin/": Route(lambda w, o: reverse("wagtailadmin_home"), {**everyone(302), "organiser": 200}),
    # Workspace
}

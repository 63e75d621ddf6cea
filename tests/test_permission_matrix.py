"""Every route of the project × every role, against its own school's and another school's objects.

`test_every_route_is_in_the_matrix` fails when a route is added without an entry here,
so a new view cannot ship without saying who may open it. Expected codes: 200 (or 302
for a form that redirects after a POST), 302 to the login page for anonymous visitors,
403 for a visible object the role may not act on, and 404 for another school's object.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import URLResolver, get_resolver, reverse

ROLES = ["anonymous", "organiser", "officer", "teacher", "student", "judge", "outsider"]
LOGIN = "login"  # a 302 to the login page


@dataclass
class Route:
    """How to reach a route and what each role gets (own object, other school's object)."""

    url: object  # callable(world, other: bool) -> str
    expect: dict  # role -> code, or role -> (own code, other code)
    method: str = "get"
    data: dict = field(default_factory=dict)


def everyone(code):
    return dict.fromkeys(ROLES, code)


def signed_in(code):
    return {"anonymous": LOGIN, **{role: code for role in ROLES if role != "anonymous"}}


def organisers_only():
    return {
        "anonymous": LOGIN,
        "organiser": 200,
        **dict.fromkeys(["officer", "teacher", "student", "judge", "outsider"], 403),
    }


def _school(world, other):
    return world.other_school if other else world.school


def _classroom(world, other):
    return world.other_classroom if other else world.classroom


def _student(world, other):
    from tests.factories import StudentFactory

    return StudentFactory(classroom=world.other_classroom) if other else world.student


def _student_url(name):
    def url(world, other):
        student = _student(world, other)
        return reverse(f"workspace:{name}", args=[student.school_id, student.classroom_id, student.pk])

    return url


# Own class: teachers of the school and organisers act; officers and students see the
# school but not its class lists (403); others never see the school (404).
CLASS_ACCESS = {
    "anonymous": (LOGIN, LOGIN),
    "organiser": (200, 200),
    "officer": (403, 404),
    "teacher": (200, 404),
    "student": (403, 404),
    "judge": (404, 404),
    "outsider": (404, 404),
}


def _post_access(ok):
    return {
        role: ((ok, ok) if codes == (200, 200) else (ok, codes[1]) if codes[0] == 200 else codes)
        for role, codes in CLASS_ACCESS.items()
    }


MATRIX = {
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
    "workspace:home": Route(lambda w, o: reverse("workspace:home"), signed_in(200)),
    "workspace:schools": Route(
        lambda w, o: reverse("workspace:schools"),
        {**signed_in(200), "judge": 403, "outsider": 403},
    ),
    "workspace:school": Route(
        lambda w, o: reverse("workspace:school", args=[_school(w, o).pk]),
        {
            "anonymous": (LOGIN, LOGIN),
            "organiser": (200, 200),
            "officer": (200, 404),
            "teacher": (200, 404),
            "student": (200, 404),
            "judge": (404, 404),
            "outsider": (404, 404),
        },
    ),
    "workspace:classes": Route(lambda w, o: reverse("workspace:classes", args=[_school(w, o).pk]), CLASS_ACCESS),
    "workspace:classroom": Route(
        lambda w, o: reverse("workspace:classroom", args=[_school(w, o).pk, _classroom(w, o).pk]), CLASS_ACCESS
    ),
    "workspace:login_cards": Route(
        lambda w, o: reverse("workspace:login_cards", args=[_school(w, o).pk, _classroom(w, o).pk]),
        _post_access(302),
        method="post",
    ),
    "workspace:student_consent": Route(_student_url("student_consent"), _post_access(302), method="post"),
    "workspace:student_deactivate": Route(_student_url("student_deactivate"), _post_access(302), method="post"),
    "workspace:student_reactivate": Route(_student_url("student_reactivate"), _post_access(404), method="post"),
    "workspace:import_schools": Route(lambda w, o: reverse("workspace:import_schools"), organisers_only()),
    "workspace:import_users": Route(lambda w, o: reverse("workspace:import_users"), organisers_only()),
    "workspace:import_schools_example": Route(
        lambda w, o: reverse("workspace:import_schools_example"), organisers_only()
    ),
    "workspace:import_users_example": Route(lambda w, o: reverse("workspace:import_users_example"), organisers_only()),
}


def _route_names(resolver=None, namespace=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern) == "admin/":
                yield "admin/"
                continue
            ns = pattern.namespace
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _route_names(pattern, full)
        else:
            assert pattern.name, f"route {pattern.pattern} has no name"
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_route_is_in_the_matrix():
    routes = set(_route_names())
    assert routes - set(MATRIX) == set(), "add these routes to the permission matrix"
    assert set(MATRIX) - routes == set(), "these matrix entries have no route any more"


CASES = [
    (name, role, other)
    for name, route in MATRIX.items()
    for role in ROLES
    for other in ((False, True) if isinstance(route.expect[role], tuple) else (False,))
]


@pytest.mark.parametrize(
    ("name", "role", "other"), CASES, ids=[f"{n}-{r}-{'other' if o else 'own'}" for n, r, o in CASES]
)
def test_route_answers_role(world, client_for, settings, name, role, other):
    settings.AXES_ENABLED = False
    route = MATRIX[name]
    expected = route.expect[role]
    if isinstance(expected, tuple):
        expected = expected[1 if other else 0]
    client = client_for(world.user_for(role))
    url = route.url(world, other)
    response = getattr(client, route.method)(url, route.data)
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected, f"{role} {route.method.upper()} {url}"

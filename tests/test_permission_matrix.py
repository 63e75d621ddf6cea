"""Every route of the project × every role, against its own school's and another school's objects.

`test_every_route_is_in_the_matrix` fails when a route is added without an entry in
tests/matrix/<app>.py, so a new view cannot ship without saying who may open it. Expected codes: 200 (or 302
for a form that redirects after a POST), 302 to the login page for anonymous visitors,
403 for a visible object the role may not act on, and 404 for another school's object.
"""

import pytest
from django.urls import URLResolver, get_resolver, reverse

from tests.matrix import all_routes
from tests.matrix.base import LOGIN, ROLES
from tests.matrix.scoped_roles import SCOPED_ROLES

MATRIX = all_routes()


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
    for role in (*ROLES, *SCOPED_ROLES)
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
    url = route.url(world, other)  # first: the chair chairs the contest the route has just made
    client = client_for(world.user_for(role))
    response = getattr(client, route.method)(url, route.data)
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected, f"{role} {route.method.upper()} {url}"

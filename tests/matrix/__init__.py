"""The route × role permission matrix, one module per app; each defines ROUTES.

A new app adds `tests/matrix/<app>.py` with its ROUTES and lists it in MODULES.
"""

from importlib import import_module

MODULES = ["core", "schools", "plans", "audits", "contests", "monitoring"]


def all_routes() -> dict:
    """Every route with what each role gets; the two scoped roles come from scoped_roles.EXPECT."""
    from tests.matrix.scoped_roles import EXPECT, SCOPED_ROLES

    routes = {}
    for name in MODULES:
        part = import_module(f"tests.matrix.{name}").ROUTES
        assert not set(part) & set(routes), f"routes defined twice: {set(part) & set(routes)}"
        routes.update(part)
    assert set(EXPECT) == set(routes), f"scoped_roles.EXPECT lacks {set(routes) - set(EXPECT)}"
    for name, route in routes.items():
        route.expect = {**route.expect, **dict(zip(SCOPED_ROLES, EXPECT[name], strict=True))}
    return routes

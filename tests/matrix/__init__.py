"""The route × role permission matrix, one module per app; each defines ROUTES.

A new app adds `tests/matrix/<app>.py` with its ROUTES and lists it in MODULES.
"""

from importlib import import_module

MODULES = ["core", "schools", "plans", "audits", "contests", "monitoring"]


def all_routes() -> dict:
    routes = {}
    for name in MODULES:
        part = import_module(f"tests.matrix.{name}").ROUTES
        assert not set(part) & set(routes), f"routes defined twice: {set(part) & set(routes)}"
        routes.update(part)
    return routes

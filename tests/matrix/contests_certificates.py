"""Permission matrix: contest certificates routes."""

ROUTES = {}

"""Permission matrix: contest media routes."""

ROUTES = {}

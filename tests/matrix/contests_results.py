"""Permission matrix: contest results routes."""

ROUTES = {}

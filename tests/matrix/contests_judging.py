"""Permission matrix: contest judging routes."""

ROUTES = {}

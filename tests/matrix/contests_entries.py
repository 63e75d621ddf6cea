"""Permission matrix: contest entries routes."""

ROUTES = {}

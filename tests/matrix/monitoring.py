"""Permission matrix: monitoring routes (board, reminders, report, programme API)."""

ROUTES = {}

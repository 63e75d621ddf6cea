"""Workspace views of action plans: writing, review and coverage."""

"""Workspace routes of contests: judging (joined in contests/urls.py)."""

urlpatterns = []

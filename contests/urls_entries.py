"""Workspace routes of contests: entries (joined in contests/urls.py)."""

urlpatterns = []

"""Workspace routes of contests: results (joined in contests/urls.py)."""

urlpatterns = []

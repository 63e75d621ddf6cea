"""Workspace routes of contests: media (joined in contests/urls.py)."""

urlpatterns = []

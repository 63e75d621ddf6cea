"""Workspace routes of contests: certificates (joined in contests/urls.py)."""

urlpatterns = []

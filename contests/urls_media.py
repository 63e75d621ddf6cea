"""Workspace routes of contests: media (joined in contests/urls.py)."""

from django.urls import path

from contests.views import media

urlpatterns = [
    path("media/<int:pk>/", media.media_file, name="media"),
    path("media/<int:pk>/blind/", media.media_blind, name="media_blind"),
    path("media/<int:pk>/thumb/", media.media_thumb, name="media_thumb"),
]

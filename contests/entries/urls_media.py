"""Workspace routes of contests: media and near-duplicate slogans (joined in contests/urls.py)."""

from django.urls import path

from contests.entries.views import duplicates, media

urlpatterns = [
    path("media/<int:pk>/", media.media_file, name="media"),
    path("media/<int:pk>/blind/", media.media_blind, name="media_blind"),
    path("media/<int:pk>/thumb/", media.media_thumb, name="media_thumb"),
    path("<slug:slug>/slogans/duplicates/", duplicates.slogan_duplicates, name="slogan_duplicates"),
]

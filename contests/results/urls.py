"""Workspace routes of contests: results (joined in contests/urls.py)."""

from django.urls import path

from contests.results import views as results

urlpatterns = [
    path("results/<slug:slug>/<int:order>/", results.ranking, name="ranking"),
    path("results/<slug:slug>/<int:order>/ranking.xlsx", results.ranking_export, name="ranking_export"),
    path("results/<slug:slug>/<int:order>/tie/", results.tie_decide, name="tie_decide"),
    path("results/<slug:slug>/<int:order>/advance/", results.advance, name="round_advance"),
    path("results/<slug:slug>/<int:order>/publish/", results.publish, name="results_publish"),
    path("results/<slug:slug>/snapshot/<int:pk>/", results.snapshot, name="snapshot"),
]

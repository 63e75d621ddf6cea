"""Workspace routes of contests: the implementation of selected initiatives (joined in
contests/urls.py)."""

from django.urls import path

from contests.implementation import views as implementation

urlpatterns = [
    path("implementation/entry/<int:entry_pk>/", implementation.detail, name="implementation"),
    path("implementation/entry/<int:entry_pk>/update/", implementation.update, name="implementation_update"),
    path("implementation/entry/<int:entry_pk>/milestones/", implementation.milestone_add, name="milestone_add"),
    path(
        "implementation/entry/<int:entry_pk>/milestones/<int:pk>/delete/",
        implementation.milestone_delete,
        name="milestone_delete",
    ),
    path(
        "implementation/entry/<int:entry_pk>/milestones/<int:pk>/photo/",
        implementation.milestone_photo,
        name="milestone_photo",
    ),
    path("implementation/entry/<int:entry_pk>/indicators/", implementation.indicator_save, name="indicator_save"),
    path("implementation/<slug:slug>/", implementation.contest_list, name="implementations"),
]

"""Workspace routes of contests: certificates and the implementation of selected
initiatives (joined in contests/urls.py)."""

from django.urls import path

from contests.certificates import views as certificates
from contests.implementation import views as implementation

urlpatterns = [
    path("certificates/pdf/<int:pk>/", certificates.certificate_pdf, name="certificate_pdf"),
    path("certificates/school/<int:school_pk>/", certificates.school_certificates, name="school_certificates"),
    path("certificates/<slug:slug>/", certificates.contest_certificates, name="certificates"),
    path("certificates/<slug:slug>/start/", certificates.batch_start, name="certificate_batch_start"),
    path("certificates/<slug:slug>/batch/<int:pk>/", certificates.batch_detail, name="certificate_batch"),
    path("certificates/<slug:slug>/batch/<int:pk>/zip/", certificates.batch_zip, name="certificate_batch_zip"),
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

"""Workspace routes of contests: certificates (joined in contests/urls.py)."""

from django.urls import path

from contests.certificates import views as certificates

urlpatterns = [
    path("certificates/pdf/<int:pk>/", certificates.certificate_pdf, name="certificate_pdf"),
    path("certificates/school/<int:school_pk>/", certificates.school_certificates, name="school_certificates"),
    path("certificates/<slug:slug>/", certificates.contest_certificates, name="certificates"),
    path("certificates/<slug:slug>/start/", certificates.batch_start, name="certificate_batch_start"),
    path("certificates/<slug:slug>/batch/<int:pk>/", certificates.batch_detail, name="certificate_batch"),
    path("certificates/<slug:slug>/batch/<int:pk>/zip/", certificates.batch_zip, name="certificate_batch_zip"),
]

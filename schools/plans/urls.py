"""Workspace routes of action plans (namespace `workspace`)."""

from django.urls import path

from schools.plans.views import coverage as plans_coverage
from schools.plans.views import review as plans_review
from schools.plans.views import writing as plans

_plan = "programmes/<int:programme_pk>/schools/<int:school_pk>/plan"

urlpatterns = [
    path(f"{_plan}/", plans.plan_detail, name="plan"),
    path(f"{_plan}/sections/<slug:section>/", plans.plan_section_save_view, name="plan_section"),
    path(f"{_plan}/attachments/", plans.plan_attachment_add, name="plan_attachment_add"),
    path(f"{_plan}/attachments/<int:pk>/", plans.plan_attachment, name="plan_attachment"),
    path(f"{_plan}/attachments/<int:pk>/delete/", plans.plan_attachment_delete, name="plan_attachment_delete"),
    path(f"{_plan}/submit/", plans.plan_submit_view, name="plan_submit"),
    path(f"{_plan}/review/", plans_review.plan_review, name="plan_review"),
    path(f"{_plan}/reopen/", plans_review.plan_reopen_view, name="plan_reopen"),
    path(f"{_plan}/compare/", plans_review.plan_compare, name="plan_compare"),
    path(f"{_plan}/print/", plans_review.plan_print, name="plan_print"),
    path("plans/", plans_coverage.plan_programmes, name="plan_programmes"),
    path("programmes/<int:pk>/plans/", plans_coverage.plan_coverage, name="plan_coverage"),
    path("programmes/<int:pk>/plans.xlsx", plans_coverage.plan_coverage_xlsx, name="plan_coverage_xlsx"),
    path("notices/<int:pk>/", plans_coverage.notice_open, name="notice_open"),
]

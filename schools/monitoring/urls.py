"""Workspace routes of the monitoring board and the programme report (namespace `workspace`)."""

from django.urls import path

from schools.monitoring import views as monitoring

_board = "monitoring/<slug:slug>"

urlpatterns = [
    path("monitoring/", monitoring.board_programmes, name="monitoring"),
    path(f"{_board}/", monitoring.board, name="board"),
    path(f"{_board}/export.xlsx", monitoring.board_export, name="board_export"),
    path(f"{_board}/reminders/", monitoring.board_remind, name="board_remind"),
    path(f"{_board}/reports/", monitoring.report_start, name="report_start"),
    path(f"{_board}/reports/<int:pk>/", monitoring.report_job, name="report_job"),
    path(f"{_board}/reports/<int:pk>/<str:kind>/", monitoring.report_download, name="report_download"),
]

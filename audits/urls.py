"""Workspace routes of waste audits (namespace `audits`, under /workspace/audits/)."""

from django.urls import path

from audits.views import days, imports, results

app_name = "audits"

_school = "schools/<int:school_pk>"

urlpatterns = [
    path(f"{_school}/", days.school_audits, name="school"),
    path(f"{_school}/periods/<int:period_pk>/new/", days.day_new, name="day_new"),
    path(f"{_school}/periods/<int:period_pk>/autosave/", days.day_autosave, name="day_autosave"),
    path(f"{_school}/periods/<int:period_pk>/tally-sheet/", days.tally_sheet, name="tally_sheet"),
    path(f"{_school}/days/<int:pk>/", days.day_detail, name="day"),
    path(f"{_school}/days/<int:pk>/verify/", days.day_verify, name="day_verify"),
    path(f"{_school}/days/<int:pk>/return/", days.day_return, name="day_return"),
    path(f"{_school}/days/<int:pk>/correct/", days.day_correct, name="day_correct"),
    path(f"{_school}/days/<int:pk>/photo/", days.day_photo, name="day_photo"),
    path(f"{_school}/results/<slug:slug>/", results.school_results, name="school_results"),
    path(f"{_school}/results/<slug:slug>/export.<str:fmt>", results.school_results_export, name="school_export"),
    path("programmes/<slug:slug>/", results.programme_results_page, name="programme"),
    path("programmes/<slug:slug>/export.<str:fmt>", results.programme_results_export, name="programme_export"),
    path("import/", imports.import_page, name="import"),
]

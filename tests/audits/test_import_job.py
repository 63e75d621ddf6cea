"""A large paper logbook goes through the background job (eager here): counts, bad line, who sees it."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.models import AuditLine
from audits.selectors import recordable_categories
from schools.models import ImportJob
from schools.models.imports import ImportStatus

HEADER = "school_code,phase,date,persons_present,category_code,mass_g,item_count\n"
THRESHOLD = 20


def _logbook(rows: int, bad_line: int | None = None) -> SimpleUploadedFile:
    codes = [c.code for c in recordable_categories()]
    lines = []
    for i in range(rows):
        day = date(2022, 10, 17) + timedelta(days=i // len(codes))
        lines.append(f'thcs-cau-dien,baseline,{day.isoformat()},450,{codes[i % len(codes)]},"{100 + i},5",{i}')
    if bad_line is not None:
        lines[bad_line - 2] = lines[bad_line - 2].replace(",450,", ",-3,")
    return SimpleUploadedFile("so-can.csv", (HEADER + "\n".join(lines) + "\n").encode(), content_type="text/csv")


@pytest.fixture
def teacher(world, periods, client_for, settings):
    settings.IMPORT_BACKGROUND_ROWS = THRESHOLD
    client = client_for(world.teacher)
    client.cookies["django_language"] = "en"
    return client


def _post(client, upload, capture):
    with capture(execute=True):
        response = client.post(reverse("audits:import"), {"programme": client.programme_pk, "file": upload})
    assert response.status_code == 302, response.content.decode()[:800]
    job = ImportJob.objects.get()
    assert response.url == reverse("workspace:import_job", args=[job.pk])
    job.refresh_from_db()
    return job


def test_a_logbook_over_the_threshold_is_imported_by_the_job(world, teacher, django_capture_on_commit_callbacks):
    teacher.programme_pk = world.programme.pk
    job = _post(teacher, _logbook(THRESHOLD + 1), django_capture_on_commit_callbacks)
    assert (job.status, job.kind, job.options) == (ImportStatus.DONE, "audits", {"programme": world.programme.pk})
    assert job.result["created"] == THRESHOLD + 1 and job.result["errors"] == []
    assert AuditLine.objects.count() == THRESHOLD + 1
    page = teacher.get(reverse("workspace:import_job", args=[job.pk])).content.decode()
    assert f"Imported {THRESHOLD + 1} row(s)" in page
    assert "mass “100,5” read as 100,5 g." in page  # the reading is echoed back
    assert reverse("audits:import") in page


def test_a_logbook_job_with_one_bad_line_changes_nothing_and_lists_it(
    world, teacher, django_capture_on_commit_callbacks
):
    teacher.programme_pk = world.programme.pk
    job = _post(teacher, _logbook(THRESHOLD + 5, bad_line=7), django_capture_on_commit_callbacks)
    assert [line for line, _message in job.result["errors"]] == [7]
    assert AuditLine.objects.count() == 0
    page = teacher.get(reverse("workspace:import_job", args=[job.pk])).content.decode()
    assert "Nothing was imported" in page


@pytest.mark.parametrize(
    ("role", "code"),
    [("teacher", 200), ("other_teacher", 404), ("organiser", 404), ("rival_organiser", 404), ("officer", 404)],
)
def test_the_logbook_job_page_by_role(world, teacher, client_for, django_capture_on_commit_callbacks, role, code):
    teacher.programme_pk = world.programme.pk
    job = _post(teacher, _logbook(THRESHOLD + 1), django_capture_on_commit_callbacks)
    response = client_for(world.user_for(role)).get(reverse("workspace:import_job", args=[job.pk]))
    assert response.status_code == code

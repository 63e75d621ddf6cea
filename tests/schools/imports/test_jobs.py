"""Large imports run as a background job (eager here, no broker): progress, result page, scope."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from schools.imports.jobs import import_job_run
from schools.imports.services import import_job_start
from schools.models import ImportJob, School
from schools.models.imports import ImportStatus

HEADER = "code,name,level,area_code,enrolment,classes\n"


def _csv(rows: int, bad_line: int | None = None) -> SimpleUploadedFile:
    lines = [f"th-moi-{i:03d},Trường Tiểu học Mới {i},Tiểu học,cau-dien,{100 + i},4" for i in range(rows)]
    if bad_line is not None:
        lines[bad_line - 2] = lines[bad_line - 2].replace("Tiểu học", "Đại học")
    return SimpleUploadedFile("truong.csv", (HEADER + "\n".join(lines) + "\n").encode(), content_type="text/csv")


@pytest.fixture
def organiser(world, client_for, settings):
    settings.IMPORT_BACKGROUND_ROWS = 3
    client = client_for(world.organiser)
    client.cookies["django_language"] = "en"
    return client


def _post(client, upload, capture, **data):
    with capture(execute=True):
        response = client.post(reverse("workspace:import_schools"), {"file": upload, **data})
    assert response.status_code == 302, response.content.decode()[:500]
    job = ImportJob.objects.get()
    assert response.url == reverse("workspace:import_job", args=[job.pk])
    job.refresh_from_db()
    return job


def test_a_file_over_the_threshold_is_imported_by_a_job_with_the_right_counts(
    world, organiser, django_capture_on_commit_callbacks
):
    before = School.objects.count()
    job = _post(organiser, _csv(4), django_capture_on_commit_callbacks)
    assert (job.status, job.kind, job.requested_by, job.file_name) == (
        ImportStatus.DONE,
        "schools",
        world.organiser,
        "truong.csv",
    )
    assert job.result["created"] == 4 and job.result["errors"] == []
    assert (job.done, job.total, job.percent) == (4, 4, 100)
    assert not job.file  # the private copy is gone once the job ended
    assert School.objects.count() == before + 4
    page = organiser.get(reverse("workspace:import_job", args=[job.pk])).content.decode()
    assert "Imported 4 row(s): 4 created, 0 updated, 0 unchanged." in page
    assert 'http-equiv="refresh"' not in page


def test_a_file_at_the_threshold_is_imported_in_the_request(world, organiser):
    response = organiser.post(reverse("workspace:import_schools"), {"file": _csv(3)})
    assert response.status_code == 200 and not ImportJob.objects.exists()


def test_a_job_file_with_one_bad_line_changes_nothing_and_lists_it(
    world, organiser, django_capture_on_commit_callbacks
):
    before = School.objects.count()
    job = _post(organiser, _csv(5, bad_line=4), django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.DONE
    assert [line for line, _message in job.result["errors"]] == [4]
    assert School.objects.count() == before
    page = organiser.get(reverse("workspace:import_job", args=[job.pk])).content.decode()
    assert "Nothing was imported" in page and "Unknown level “Đại học”" in page


def test_a_dry_run_job_counts_and_saves_nothing(world, organiser, django_capture_on_commit_callbacks):
    before = School.objects.count()
    job = _post(organiser, _csv(4), django_capture_on_commit_callbacks, dry_run="on")
    assert job.dry_run and job.result["dry_run"] and job.result["created"] == 4
    assert School.objects.count() == before


def test_a_running_job_page_shows_its_progress_and_refreshes_without_script(world, organiser):
    job = ImportJob.objects.create(
        kind="schools",
        requested_by=world.organiser,
        status=ImportStatus.RUNNING,
        step="checking",
        done=1000,
        total=4000,
        heartbeat_at=timezone.now(),
    )
    page = organiser.get(reverse("workspace:import_job", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "Checking the rows: 1,000 of 4,000 rows" in page
    assert 'aria-valuenow="22"' in page


def test_a_stale_job_is_shown_interrupted_and_never_run_late(world, organiser):
    old = timezone.now() - timedelta(minutes=11)
    job = ImportJob.objects.create(kind="schools", requested_by=world.organiser, status=ImportStatus.QUEUED)
    ImportJob.objects.filter(pk=job.pk).update(created_at=old)
    page = organiser.get(reverse("workspace:import_job", args=[job.pk])).content.decode()
    assert 'id="import-interrupted"' in page and "refresh" not in page.split("</head>")[0]
    job = import_job_run(job=job)
    assert job.status == ImportStatus.FAILED and job.result is None


def test_the_job_checks_the_importers_scope_again(world, organiser, django_capture_on_commit_callbacks):
    # a school of another programme's area: refused row by row, as in the request
    text = HEADER + "".join(f"th-xa-{i},Trường Xa {i},Tiểu học,hang-bac,,\n" for i in range(4))
    from tests.conftest import rival_organiser

    rival = rival_organiser(world)
    upload = SimpleUploadedFile("xa.csv", text.encode(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_start(kind="schools", user=rival, upload=upload, language="en")
    job.refresh_from_db()
    assert len(job.result["errors"]) == 4
    assert "outside the programmes you organise" in job.result["errors"][0][1]
    assert not School.objects.filter(code__startswith="th-xa-").exists()


def test_a_job_of_someone_who_lost_the_right_imports_nothing(world, django_capture_on_commit_callbacks):
    from schools.models import Membership

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = import_job_start(kind="schools", user=world.organiser, upload=_csv(4), language="en")
    Membership.objects.filter(user=world.organiser).delete()
    world.organiser = type(world.organiser).objects.get(pk=world.organiser.pk)  # fresh permission cache
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert job.result["errors"] == [[None, "You may no longer make this import; nothing was saved."]]
    assert not School.objects.filter(code__startswith="th-moi-").exists()


@pytest.mark.parametrize("role", ["teacher", "officer", "outsider", "other_teacher"])
def test_another_persons_job_page_answers_404(world, client_for, role):
    job = ImportJob.objects.create(kind="schools", requested_by=world.organiser, status=ImportStatus.DONE)
    response = client_for(world.user_for(role)).get(reverse("workspace:import_job", args=[job.pk]))
    assert response.status_code == 404


def test_a_job_files_the_figures_under_the_school_year_chosen_on_the_page(
    world, organiser, django_capture_on_commit_callbacks
):
    from schools.models import SchoolYear, SchoolYearProfile

    earlier = SchoolYear.objects.create(name="2019-2020", starts_on="2019-09-01", ends_on="2020-05-31")
    job = _post(organiser, _csv(4), django_capture_on_commit_callbacks, year=earlier.pk)
    assert job.status == ImportStatus.DONE and job.options == {"year": earlier.pk}
    profiles = SchoolYearProfile.objects.filter(school__code__startswith="th-moi-")
    assert profiles.count() == 4 and set(profiles.values_list("year", flat=True)) == {earlier.pk}

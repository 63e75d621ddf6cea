"""A programme report whose worker was lost: stale after REPORT_STALE_AFTER without a
heartbeat, shown as failed, replaced by the next request, never taken up again."""

from datetime import UTC, datetime, timedelta

from django.urls import reverse

from schools.models import ReportJob
from schools.models.monitoring import REPORT_STALE_AFTER, ReportStatus
from schools.monitoring.jobs import report_job_run
from schools.monitoring.services import report_job_start
from tests.conftest import fresh
from tests.schools.monitoring.helpers import build

BEAT = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _running(world, user, **fields):
    job = ReportJob.objects.create(programme=world.programme, requested_by=user, status=ReportStatus.RUNNING)
    ReportJob.objects.filter(pk=job.pk).update(progress=60, heartbeat_at=BEAT, **fields)
    job.refresh_from_db()
    return job


def test_report_stale_limit_is_ten_minutes():
    assert REPORT_STALE_AFTER == timedelta(minutes=10)


def test_report_job_start_replaces_a_running_job_with_an_old_heartbeat(world):
    old = _running(world, world.organiser)

    job = report_job_start(programme=world.programme, user=fresh(world.organiser), now=BEAT + timedelta(minutes=11))

    assert job.pk != old.pk
    assert job.status == ReportStatus.QUEUED
    old.refresh_from_db()
    assert old.status == ReportStatus.FAILED
    assert old.error == "Việc tạo báo cáo bị gián đoạn; hãy tạo lại."
    assert old.finished_at == BEAT + timedelta(minutes=11)
    assert ReportJob.objects.filter(programme=world.programme).count() == 2


def test_report_job_start_returns_a_running_job_with_a_fresh_heartbeat(world):
    running = _running(world, world.organiser)

    job = report_job_start(programme=world.programme, user=fresh(world.organiser), now=BEAT + timedelta(minutes=9))

    assert job.pk == running.pk
    running.refresh_from_db()
    assert (running.status, running.error) == (ReportStatus.RUNNING, "")
    assert ReportJob.objects.count() == 1


def test_report_job_start_replaces_a_queued_job_never_taken_by_a_worker(world):
    queued = report_job_start(programme=world.programme, user=fresh(world.organiser))
    later = queued.created_at + REPORT_STALE_AFTER + timedelta(seconds=1)

    job = report_job_start(programme=world.programme, user=fresh(world.organiser), now=later)

    assert job.pk != queued.pk
    queued.refresh_from_db()
    assert queued.status == ReportStatus.FAILED


def test_report_job_is_stale_only_while_queued_or_running(world):
    job = _running(world, world.organiser)
    late = BEAT + REPORT_STALE_AFTER + timedelta(seconds=1)
    assert job.is_stale(BEAT + REPORT_STALE_AFTER) is False
    assert job.is_stale(late) is True
    for status in (ReportStatus.DONE, ReportStatus.FAILED):
        job.status = status
        assert job.is_stale(late) is False


def test_report_page_shows_a_stale_job_as_interrupted_without_refreshing(world, client_for):
    job = _running(world, world.organiser)  # its heartbeat is long past
    client = client_for(world.organiser)

    html = client.get(reverse("workspace:report_job", args=[world.programme.slug, job.pk])).content.decode()

    assert 'data-status="failed"' in html
    assert "Việc tạo báo cáo bị gián đoạn; hãy tạo lại." in html
    assert 'http-equiv="refresh"' not in html
    board = client.get(reverse("workspace:board", args=[world.programme.slug])).content.decode()
    assert "(Không thành công)" in board


def test_report_page_of_a_job_marked_interrupted_says_so(world, client_for):
    old = _running(world, world.organiser)
    report_job_start(programme=world.programme, user=fresh(world.organiser), now=BEAT + timedelta(hours=1))
    client = client_for(world.organiser)

    html = client.get(reverse("workspace:report_job", args=[world.programme.slug, old.pk])).content.decode()

    assert 'id="report-interrupted"' in html


def test_a_late_delivery_of_a_replaced_job_does_not_run_it(world):
    old = _running(world, world.organiser)
    report_job_start(programme=world.programme, user=fresh(world.organiser), now=BEAT + timedelta(hours=1))

    job = report_job_run(job=ReportJob.objects.get(pk=old.pk))

    assert (job.status, job.pdf.name) == (ReportStatus.FAILED, "")


def test_a_running_job_delivered_again_after_a_lost_worker_is_made_from_the_start(world):
    programme, _schools = build(world, 2)
    job = ReportJob.objects.create(programme=programme, requested_by=world.organiser, status=ReportStatus.RUNNING)

    job = report_job_run(job=job)

    assert (job.status, job.progress) == (ReportStatus.DONE, 100)
    assert job.pdf.name and job.xlsx.name and job.heartbeat_at is not None

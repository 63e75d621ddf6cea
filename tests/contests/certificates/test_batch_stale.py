"""A certificate batch whose worker was lost: stale after BATCH_STALE_AFTER without a
heartbeat, it no longer blocks a new batch, shows as failed, and is never revived."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from contests.certificates.jobs import certificate_batch_make
from contests.certificates.services import certificate_batch_start
from contests.enums import BatchStatus
from contests.models import Certificate, CertificateBatch
from contests.models.results import BATCH_STALE_AFTER
from tests.factories.contests import CertificateBatchFactory, awarded_contest

BEAT = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
INTERRUPTED = "Việc tạo giấy chứng nhận bị gián đoạn; hãy tạo một đợt mới."


def _running(contest, **fields):
    batch = CertificateBatchFactory(contest=contest, status=BatchStatus.RUNNING, total=2, done=1)
    CertificateBatch.objects.filter(pk=batch.pk).update(heartbeat_at=BEAT, **fields)
    batch.refresh_from_db()
    return batch


def test_batch_stale_limit_is_fifteen_minutes():
    assert BATCH_STALE_AFTER == timedelta(minutes=15)


def test_a_stale_batch_no_longer_blocks_a_new_one(world, django_capture_on_commit_callbacks):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    stale = _running(contest)

    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_start(contest=contest, user=world.organiser, now=BEAT + timedelta(minutes=16))

    stale.refresh_from_db()
    assert (stale.status, stale.error, stale.finished_at) == (
        BatchStatus.FAILED,
        INTERRUPTED,
        BEAT + timedelta(minutes=16),
    )
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total) == (BatchStatus.DONE, 2, 2)
    assert batch.heartbeat_at is not None


def test_a_batch_with_a_fresh_heartbeat_still_blocks(world):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    running = _running(contest)

    with pytest.raises(ValidationError) as refused, translation.override("vi"):
        certificate_batch_start(contest=contest, user=world.organiser, now=BEAT + timedelta(minutes=14))

    assert refused.value.messages == ["Giấy chứng nhận của cuộc thi này đang được tạo. Hãy chờ đến khi xong."]
    running.refresh_from_db()
    assert running.status == BatchStatus.RUNNING
    assert CertificateBatch.objects.filter(contest=contest).count() == 1


def test_a_late_delivery_of_a_replaced_batch_does_not_revive_it(world):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    stale = _running(contest)
    certificate_batch_start(contest=contest, user=world.organiser, now=BEAT + timedelta(hours=1))

    batch = certificate_batch_make(batch_id=stale.pk)

    assert batch.status == BatchStatus.FAILED
    assert not Certificate.objects.filter(batch=stale).exists()


def test_pages_show_a_stale_batch_as_failed_without_refreshing(world, client_for):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    stale = _running(contest)  # its heartbeat is long past
    client = client_for(world.organiser)

    for url in (
        reverse("contests:certificates", args=[contest.slug]),
        reverse("contests:certificate_batch", args=[contest.slug, stale.pk]),
    ):
        html = client.get(url).content.decode()
        assert INTERRUPTED in html
        assert 'http-equiv="refresh"' not in html
        assert "batch-failed" in html
    assert (
        'id="start-batch" disabled'
        not in client.get(reverse("contests:certificates", args=[contest.slug])).content.decode()
    )

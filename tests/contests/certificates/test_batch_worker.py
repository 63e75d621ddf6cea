"""A real worker killed mid-batch (SIGKILL, so nothing is acknowledged): after the broker's
visibility timeout a restarted worker gets the task again and finishes the batch once,
without duplicates and keeping the codes already made.

Needs Redis (CELERY_BROKER_URL) and PostgreSQL (the worker is another process and shares
the test database); run by .ci/run with `-m celery_worker`. The worker runs with a
3-second visibility timeout and files on disk, from a settings module written for it.
"""

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from django.db import connection

from contests.certificates.tasks import make_certificate_batch
from contests.enums import BatchStatus
from contests.models import Certificate, CertificateBatch
from tests.factories.contests import CertificateBatchFactory, awarded_contest

ROOT = Path(__file__).resolve().parents[3]
BROKER = os.environ.get("CELERY_BROKER_URL", "memory://")
VISIBILITY = 3

WORKER_SETTINGS = """
from config.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = {name!r}
STORAGES = {{
    "default": {{"BACKEND": "django.core.files.storage.FileSystemStorage"}},
    "staticfiles": {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
}}
MEDIA_ROOT = {media!r}
PRIVATE_MEDIA_ROOT = {private!r}
CELERY_BROKER_TRANSPORT_OPTIONS = {{
    "visibility_timeout": {visibility}, "unacked_restore_interval": 1, "unacked_restore_throttle": 1,
}}
"""


def _worker(folder: Path, queue: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT), str(ROOT / "site")]),
        "DJANGO_SETTINGS_MODULE": "worker_settings",
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-Q", queue]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return None


@pytest.mark.celery_worker
@pytest.mark.skipif(BROKER.startswith("memory"), reason="set CELERY_BROKER_URL to a real broker (Redis) to run")
@pytest.mark.django_db(transaction=True)
def test_a_batch_whose_worker_is_killed_is_finished_once_after_a_restart(world, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process shares the test database: PostgreSQL only")
    (tmp_path / "worker_settings.py").write_text(
        WORKER_SETTINGS.format(
            name=connection.settings_dict["NAME"],
            media=str(tmp_path / "media"),
            private=str(tmp_path / "private"),
            visibility=VISIBILITY,
        )
    )
    contest, _awards = awarded_contest(programme=world.programme, school=world.school, members=20)
    batch = CertificateBatchFactory(contest=contest, requested_by=world.organiser, include_participants=True)
    queue = f"kill-test-{os.getpid()}-{batch.pk}"
    make_certificate_batch.apply_async(args=[batch.pk], queue=queue)

    first = _worker(tmp_path, queue)
    try:
        started = _wait(lambda: CertificateBatch.objects.filter(pk=batch.pk, done__gte=2).exists(), 60)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    assert started, "the first worker never started the batch"
    killed = CertificateBatch.objects.get(pk=batch.pk)
    assert killed.status == BatchStatus.RUNNING and 0 < killed.done < 42, "the batch ended before the kill"
    before = dict(Certificate.objects.filter(batch=batch).values_list("pk", "code"))

    time.sleep(VISIBILITY + 1)  # the unacknowledged task becomes visible again
    second = _worker(tmp_path, queue)
    try:
        done = _wait(lambda: CertificateBatch.objects.filter(pk=batch.pk, status=BatchStatus.DONE).first(), 90)
        time.sleep(VISIBILITY + 2)  # a second delivery, if any, would run now: it must change nothing
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(20)
        except subprocess.TimeoutExpired:
            second.kill()
    assert done is not None, "the restarted worker did not finish the batch"
    batch.refresh_from_db()
    certificates = list(Certificate.objects.filter(batch=batch))
    assert (batch.status, batch.total, batch.done, len(certificates)) == (BatchStatus.DONE, 42, 42, 42)
    assert len({(c.entry_id, c.student_id) for c in certificates}) == 42
    assert len({c.code for c in certificates}) == 42
    assert {pk: code for pk, code in before.items()} == {c.pk: c.code for c in certificates if c.pk in before}
    assert CertificateBatch.objects.filter(contest=contest).count() == 1
    with zipfile.ZipFile(tmp_path / "private" / batch.archive.name) as archive:
        assert len(archive.namelist()) == 42

"""The Celery path: welcome e-mails are queued on commit, idempotent, and run on a real worker."""

import os
import time

import pytest
from django.core import mail

from schools.services import user_create, user_welcome_queue
from schools.tasks import send_welcome_email


def test_welcome_email_is_sent_only_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user = user_create(username="gv.moi", full_name="Hoàng Thị Mới", email="gv.moi@example.org")
        user_welcome_queue(user)
        assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["gv.moi@example.org"]
    assert "Xin chào Hoàng Thị Mới" in message.body
    assert "/accounts/password/reset/" in message.body


def test_welcome_email_task_is_idempotent(db):
    user = user_create(username="gv.hai", full_name="Lý Văn Hai", email="hai@example.org")
    assert send_welcome_email.delay(user.pk).get() is True
    assert send_welcome_email.delay(user.pk).get() is False
    assert len(mail.outbox) == 1


def test_welcome_email_skips_users_without_email(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        user_welcome_queue(user_create(username="hs.khong", full_name="Em Không Thư"))
    assert callbacks == []
    assert mail.outbox == []


def test_welcome_email_task_for_deleted_user_does_nothing(db):
    assert send_welcome_email.delay(999_999).get() is False


BROKER = os.environ.get("CELERY_BROKER_URL", "memory://")


@pytest.mark.celery_worker
@pytest.mark.skipif(BROKER.startswith("memory"), reason="set CELERY_BROKER_URL to a real broker (Redis) to run")
@pytest.mark.django_db(transaction=True)
def test_welcome_email_through_real_worker():
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    user = user_create(username="gv.redis", full_name="Trịnh Văn Redis", email="redis@example.org")
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        send_welcome_email.delay(user.pk)
        # No result backend: the task's own effect is the signal that it ran.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            user.refresh_from_db()
            if user.welcome_sent_at is not None:
                break
            time.sleep(0.1)
    assert user.welcome_sent_at is not None
    assert [m.to for m in mail.outbox] == [["redis@example.org"]]

"""The Celery app. Broker from CELERY_BROKER_URL; with none, tasks run eagerly in-process.

Workers acknowledge late, re-queue on worker loss and take one task at a time, so a
killed worker loses nothing (settings/base.py); tasks are queued with delay_on_commit.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("greenschool")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

"""Local development: `make run`. SQLite, tasks in-process, e-mails to the console."""

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
# Demo passwords are printed and accepted only in debug (home.demo).
DEMO_MODE = True

# Wagtail's inline background tasks log every run at INFO: keep the console readable.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django_tasks": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

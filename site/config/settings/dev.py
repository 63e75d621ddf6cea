"""Local development: `make run`. SQLite, tasks in-process, e-mails to the console."""

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
# Demo passwords are printed and accepted only in debug (home.demo).
DEMO_MODE = True

"""The test suite: fast hashing, mail in memory, tasks eager unless a broker is given."""

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL

DEBUG = False
DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "home.hashers.OneTimePasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Eager unless the real-worker tests ask for a broker (CI on Redis).
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
WHITENOISE_AUTOREFRESH = True

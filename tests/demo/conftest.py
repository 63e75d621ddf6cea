"""The demo of `make run` (`manage.py seed_demo`), seeded once for this whole folder.

Seeding takes seconds, so it runs once, in a transaction rolled back when the folder's last
test ends (a package-scoped fixture); each test runs in a savepoint inside it. Each xdist
worker that gets some of these tests seeds once: they run one after the other there, as
pytest keeps collection order. (`--dist loadgroup` would send them all to one worker, but
it silently stops grouping with pytest 9.2: pytest-xdist issue #1386.)
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def demo_loaded(django_db_setup, django_db_blocker):
    """What seed_demo printed; the data stays for the folder's tests."""
    out = StringIO()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("seed_demo", stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def seeded(demo_loaded, db):
    """seed_demo's output; each test runs in a savepoint inside the folder's transaction."""
    return demo_loaded

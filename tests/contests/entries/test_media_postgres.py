"""Simultaneous uploads to one entry: the per-entry file limit holds (PostgreSQL).

Row locks do nothing on SQLite (STACK-FACTS), so this runs on PostgreSQL only:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool_media \
        .venv/bin/pytest -q tests/contests/entries/test_media_postgres.py
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from contests.entries.services_media import entry_media_add
from contests.enums import EntryStatus
from contests.models import EntryMedia
from tests.contests.concurrency import race
from tests.contests.entries.test_media_uploads import image_bytes, stored_files
from tests.factories.contests import EntryFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("attempt", range(3))
def test_simultaneous_uploads_respect_the_entry_limit(settings, attempt):
    settings.CONTEST_MEDIA_PER_ENTRY = 2
    entry = EntryFactory(status=EntryStatus.DRAFT)
    entry_media_add(entry=entry, upload=SimpleUploadedFile("0.jpg", image_bytes()), user=None)
    before = len(stored_files())

    def upload(n):
        return lambda: entry_media_add(entry=entry, upload=SimpleUploadedFile(f"{n}.jpg", image_bytes()), user=None)

    results = race([upload(n) for n in range(1, 4)])

    assert sum(isinstance(r, EntryMedia) for r in results) == 1
    assert sum(isinstance(r, ValidationError) and r.code == "too_many" for r in results) == 2
    assert EntryMedia.objects.filter(entry=entry).count() == 2
    assert sorted(EntryMedia.objects.filter(entry=entry).values_list("position", flat=True)) == [1, 2]
    assert len(stored_files()) == before + 2  # the one accepted file and its thumbnail (on commit)

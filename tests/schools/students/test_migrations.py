"""schools.0007_consent_records applies on a database that already holds consents, and
turns each stored consent into a record so the flags match the latest record from the start.

Its own module: the test commits (migrations), so it would make every test of a shared
module build its own world."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from schools.models import ConsentRecord, Student
from tests.factories import StudentFactory

MIGRATION = ("schools", "0007_consent_records")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_consent_records_migration_applies_and_records_stored_consents():
    executor = MigrationExecutor(connection)
    (parent,) = [node.key for node in executor.loader.graph.node_map[MIGRATION].parents if node.key[0] == "schools"]
    at = datetime(2026, 3, 31, 18, 30, tzinfo=UTC)
    both = StudentFactory(display_name="Lê Thu Trang")
    guardian_only = StudentFactory(display_name="Phạm Văn Nam")
    StudentFactory(display_name="Ngô Bảo Châu")
    # Stored as before the records existed: flags only.
    Student.objects.filter(pk=both.pk).update(consent_child=True, consent_guardian=True, consent_recorded_at=at)
    Student.objects.filter(pk=guardian_only.pk).update(consent_guardian=True, consent_recorded_at=None)
    leaves = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "schools"]

    _migrate([parent])
    _migrate(leaves)

    records = ConsentRecord.objects.order_by("student__display_name", "party")
    assert [(r.student_id, r.party, r.given, r.recorded_by_id) for r in records] == [
        (both.pk, "child", True, None),
        (both.pk, "guardian", True, None),
        (guardian_only.pk, "guardian", True, None),
    ]
    assert {r.recorded_at for r in records if r.student_id == both.pk} == {at}
    created_at = Student.objects.get(pk=guardian_only.pk).created_at
    assert [r.recorded_at for r in records if r.student_id == guardian_only.pk] == [created_at]

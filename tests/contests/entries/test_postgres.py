"""Simultaneous entries: codes stay distinct and the per-school limit holds (PostgreSQL).

Row locks do nothing on SQLite (STACK-FACTS), so these run on PostgreSQL only:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool_entries \
        .venv/bin/pytest -q tests/contests/entries/test_postgres.py
"""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from contests.entries.services import entry_save, entry_submit
from contests.enums import ContestKind, EntryStatus
from contests.models import Entry
from schools.enums import Role
from schools.services import membership_grant
from tests.contests.concurrency import race
from tests.factories import EnrolmentFactory, SchoolFactory, UserFactory
from tests.factories.contests import ContestFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _setup(**contest_fields):
    school = SchoolFactory()
    contest = ContestFactory(kind=ContestKind.SLOGAN, code_prefix="KH", **contest_fields)
    EnrolmentFactory(programme=contest.programme, school=school)
    teacher = UserFactory(username=f"gv-{uuid.uuid4().hex[:6]}")
    membership_grant(user=teacher, role=Role.TEACHER, school=school)
    return contest, school, teacher


@pytest.mark.parametrize("attempt", range(3))
def test_simultaneous_drafts_get_distinct_codes(attempt):
    contest, school, teacher = _setup()

    def create(n):
        return lambda: (
            entry_save(
                contest=contest, school=school, user=teacher, client_id=uuid.uuid4(), data={"text": f"Khẩu hiệu {n}"}
            )[0].code
        )

    codes = race([create(n) for n in range(4)])

    assert sorted(codes) == ["KH-001", "KH-002", "KH-003", "KH-004"]


@pytest.mark.parametrize("attempt", range(3))
def test_simultaneous_submissions_respect_the_school_limit(attempt):
    contest, school, teacher = _setup(max_entries_per_school=1)
    drafts = [
        entry_save(contest=contest, school=school, user=teacher, client_id=uuid.uuid4(), data={"text": f"Câu {n}"})[0]
        for n in range(3)
    ]

    results = race([lambda d=d: entry_submit(entry=d, user=teacher) for d in drafts])

    refused = [r for r in results if isinstance(r, ValidationError)]
    assert (len(refused), {r.code for r in refused}) == (2, {"school_limit"})
    assert Entry.objects.exclude(status=EntryStatus.DRAFT).count() == 1

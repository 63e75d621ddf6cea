"""Truth tables of the entry permissions: every role × (obj=None, own school's, another school's),
and who reads a student's entry (author, team, classmate, ...) × (rule, lists, page)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from contests.entries.selectors import entries_of_user_in_contest, entries_visible_to
from contests.enums import EntryStatus
from schools.enums import SchoolLevel
from schools.models import Enrolment
from tests.conftest import fresh
from tests.contests.readers import MAY_READ, READERS, team_entry_with_readers
from tests.factories.contests import ContestFactory, EntryFactory, EntryMemberFactory

ROLES = ["anonymous", "organiser", "officer", "teacher", "student", "judge", "other_teacher", "outsider"]


@pytest.fixture
def case(world):
    contest = ContestFactory(programme=world.programme)
    own = EntryFactory(contest=contest, school=world.school, status=EntryStatus.DRAFT, created_by=world.student_user)
    other = EntryFactory(
        contest=contest, school=world.other_school, status=EntryStatus.DRAFT, created_by=world.other_teacher
    )
    return {"None": None, "contest": contest, "own": own, "other": other}


def _allowed(world, perm, obj) -> set[str]:
    allowed = set()
    for role in ROLES:
        user = fresh(world.user_for(role)) or AnonymousUser()
        if user.has_perm(perm, obj):
            allowed.add(role)
    return allowed


SCHOOL_PEOPLE = {"teacher", "student", "other_teacher"}
TEACHERS = {"teacher", "other_teacher"}

TABLE = [
    ("contests.view_entry", "None", {"organiser", *SCHOOL_PEOPLE}),
    ("contests.view_entry", "own", {"organiser", "teacher", "student"}),
    ("contests.view_entry", "other", {"organiser", "other_teacher"}),
    ("contests.edit_entry", "None", SCHOOL_PEOPLE),
    ("contests.edit_entry", "own", {"teacher", "student"}),
    ("contests.edit_entry", "other", {"other_teacher"}),
    ("contests.withdraw_entry", "None", SCHOOL_PEOPLE),
    ("contests.withdraw_entry", "own", {"teacher", "student"}),
    ("contests.withdraw_entry", "other", {"other_teacher"}),
    ("contests.endorse_entry", "None", TEACHERS),
    ("contests.endorse_entry", "own", {"teacher"}),
    ("contests.endorse_entry", "other", {"other_teacher"}),
    ("contests.submit_entry", "None", SCHOOL_PEOPLE),
    ("contests.submit_entry", "contest", {"teacher", "student"}),
    ("contests.check_entry", "None", {"organiser"}),
    ("contests.check_entry", "own", {"organiser"}),
    ("contests.check_entry", "other", {"organiser"}),
    ("contests.view_contest_entries", "None", {"organiser"}),
    ("contests.view_contest_entries", "contest", {"organiser"}),
    ("contests.manage_contest", "None", {"organiser"}),
    ("contests.manage_contest", "contest", {"organiser"}),
]


@pytest.mark.parametrize(("perm", "obj", "expected"), TABLE, ids=[f"{p}-{o}" for p, o, _e in TABLE])
def test_entry_permission_truth_table(world, case, perm, obj, expected):
    assert _allowed(world, perm, case[obj]) == expected


def test_submit_entry_needs_the_window_open(world, case):
    contest = case["contest"]
    contest.closes_at = timezone.now() - timedelta(minutes=1)
    contest.opens_at = contest.closes_at - timedelta(days=7)
    contest.save()

    assert _allowed(world, "contests.submit_entry", contest) == set()


def test_submit_entry_needs_an_eligible_school(world, case):
    contest = case["contest"]
    contest.eligible_levels = [SchoolLevel.PRIMARY]
    contest.save()

    assert _allowed(world, "contests.submit_entry", contest) == set()


def test_submit_entry_opens_to_the_other_school_once_enrolled(world, case):
    Enrolment.objects.create(programme=world.programme, school=world.other_school)

    assert _allowed(world, "contests.submit_entry", case["contest"]) == {"teacher", "student", "other_teacher"}


def test_edit_entry_only_while_draft_or_returned(world, case):
    own = case["own"]
    own.status = EntryStatus.SUBMITTED
    own.save()

    assert _allowed(world, "contests.edit_entry", own) == set()


def test_a_student_edits_only_an_entry_they_made_or_are_in(world, case):
    own = case["own"]
    own.created_by = world.teacher
    own.save()
    assert _allowed(world, "contests.edit_entry", own) == {"teacher"}

    EntryMemberFactory(entry=own, student=world.student)

    assert _allowed(world, "contests.edit_entry", own) == {"teacher", "student"}


def test_withdraw_entry_closes_at_the_deadline(world, case):
    contest = case["contest"]
    contest.closes_at = timezone.now() - timedelta(minutes=1)
    contest.opens_at = contest.closes_at - timedelta(days=7)
    contest.save()

    assert _allowed(world, "contests.withdraw_entry", case["own"]) == set()


# --- Who reads a student's entry: its authors and their teachers, not their classmates ---


@pytest.fixture
def team_entry(world):
    return team_entry_with_readers(world)


@pytest.mark.parametrize("reader", READERS)
def test_view_entry_rule_readers(team_entry, reader):
    entry, readers = team_entry

    assert fresh(readers[reader]).has_perm("contests.view_entry", entry) is (reader in MAY_READ)


@pytest.mark.parametrize("reader", READERS)
def test_entry_lists_hold_what_the_rule_allows(team_entry, reader):
    entry, readers = team_entry
    user = fresh(readers[reader])

    visible = entry in entries_visible_to(user)
    in_contest_list = entry in entries_of_user_in_contest(user, entry.contest)

    assert visible is (reader in MAY_READ)
    assert in_contest_list is (reader in MAY_READ - {"organiser"})  # organisers list all entries elsewhere


@pytest.mark.parametrize("reader", READERS)
def test_entry_page_answers_404_to_who_may_not_read_it(team_entry, client_for, reader):
    entry, readers = team_entry

    response = client_for(readers[reader]).get(reverse("contests:entry", args=[entry.pk]))

    assert response.status_code == (200 if reader in MAY_READ else 404)


def test_submitter_reads_the_entry_a_teacher_created(world, team_entry):
    entry, readers = team_entry
    entry.created_by = world.teacher
    entry.submitted_by = readers["classmate"]
    entry.save()

    assert fresh(readers["classmate"]).has_perm("contests.view_entry", entry) is True
    assert entry in entries_visible_to(fresh(readers["classmate"]))


def test_student_entry_list_query_count_does_not_grow_with_entries(world, client_for):
    one, three = ContestFactory(programme=world.programme), ContestFactory(programme=world.programme)
    for contest, n in ((one, 1), (three, 3)):
        for _ in range(n):
            entry = EntryFactory(contest=contest, school=world.school, created_by=world.teacher)
            EntryMemberFactory(entry=entry, student=world.student)
            EntryFactory(contest=contest, school=world.school)  # a classmate's: not listed
    client = client_for(world.student_user)

    def count(contest):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("contests:my_entries", args=[contest.slug]))
        return len(queries), len(response.context["entries"])

    count(one)  # warm the session
    assert count(one)[1] == 1
    assert count(three) == (count(one)[0], 3)

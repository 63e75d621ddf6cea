"""Entry pages: submitting with autosave and a photo, 404 for another school's entry, text
shown escaped, the school's review, the organisers' list (query count) and its XLSX."""

import io
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from PIL import Image

from contests.entries.workspace import entry_sections
from contests.enums import ContestKind, EntryStatus
from contests.models import Entry
from tests.conftest import fresh
from tests.factories import StudentFactory
from tests.factories.contests import ContestFactory, EntryFactory, EntryMemberFactory


@pytest.fixture(autouse=True)
def _no_axes(settings):
    settings.AXES_ENABLED = False


def _jpeg() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (40, 140, 200)).save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "voi-nuoc.jpg"
    return buffer


def _contest(world, **kwargs):
    return ContestFactory(programme=world.programme, code_prefix="NUOC", **kwargs)


def test_student_submits_an_initiative_with_a_photo(world, client_for):
    contest = _contest(world)
    client = client_for(world.student_user)
    data = {
        "client_id": str(uuid.uuid4()),
        "title": "Vòi nước tự ngắt",
        "problem": "Quên khóa vòi",
        "plan": "Lắp vòi nhấn",
        "expected_result": "Giảm 30%",
        "action": "submit",
        "images": _jpeg(),
    }

    response = client.post(reverse("contests:entry_new", args=[contest.slug]), data)

    entry = Entry.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("contests:entry", args=[entry.pk])
    assert (entry.status, entry.code, entry.submitted_by) == (EntryStatus.SUBMITTED, "NUOC-001", world.student_user)
    assert list(entry.members.values_list("student", "is_lead")) == [(world.student.pk, True)]
    assert entry.media.count() == 1


def test_autosave_makes_one_draft_and_the_form_continues_on_it(world, client_for):
    contest = _contest(world, kind=ContestKind.SLOGAN)
    client = client_for(world.student_user)
    client_id = str(uuid.uuid4())
    url = reverse("contests:entry_autosave", args=[contest.slug])

    first = client.post(url, {"client_id": client_id, "text": "Tiết kiệm"}).json()
    second = client.post(url, {"client_id": client_id, "text": "Tiết kiệm nước"}).json()
    final = client.post(
        reverse("contests:entry_new", args=[contest.slug]),
        {"client_id": client_id, "text": "Tiết kiệm nước hôm nay", "action": "submit"},
    )

    entry = Entry.objects.get()
    assert (first["ok"], second["id"], first["url"]) == (True, entry.pk, reverse("contests:entry", args=[entry.pk]))
    assert final.status_code == 302
    assert (entry.text, entry.status) == ("Tiết kiệm nước hôm nay", EntryStatus.SUBMITTED)


def test_the_same_submission_sent_twice_is_stored_once(world, client_for):
    contest = _contest(world, kind=ContestKind.SLOGAN)
    client = client_for(world.student_user)
    data = {"client_id": str(uuid.uuid4()), "text": "Khóa vòi khi không dùng", "action": "submit"}

    first = client.post(reverse("contests:entry_new", args=[contest.slug]), data)
    again = client.post(reverse("contests:entry_new", args=[contest.slug]), data)

    assert (first.status_code, again.status_code) == (302, 302)
    assert Entry.objects.count() == 1


def test_submission_after_the_deadline_shows_the_reason_and_stores_nothing(world, client_for):
    from datetime import timedelta

    from django.utils import timezone

    contest = _contest(world, kind=ContestKind.SLOGAN)
    entry = EntryFactory(
        contest=contest,
        school=world.school,
        status=EntryStatus.DRAFT,
        created_by=world.student_user,
        text="Tiết kiệm nước",
    )
    contest.closes_at = timezone.now() - timedelta(minutes=5)
    contest.opens_at = contest.closes_at - timedelta(days=7)
    contest.save()

    response = client_for(world.student_user).post(
        reverse("contests:entry", args=[entry.pk]),
        {"client_id": str(entry.client_id), "text": "Tiết kiệm nước", "action": "submit"},
    )

    assert response.status_code == 400
    assert Entry.objects.get().status == EntryStatus.DRAFT
    assert "alert-danger" in response.content.decode()


def test_team_member_of_another_school_is_not_offered_and_is_refused(world, client_for):
    contest = _contest(world)
    foreign = StudentFactory(classroom=world.other_classroom, display_name="Lê Khác Trường")
    client = client_for(world.teacher)

    page = client.get(reverse("contests:entry_new", args=[contest.slug]))
    response = client.post(
        reverse("contests:entry_new", args=[contest.slug]),
        {"client_id": str(uuid.uuid4()), "title": "Sáng kiến", "members": [foreign.pk], "action": "save"},
    )

    assert "Lê Khác Trường" not in page.content.decode()
    assert response.status_code == 400
    assert Entry.objects.count() == 0


@pytest.mark.parametrize("role", ["teacher", "student"])
def test_another_schools_entry_answers_404(world, client_for, role):
    contest = _contest(world)
    other = EntryFactory(contest=contest, school=world.other_school)
    client = client_for(world.user_for(role))

    for name in ("contests:entry", "contests:entry_withdraw", "contests:entry_endorse"):
        method = client.get if name == "contests:entry" else client.post
        assert method(reverse(name, args=[other.pk])).status_code == 404


def test_html_in_an_entry_is_shown_escaped(world, client_for):
    contest = _contest(world)
    entry = EntryFactory(
        contest=contest,
        school=world.school,
        title="<script>alert('x')</script>",
        problem="<b>đậm</b>",
        status=EntryStatus.SUBMITTED,
    )

    body = client_for(world.teacher).get(reverse("contests:entry", args=[entry.pk])).content.decode()

    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "&lt;b&gt;đậm&lt;/b&gt;" in body


def test_teacher_endorses_from_the_queue_and_returns_with_a_comment(world, client_for):
    contest = _contest(world)
    first = EntryFactory(contest=contest, school=world.school, status=EntryStatus.SUBMITTED)
    second = EntryFactory(contest=contest, school=world.school, status=EntryStatus.SUBMITTED)
    client = client_for(world.teacher)

    queue = client.get(reverse("contests:endorse_queue"))
    client.post(reverse("contests:entry_endorse", args=[first.pk]), {"next": "queue"})
    client.post(reverse("contests:entry_return", args=[second.pk]), {"comment": "Thêm ảnh minh họa"})

    first.refresh_from_db()
    second.refresh_from_db()
    assert queue.status_code == 200
    assert (first.status, first.endorsed_by) == (EntryStatus.ENDORSED, world.teacher)
    assert (second.status, second.review_comment) == (EntryStatus.RETURNED, "Thêm ảnh minh họa")


def test_organiser_marks_an_entry_ineligible_with_a_reason(world, client_for):
    contest = _contest(world)
    entry = EntryFactory(contest=contest, school=world.school, status=EntryStatus.ENDORSED)

    client_for(world.organiser).post(
        reverse("contests:entry_check", args=[entry.pk]),
        {"decision": "ineligible", "reason": "Trùng bài", "next": "list"},
    )

    entry.refresh_from_db()
    assert (entry.status, entry.ineligible_reason, entry.checked_by) == (
        EntryStatus.INELIGIBLE,
        "Trùng bài",
        world.organiser,
    )


def _entries(world, contest, n):
    for _ in range(n):
        entry = EntryFactory(contest=contest, school=world.school, status=EntryStatus.ENDORSED)
        EntryMemberFactory(entry=entry, student=StudentFactory(classroom=world.classroom))


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_organiser_list_query_count_does_not_grow_with_entries(world, client_for):
    one, fifty = _contest(world), _contest(world)
    _entries(world, one, 1)
    _entries(world, fifty, 50)
    client = client_for(world.organiser)
    _queries(client, reverse("contests:contest_entries", args=[one.slug]))  # warm the session

    small = _queries(client, reverse("contests:contest_entries", args=[one.slug]))
    large = _queries(client, reverse("contests:contest_entries", args=[fifty.slug]))

    assert small == large
    assert large <= 16  # the site header takes five of them


def test_organiser_list_shows_a_hundred_entries_a_page(world, client_for):
    contest = _contest(world, kind=ContestKind.SLOGAN)
    for n in range(101):
        EntryFactory(contest=contest, school=world.school, code=f"KH-{n + 1:03d}", status=EntryStatus.ENDORSED)
    url = reverse("contests:contest_entries", args=[contest.slug])
    client = client_for(world.organiser)

    first = client.get(url, {"status": "endorsed"})
    second = client.get(url, {"status": "endorsed", "page": 2})

    assert (len(first.context["entries"]), [e.code for e in second.context["entries"]]) == (100, ["KH-101"])
    assert "status=endorsed&amp;page=2" in first.content.decode()


def test_organiser_list_filters_by_school_and_status(world, client_for):
    contest = _contest(world)
    EntryFactory(contest=contest, school=world.school, status=EntryStatus.ENDORSED, title="Giữ lại")
    EntryFactory(contest=contest, school=world.school, status=EntryStatus.WITHDRAWN, title="Đã rút")
    url = reverse("contests:contest_entries", args=[contest.slug])

    response = client_for(world.organiser).get(url, {"school": world.school.pk, "status": "endorsed"})

    assert [e.title for e in response.context["entries"]] == ["Giữ lại"]


def test_xlsx_export_lists_every_entry(world, client_for):
    contest = _contest(world, kind=ContestKind.SLOGAN)
    entry = EntryFactory(
        contest=contest, school=world.school, code="NUOC-001", text="=1+1 Tiết kiệm nước", status=EntryStatus.ELIGIBLE
    )
    EntryMemberFactory(entry=entry, student=world.student)

    response = client_for(world.organiser).get(reverse("contests:contest_entries_export", args=[contest.slug]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert len(rows) == 2
    assert rows[1][:5] == [
        "NUOC-001",
        "Trường THCS Cầu Diễn",
        str(EntryStatus.ELIGIBLE.label),
        "'=1+1 Tiết kiệm nước",
        "Trần Minh An (6A1)",
    ]


def test_workspace_sections_link_students_teachers_and_organisers(world):
    contest = _contest(world)

    student = {s.key: s for s in entry_sections(fresh(world.student_user))}
    teacher = {s.key: s for s in entry_sections(fresh(world.teacher))}
    organiser = {s.key: s for s in entry_sections(fresh(world.organiser))}

    assert reverse("contests:my_entries", args=[contest.slug]) in [
        link.url for link in student["contest-entries"].links
    ]
    assert reverse("contests:endorse_queue") in [link.url for link in teacher["contest-entries"].links]
    assert [link.url for link in organiser["contest-entries-organiser"].links] == [
        reverse("contests:contest_entries", args=[contest.slug])
    ]
    assert entry_sections(fresh(world.outsider)) == []

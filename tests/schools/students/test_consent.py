"""Consent is a recorded fact: only the form's choices, one record per consent given or
withdrawn (who, when, for whom), the student's flags following the latest records."""

from datetime import UTC, datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from schools.enums import ConsentParty
from schools.models import ConsentRecord, Student
from schools.services import student_consent_record
from tests.factories import StudentFactory
from tests.schools.students.test_classroom import _count_queries

CHILD, GUARDIAN = ConsentParty.CHILD, ConsentParty.GUARDIAN
REFUSED = "Câu trả lời về sự đồng ý này không thuộc các lựa chọn của biểu mẫu"


def _consent_url(student):
    return reverse("workspace:student_consent", args=[student.school_id, student.classroom_id, student.pk])


def _classroom_url(student):
    return reverse("workspace:classroom", args=[student.school_id, student.classroom_id])


def _records(student):
    return list(
        ConsentRecord.objects.filter(student=student)
        .order_by("pk")
        .values_list("party", "given", "recorded_by__username")
    )


def _state(student):
    student = Student.objects.get(pk=student.pk)
    return student.consent_child, student.consent_guardian, student.consent_recorded_at


def _latest_given(student, party):
    """The latest record's answer; no record yet means no consent."""
    latest = ConsentRecord.objects.filter(student=student, party=party).order_by("-recorded_at", "-pk").first()
    return latest.given if latest else False


# --- only the form's choices ------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"consent_child": "maybe"},
        {"consent_guardian": "yes"},
        {"consent_child": "1"},
        {"consent_child": "true"},
        {"consent_child": ["on", "maybe"]},
    ],
    ids=["maybe", "yes", "one", "true", "twice"],
)
def test_student_consent_not_a_choice_is_refused_and_nothing_changes(world, client_for, data):
    student_consent_record(student=world.student, child=False, guardian=True, recorded_by=world.teacher)
    before, records = _state(world.student), _records(world.student)

    response = client_for(world.teacher).post(_consent_url(world.student), data)

    assert response.status_code == 302
    assert response.url == _classroom_url(world.student) + f"#student-{world.student.pk}"
    messages = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert [level for level, _text in messages] == ["error"]
    assert messages[0][1].startswith(f"Chưa lưu gì cho {world.student.display_name}: {REFUSED}")
    assert _state(world.student) == before
    assert _records(world.student) == records


def test_student_consent_with_nul_is_the_400_page_and_nothing_changes(world, client_for):
    """NUL never reaches the form: home.middleware.ControlCharacterMiddleware answers 400."""
    student_consent_record(student=world.student, child=False, guardian=True, recorded_by=world.teacher)
    before, records = _state(world.student), _records(world.student)

    response = client_for(world.teacher).post(
        _consent_url(world.student), {"consent_child": "on", "consent_guardian": "\x00"}
    )

    assert response.status_code == 400
    assert "ký tự điều khiển ẩn" in response.content.decode()
    assert _state(world.student) == before
    assert _records(world.student) == records


# --- records ------------------------------------------------------------------------------


def test_student_consent_given_records_who_when_and_for_whom(world, client_for):
    start = timezone.now()

    response = client_for(world.teacher).post(
        _consent_url(world.student), {"consent_child": "on", "consent_guardian": "on"}
    )

    end = timezone.now()
    assert response.status_code == 302
    assert _records(world.student) == [
        (CHILD, True, world.teacher.username),
        (GUARDIAN, True, world.teacher.username),
    ]
    times = set(ConsentRecord.objects.filter(student=world.student).values_list("recorded_at", flat=True))
    assert len(times) == 1
    (recorded_at,) = times
    assert start <= recorded_at <= end
    assert _state(world.student) == (True, True, recorded_at)


def test_student_consent_withdrawn_is_recorded_by_whoever_withdrew_it(world, client_for):
    client_for(world.teacher).post(_consent_url(world.student), {"consent_child": "on", "consent_guardian": "on"})

    client_for(world.organiser).post(_consent_url(world.student), {"consent_child": "on"})

    assert _records(world.student) == [
        (CHILD, True, world.teacher.username),
        (GUARDIAN, True, world.teacher.username),
        (GUARDIAN, False, world.organiser.username),
    ]
    latest = ConsentRecord.objects.filter(student=world.student).latest("recorded_at", "pk")
    child, guardian, recorded_at = _state(world.student)
    assert (child, guardian, recorded_at) == (True, False, latest.recorded_at)
    assert Student.objects.get(pk=world.student.pk).may_show_name is False


def test_student_consent_saved_unchanged_records_nothing(world, client_for):
    client = client_for(world.teacher)
    client.post(_consent_url(world.student), {"consent_guardian": "on"})
    before = _state(world.student)

    client.post(_consent_url(world.student), {"consent_guardian": "on"})

    assert _records(world.student) == [(GUARDIAN, True, world.teacher.username)]
    assert _state(world.student) == before


def test_student_consent_flags_follow_the_latest_record_of_each_party(world):
    steps = [(True, False), (True, True), (False, True), (False, False), (True, True), (True, False)]

    for child, guardian in steps:
        student_consent_record(student=world.student, child=child, guardian=guardian, recorded_by=world.teacher)
        assert _state(world.student)[:2] == (child, guardian)
        assert (_latest_given(world.student, CHILD), _latest_given(world.student, GUARDIAN)) == (child, guardian)

    # One record per change of each party: the child's changes 3 times, the guardian's 4.
    assert ConsentRecord.objects.filter(student=world.student, party=CHILD).count() == 3
    assert ConsentRecord.objects.filter(student=world.student, party=GUARDIAN).count() == 4
    newest = ConsentRecord.objects.filter(student=world.student).latest("recorded_at", "pk").recorded_at
    assert _state(world.student)[2] == newest


def test_student_consent_record_returns_the_student_in_step(world):
    student = student_consent_record(student=world.student, child=True, guardian=True, recorded_by=None)

    assert (student.consent_child, student.consent_guardian, student.may_show_name) == (True, True, True)
    assert student.consent_recorded_at == _state(world.student)[2]
    assert _records(world.student) == [(CHILD, True, None), (GUARDIAN, True, None)]


@pytest.mark.parametrize("value", ["on", "maybe", 1, None])
def test_student_consent_record_takes_only_booleans(world, value):
    with pytest.raises(TypeError):
        student_consent_record(student=world.student, child=value, guardian=True, recorded_by=world.teacher)

    assert _records(world.student) == []
    assert _state(world.student) == (False, False, None)


def test_student_consent_refused_roles_record_nothing(world, client_for):
    for role in ("anonymous", "officer", "student", "judge", "outsider", "other_teacher"):
        client_for(world.user_for(role)).post(_consent_url(world.student), {"consent_child": "on"})

    assert _records(world.student) == []


# --- history on the class page --------------------------------------------------------------


def test_classroom_detail_shows_consent_history_in_hanoi_time(world, client_for):
    student_consent_record(student=world.student, child=True, guardian=True, recorded_by=world.teacher)
    student_consent_record(student=world.student, child=True, guardian=False, recorded_by=None)
    # 18:30 UTC on 31 March is already 1 April in Hà Nội (UTC+7).
    given, withdrawn = datetime(2026, 3, 30, 2, 5, tzinfo=UTC), datetime(2026, 3, 31, 18, 30, tzinfo=UTC)
    ConsentRecord.objects.filter(student=world.student, given=True).update(recorded_at=given)
    ConsentRecord.objects.filter(student=world.student, given=False).update(recorded_at=withdrawn)

    response = client_for(world.teacher).get(_classroom_url(world.student))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Lịch sử đồng ý" in html
    withdrawn_line = (
        '<time datetime="2026-04-01T01:30:00+07:00">01/04/2026 01:30</time> · '
        "Cha mẹ hoặc người giám hộ: đã rút lại sự đồng ý · do hệ thống ghi nhận"
    )
    child_line = (
        '<time datetime="2026-03-30T09:05:00+07:00">30/03/2026 09:05</time> · '
        f"Học sinh: đã đồng ý · do {world.teacher.get_full_name()} ghi nhận"
    )
    assert withdrawn_line in html
    assert child_line in html
    assert html.index(withdrawn_line) < html.index(child_line)  # newest first


def test_classroom_detail_without_records_says_so(world, client_for):
    response = client_for(world.teacher).get(_classroom_url(world.student))

    assert "Chưa có sự đồng ý nào được ghi nhận hoặc rút lại." in response.content.decode()


def test_classroom_detail_consent_history_queries_do_not_grow_with_records(world, client_for):
    client = client_for(world.teacher)
    url = _classroom_url(world.student)
    student_consent_record(student=world.student, child=True, guardian=False, recorded_by=world.teacher)
    client.get(url)

    one = _count_queries(client, url)
    for _ in range(2):
        other = StudentFactory(classroom=world.classroom)
        student_consent_record(student=other, child=True, guardian=True, recorded_by=world.organiser)
        student_consent_record(student=other, child=False, guardian=True, recorded_by=world.teacher)
    three = _count_queries(client, url)

    assert ConsentRecord.objects.filter(student__classroom=world.classroom).count() == 7
    assert one == three


# --- the admin no longer sets consent ---------------------------------------------------------


def test_admin_student_edit_does_not_set_consent(world, client_for):
    student = world.student
    response = client_for(world.organiser).post(
        reverse("student:edit", args=[student.pk]),
        {
            "display_name": "Trần Minh An",
            "school": student.school_id,
            "classroom": student.classroom_id,
            "active": "on",
            "consent_child": "on",
            "consent_guardian": "on",
        },
    )

    assert response.status_code == 302
    assert _state(student) == (False, False, None)
    assert _records(student) == []

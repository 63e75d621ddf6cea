"""Entry services: drafts, the submission window and limits, eligibility, the team, the
transitions, and text stored as text."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from contests.entries.services import (
    entry_check,
    entry_endorse,
    entry_member_consent_record,
    entry_return,
    entry_save,
    entry_submit,
    entry_withdraw,
)
from contests.enums import ContestKind, EntryStatus
from contests.models import Entry, EntryMember
from schools.enums import Role, SchoolLevel
from schools.services import membership_grant
from tests.factories import ClassroomFactory, EnrolmentFactory, SchoolFactory, StudentFactory, UserFactory
from tests.factories.contests import ContestFactory

IDEA = {"title": "Vòi nước tự ngắt", "problem": "Quên khóa vòi", "plan": "Lắp vòi nhấn", "expected_result": "Giảm 30%"}


def _contest(world, **kwargs):
    return ContestFactory(programme=world.programme, code_prefix="NUOC", **kwargs)


def _draft(world, contest, user=None, members=None, **data):
    entry, _created = entry_save(
        contest=contest,
        school=world.school,
        user=user or world.student_user,
        client_id=uuid.uuid4(),
        data=data or IDEA,
        members=[world.student] if members is None else members,
    )
    return entry


def _frozen(entry):
    """The stored row, to compare before and after a refused call."""
    row = Entry.objects.get(pk=entry.pk)
    return (row.status, row.submitted_at, row.endorsed_at, row.review_comment, row.checked_at)


def test_entry_save_creates_a_numbered_draft_and_finds_it_again_by_client_id(world):
    contest = _contest(world)
    client_id = uuid.uuid4()

    first, created = entry_save(
        contest=contest, school=world.school, user=world.student_user, client_id=client_id, data={"title": "Nháp"}
    )
    again, created_again = entry_save(
        contest=contest, school=world.school, user=world.student_user, client_id=client_id, data={"title": "Bản 2"}
    )

    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert Entry.objects.get().title == "Bản 2"
    assert (again.code, again.status) == ("NUOC-001", EntryStatus.DRAFT)


def test_entry_codes_follow_the_prefix_in_order(world):
    contest = _contest(world)

    codes = [_draft(world, contest).code for _ in range(3)]

    assert codes == ["NUOC-001", "NUOC-002", "NUOC-003"]


def test_entry_save_never_requires_every_field(world):
    contest = _contest(world)

    entry = _draft(world, contest, title="")

    assert (entry.title, entry.problem, entry.status) == ("", "", EntryStatus.DRAFT)


def test_entry_save_stores_html_as_nfc_text(world):
    contest = _contest(world)
    decomposed = "Tie\u0302\u0301t kie\u0323\u0302m nu\u031bo\u031b\u0301c"

    entry = _draft(world, contest, title=f"<script>alert(1)</script> {decomposed}")

    assert entry.title == "<script>alert(1)</script> Tiết kiệm nước"


def test_entry_save_refuses_a_team_member_of_another_school(world):
    contest = _contest(world)
    foreign = StudentFactory(classroom=world.other_classroom, display_name="Lê Khác Trường")

    with pytest.raises(ValidationError) as error:
        _draft(world, contest, members=[world.student, foreign])

    assert "Lê Khác Trường" in str(error.value)
    assert Entry.objects.count() == 0


def test_entry_save_refuses_changes_to_a_submitted_entry(world):
    contest = _contest(world)
    entry = entry_submit(entry=_draft(world, contest), user=world.student_user)

    with pytest.raises(ValidationError):
        entry_save(
            contest=contest,
            school=world.school,
            user=world.student_user,
            client_id=entry.client_id,
            data={"title": "Sửa sau khi gửi"},
        )

    assert Entry.objects.get().title == IDEA["title"]


def test_entry_submit_by_a_student_waits_for_the_school(world):
    contest = _contest(world)

    entry = entry_submit(entry=_draft(world, contest), user=world.student_user)

    assert (entry.status, entry.submitted_by, entry.endorsed_by) == (EntryStatus.SUBMITTED, world.student_user, None)


def test_entry_submit_by_a_teacher_is_endorsed_at_once(world):
    contest = _contest(world)

    entry = entry_submit(entry=_draft(world, contest, user=world.teacher), user=world.teacher)

    assert (entry.status, entry.endorsed_by) == (EntryStatus.ENDORSED, world.teacher)


def test_entry_submit_refused_after_the_deadline_changes_nothing(world):
    contest = _contest(world)
    entry = _draft(world, contest)
    before = _frozen(entry)

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=entry, user=world.student_user, at=contest.closes_at)

    assert error.value.code == "deadline"
    assert _frozen(entry) == before


def test_entry_submit_refused_before_opening(world):
    contest = _contest(world, opens_at=timezone.now() + timedelta(days=1))
    entry = _draft(world, contest)

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=entry, user=world.student_user)

    assert error.value.code == "not_open"
    assert Entry.objects.get().status == EntryStatus.DRAFT


def test_entry_submit_refused_over_the_school_limit(world):
    contest = _contest(world, max_entries_per_school=2)
    first, _second = (entry_submit(entry=_draft(world, contest, members=[]), user=world.teacher) for _ in range(2))
    entry_withdraw(entry=first, user=world.teacher)  # a withdrawn entry no longer counts
    entry_submit(entry=_draft(world, contest, members=[]), user=world.teacher)
    fourth = _draft(world, contest, members=[])

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=fourth, user=world.teacher)

    assert error.value.code == "school_limit"
    assert Entry.objects.get(pk=fourth.pk).status == EntryStatus.DRAFT


def test_entry_submit_refused_over_the_student_limit(world):
    contest = _contest(world, kind=ContestKind.SLOGAN, max_entries_per_student=2)
    for text in ("Tiết kiệm nước", "Khóa vòi khi không dùng"):
        entry_submit(entry=_draft(world, contest, text=text), user=world.student_user)
    third = _draft(world, contest, text="Mỗi giọt nước đều quý")

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=third, user=world.student_user)

    assert error.value.code == "student_limit"
    assert "Trần Minh An" in error.value.messages[0]


def test_entry_submit_refused_for_a_school_of_another_level(world):
    contest = _contest(world, eligible_levels=[SchoolLevel.PRIMARY])
    entry = _draft(world, contest)

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=entry, user=world.student_user)

    assert error.value.code == "ineligible_school"


def test_entry_submit_refused_for_a_school_left_out_of_the_chosen_schools(world):
    contest = _contest(world)
    chosen = SchoolFactory(code="thcs-khac")
    EnrolmentFactory(programme=world.programme, school=chosen)
    contest.eligible_schools.set([chosen])
    entry = _draft(world, contest)

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=entry, user=world.student_user)

    assert error.value.code == "ineligible_school"


@pytest.mark.parametrize("text", ["", "   ", "x" * 151])
def test_slogan_empty_or_too_long_is_refused(world, text):
    contest = _contest(world, kind=ContestKind.SLOGAN, slogan_max_length=150)
    entry = _draft(world, contest, text=text)

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=entry, user=world.student_user)

    assert set(error.value.message_dict) == {"text"}
    assert Entry.objects.get().status == EntryStatus.DRAFT


def test_slogan_at_the_length_limit_is_accepted(world):
    contest = _contest(world, kind=ContestKind.SLOGAN, slogan_max_length=150)

    entry = entry_submit(entry=_draft(world, contest, text="n" * 150), user=world.student_user)

    assert entry.status == EntryStatus.SUBMITTED


def test_initiative_without_its_parts_is_not_submitted(world):
    contest = _contest(world)
    entry = _draft(world, contest, title="Chỉ có tên")

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=entry, user=world.student_user)

    assert set(error.value.message_dict) == {"problem", "plan", "expected_result"}


def test_preschool_students_never_submit_themselves(world):
    preschool = SchoolFactory(code="mn-hoa-sen", level=SchoolLevel.PRESCHOOL, area=world.ward)
    EnrolmentFactory(programme=world.programme, school=preschool)
    child_user = UserFactory(username="be.hoa")
    membership_grant(user=child_user, role=Role.STUDENT, school=preschool)
    contest = _contest(world, kind=ContestKind.SLOGAN)
    entry, _created = entry_save(
        contest=contest, school=preschool, user=child_user, client_id=uuid.uuid4(), data={"text": "Tiết kiệm nước"}
    )

    with pytest.raises(ValidationError) as error:
        entry_submit(entry=entry, user=child_user)

    assert error.value.code == "preschool"


def test_returned_entry_is_resubmitted(world):
    contest = _contest(world)
    entry = entry_submit(entry=_draft(world, contest), user=world.student_user)

    returned = entry_return(entry=entry, user=world.teacher, comment="Bổ sung số liệu đo")
    entry_save(
        contest=contest,
        school=world.school,
        user=world.student_user,
        client_id=entry.client_id,
        data={"expected_result": "Giảm 35% theo đồng hồ nước"},
    )
    again = entry_submit(entry=returned, user=world.student_user)

    assert (returned.status, returned.review_comment) == (EntryStatus.RETURNED, "Bổ sung số liệu đo")
    assert (again.status, again.review_comment, again.expected_result) == (
        EntryStatus.SUBMITTED,
        "",
        "Giảm 35% theo đồng hồ nước",
    )


def test_return_needs_a_comment(world):
    contest = _contest(world)
    entry = entry_submit(entry=_draft(world, contest), user=world.student_user)

    with pytest.raises(ValidationError):
        entry_return(entry=entry, user=world.teacher, comment="  ")

    assert Entry.objects.get().status == EntryStatus.SUBMITTED


def test_endorse_only_a_submitted_entry(world):
    contest = _contest(world)
    entry = entry_submit(entry=_draft(world, contest), user=world.student_user)

    endorsed = entry_endorse(entry=entry, user=world.teacher)
    with pytest.raises(ValidationError):
        entry_endorse(entry=endorsed, user=world.teacher)

    assert (endorsed.status, endorsed.endorsed_by) == (EntryStatus.ENDORSED, world.teacher)


def test_withdraw_before_the_deadline_and_not_after(world):
    contest = _contest(world)
    first = entry_submit(entry=_draft(world, contest), user=world.student_user)
    second = entry_submit(entry=_draft(world, contest), user=world.student_user)

    withdrawn = entry_withdraw(entry=first, user=world.student_user)
    with pytest.raises(ValidationError) as error:
        entry_withdraw(entry=second, user=world.student_user, at=contest.closes_at + timedelta(minutes=1))

    assert withdrawn.status == EntryStatus.WITHDRAWN
    assert error.value.code == "deadline"
    assert Entry.objects.get(pk=second.pk).status == EntryStatus.SUBMITTED


def test_check_marks_eligible_or_ineligible_with_a_reason(world):
    contest = _contest(world)
    entry = entry_submit(entry=_draft(world, contest, user=world.teacher), user=world.teacher)

    with pytest.raises(ValidationError):
        entry_check(entry=entry, user=world.organiser, eligible=False, reason="")
    ineligible = entry_check(entry=entry, user=world.organiser, eligible=False, reason="Trùng bài năm trước")
    eligible = entry_check(entry=entry, user=world.organiser, eligible=True)

    assert (ineligible.status, ineligible.ineligible_reason) == (EntryStatus.INELIGIBLE, "Trùng bài năm trước")
    assert (eligible.status, eligible.ineligible_reason, eligible.checked_by) == (
        EntryStatus.ELIGIBLE,
        "",
        world.organiser,
    )


def test_a_draft_cannot_be_checked(world):
    contest = _contest(world)
    entry = _draft(world, contest)

    with pytest.raises(ValidationError):
        entry_check(entry=entry, user=world.organiser, eligible=True)

    assert Entry.objects.get().status == EntryStatus.DRAFT


def test_teacher_records_a_members_consent_on_the_entry(world):
    contest = _contest(world)
    classmate = StudentFactory(classroom=world.classroom, display_name="Phạm Gia Bảo")
    entry, _created = entry_save(
        contest=contest,
        school=world.school,
        user=world.teacher,
        client_id=uuid.uuid4(),
        data=IDEA,
        members=[world.student, classmate],
        consents={classmate.pk: (True, True), world.student.pk: (True, False)},
    )

    classmate.refresh_from_db()
    world.student.refresh_from_db()
    assert (classmate.may_show_name, classmate.consent_recorded_at is not None) == (True, True)
    assert (world.student.consent_child, world.student.consent_guardian) == (True, False)
    assert EntryMember.objects.filter(entry=entry, is_lead=True).get().student == world.student


def test_a_student_cannot_record_consent(world):
    contest = _contest(world)
    entry = _draft(world, contest)

    with pytest.raises(ValidationError):
        entry_member_consent_record(
            entry=entry, student=world.student, child=True, guardian=True, user=world.student_user
        )
    with pytest.raises(ValidationError):
        entry_save(
            contest=contest,
            school=world.school,
            user=world.student_user,
            client_id=entry.client_id,
            data={},
            members=[world.student],
            consents={world.student.pk: (True, True)},
        )

    world.student.refresh_from_db()
    assert (world.student.consent_child, world.student.consent_guardian) == (False, False)


def test_a_student_of_another_class_of_the_school_may_join_the_team(world):
    contest = _contest(world)
    other_class = ClassroomFactory(school=world.school, name="7A2", grade=7)
    classmate = StudentFactory(classroom=other_class, display_name="Đỗ Khánh Linh")

    entry = _draft(world, contest, members=[world.student, classmate])

    assert sorted(entry.members.values_list("student__display_name", flat=True)) == ["Trần Minh An", "Đỗ Khánh Linh"]

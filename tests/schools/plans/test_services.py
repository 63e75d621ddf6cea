"""Action plan services: every transition (allowed and refused), the concurrent-edit refusal,
bad input that changes nothing, notices and e-mails."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from home.models import Notice
from schools.enums import PlanSection, PlanStatus, TeamRole
from schools.models import ActionPlan, CoreTeamMember, Goal, PlanVersion, ReviewComment
from schools.plans.services import (
    PlanConflict,
    plan_approve,
    plan_reopen,
    plan_return,
    plan_section_save,
    plan_submit,
)
from tests.factories import StudentFactory
from tests.schools.plans.support import complete_plan, dated

pytestmark = pytest.mark.django_db


def _submit(plan, world):
    return plan_submit(plan=plan, user=world.teacher, expected_version=plan.version)


def _save(world, plan, section, **kwargs):
    return plan_section_save(
        programme=world.programme,
        school=world.school,
        user=world.teacher,
        section=section,
        expected_version=plan.version if plan else 0,
        **kwargs,
    )


# Transitions ---------------------------------------------------------------------------------


def test_draft_submit_makes_version_one_with_snapshot(world):
    plan = complete_plan(world)
    version = _submit(plan, world)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert version.number == 1
    assert version.snapshot["goals"][0]["target"] == "20"
    assert [m["role"] for m in version.snapshot["team"]] == [TeamRole.LEADER, TeamRole.STUDENT_LEADER]
    assert plan.first_submitted_at is not None


def test_submit_refused_while_checklist_incomplete(world):
    dated(world.programme)
    plan = _save(
        world, None, PlanSection.GOALS, rows=[{"text": "Giảm rác", "indicator": "", "target_value": None, "unit": ""}]
    )
    with pytest.raises(ValidationError) as error:
        _submit(plan, world)
    assert error.value.code == "incomplete"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert PlanVersion.objects.count() == 0


def test_submitted_returned_resubmitted_approved_keeps_every_version(world):
    plan = complete_plan(world)
    _submit(plan, world)
    plan.refresh_from_db()
    plan_return(plan=plan, user=world.officer, comments={PlanSection.WEEKS: "Tuần cuối quá sát kỳ thi.", "goals": " "})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED
    assert list(ReviewComment.objects.values_list("section", "version__number")) == [("weeks", 1)]
    plan = _save(
        world,
        plan,
        PlanSection.WEEKS,
        weeks={
            "baseline_week_starts_on": datetime.date(2022, 10, 17),
            "final_week_starts_on": datetime.date(2022, 11, 28),
        },
    )
    version = _submit(plan, world)
    assert version.number == 2
    plan.refresh_from_db()
    plan_approve(plan=plan, user=world.officer)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    assert plan.approved_by == world.officer
    assert list(plan.versions.values_list("number", flat=True)) == [1, 2]


@pytest.mark.parametrize(
    ("start", "action"),
    [
        (PlanStatus.DRAFT, "approve"),
        (PlanStatus.DRAFT, "return"),
        (PlanStatus.DRAFT, "reopen"),
        (PlanStatus.SUBMITTED, "submit"),
        (PlanStatus.SUBMITTED, "reopen"),
        (PlanStatus.RETURNED, "approve"),
        (PlanStatus.RETURNED, "return"),
        (PlanStatus.RETURNED, "reopen"),
        (PlanStatus.APPROVED, "submit"),
        (PlanStatus.APPROVED, "approve"),
        (PlanStatus.APPROVED, "return"),
    ],
)
def test_refused_transitions_change_nothing(world, start, action):
    plan = complete_plan(world)
    ActionPlan.objects.filter(pk=plan.pk).update(status=start)
    plan.refresh_from_db()
    if start != PlanStatus.DRAFT:
        PlanVersion.objects.create(plan=plan, number=1, snapshot={}, submitted_at=plan.updated_at)
    calls = {
        "submit": lambda: plan_submit(plan=plan, user=world.teacher, expected_version=plan.version),
        "approve": lambda: plan_approve(plan=plan, user=world.officer),
        "return": lambda: plan_return(plan=plan, user=world.officer, comments={"goals": "Sửa lại"}),
        "reopen": lambda: plan_reopen(plan=plan, user=world.officer, reason="Đổi tuần kiểm toán"),
    }
    with pytest.raises(ValidationError) as error:
        calls[action]()
    assert error.value.code == "transition"
    plan.refresh_from_db()
    assert plan.status == start


def test_approved_plan_cannot_be_edited_until_reopened_with_a_reason(world):
    plan = complete_plan(world)
    _submit(plan, world)
    plan.refresh_from_db()
    plan = plan_approve(plan=plan, user=world.officer)
    with pytest.raises(ValidationError) as error:
        _save(world, plan, PlanSection.GOALS, rows=[])
    assert error.value.code == "locked"
    assert Goal.objects.filter(plan=plan).count() == 1
    with pytest.raises(ValidationError) as error:
        plan_reopen(plan=plan, user=world.officer, reason="  ")
    assert error.value.code == "no_reason"
    plan = plan_reopen(plan=plan, user=world.officer, reason="Trường đổi tuần kiểm toán cuối")
    assert plan.status == PlanStatus.DRAFT
    assert plan.reopen_reason == "Trường đổi tuần kiểm toán cuối"
    assert plan.reopened_by == world.officer
    assert plan.approved_at is None
    plan = _save(world, plan, PlanSection.GOALS, rows=[])
    assert Goal.objects.filter(plan=plan).count() == 0


def test_return_needs_a_comment(world):
    plan = complete_plan(world)
    _submit(plan, world)
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        plan_return(plan=plan, user=world.officer, comments={"goals": "  "})
    assert error.value.code == "no_comment"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_submitted_plan_cannot_be_edited(world):
    plan = complete_plan(world)
    _submit(plan, world)
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        _save(world, plan, PlanSection.ACTIVITIES, rows=[])
    assert error.value.code == "locked"


# Concurrent edits ---------------------------------------------------------------------------


def test_second_save_from_an_older_version_is_refused_and_changes_nothing(world):
    plan = complete_plan(world)
    loaded_at = plan.version  # both teachers open the page at this version
    first = plan_section_save(
        programme=world.programme,
        school=world.school,
        user=world.teacher,
        section=PlanSection.GOALS,
        expected_version=loaded_at,
        rows=[{"text": "Mục tiêu của cô Hương", "indicator": "kg", "target_value": 10, "unit": "kg"}],
    )
    with pytest.raises(PlanConflict):
        plan_section_save(
            programme=world.programme,
            school=world.school,
            user=world.teacher,
            section=PlanSection.GOALS,
            expected_version=loaded_at,
            rows=[{"text": "Mục tiêu của thầy Nam", "indicator": "", "target_value": None, "unit": ""}],
        )
    assert list(Goal.objects.values_list("text", flat=True)) == ["Mục tiêu của cô Hương"]
    plan.refresh_from_db()
    assert plan.version == first.version


def test_a_new_plan_saved_twice_from_blank_forms_refuses_the_second(world):
    dated(world.programme)
    _save(world, None, PlanSection.GOALS, rows=[{"text": "A", "indicator": "", "target_value": None, "unit": ""}])
    with pytest.raises(PlanConflict):
        _save(world, None, PlanSection.GOALS, rows=[{"text": "B", "indicator": "", "target_value": None, "unit": ""}])
    assert list(Goal.objects.values_list("text", flat=True)) == ["A"]


def test_submit_from_an_older_version_is_refused(world):
    plan = complete_plan(world)
    with pytest.raises(PlanConflict):
        plan_submit(plan=plan, user=world.teacher, expected_version=plan.version - 1)


# Bad input -------------------------------------------------------------------------------------


def test_nothing_is_required_to_save_a_draft(world):
    plan = _save(world, None, PlanSection.WEEKS, weeks={"baseline_week_starts_on": None, "final_week_starts_on": None})
    assert plan.status == PlanStatus.DRAFT
    assert plan.version == 2


@pytest.mark.parametrize(
    ("baseline", "final", "code"),
    [
        (datetime.date(2022, 9, 26), None, "dates"),  # before the programme
        (None, datetime.date(2022, 12, 29), "dates"),  # the week ends after the programme
        (datetime.date(2022, 11, 14), datetime.date(2022, 10, 17), "weeks_order"),
        (datetime.date(2022, 11, 14), datetime.date(2022, 11, 16), "weeks_order"),  # overlaps
    ],
)
def test_bad_audit_weeks_change_nothing(world, baseline, final, code):
    plan = complete_plan(world)
    with pytest.raises(ValidationError) as error:
        _save(
            world, plan, PlanSection.WEEKS, weeks={"baseline_week_starts_on": baseline, "final_week_starts_on": final}
        )
    assert error.value.code == code
    fresh = ActionPlan.objects.get(pk=plan.pk)
    assert (fresh.baseline_week_starts_on, fresh.final_week_starts_on, fresh.version) == (
        datetime.date(2022, 10, 17),
        datetime.date(2022, 12, 5),
        plan.version,
    )


def test_activity_outside_the_programme_is_refused(world):
    plan = complete_plan(world)
    row = {
        "kind": "training",
        "title": "Tập huấn",
        "starts_on": datetime.date(2023, 1, 5),
        "ends_on": None,
        "responsible": "",
        "status": "planned",
    }
    with pytest.raises(ValidationError) as error:
        _save(world, plan, PlanSection.ACTIVITIES, rows=[row])
    assert error.value.code == "dates"
    assert list(plan.activities.values_list("title", flat=True)) == ["Truyền thông dưới cờ"]


@pytest.mark.parametrize("who", ["other_student", "other_teacher", "nobody", "garbage"])
def test_team_member_from_another_school_is_refused(world, who):
    plan = complete_plan(world)
    person = {
        "other_student": lambda: f"s{StudentFactory(classroom=world.other_classroom).pk}",
        "other_teacher": lambda: f"u{world.other_teacher.pk}",
        "nobody": lambda: "u999999",
        "garbage": lambda: "x1",
    }[who]()
    with pytest.raises(ValidationError) as error:
        _save(world, plan, PlanSection.TEAM, rows=[{"person": person, "team_role": "member"}])
    assert error.value.code == "other_school"
    assert CoreTeamMember.objects.filter(plan=plan).count() == 2


# Notices and e-mails ----------------------------------------------------------------------------


def test_submit_tells_officers_and_organisers_and_return_tells_teachers(world, django_capture_on_commit_callbacks):
    plan = complete_plan(world)
    with django_capture_on_commit_callbacks(execute=True):
        _submit(plan, world)
    told = set(Notice.objects.values_list("user__username", flat=True))
    assert told == {"officer", "organiser"}
    assert sorted(m.to[0] for m in mail.outbox) == ["officer@example.org", "organiser@example.org"]
    assert "Trường THCS Cầu Diễn" in mail.outbox[0].subject
    mail.outbox.clear()
    plan.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        plan_return(plan=plan, user=world.officer, comments={"team": "Bổ sung học sinh"})
    assert [m.to for m in mail.outbox] == [["teacher@example.org"]]
    assert Notice.objects.filter(user=world.teacher, read_at__isnull=True).count() == 1

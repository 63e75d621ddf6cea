"""Judges, conflicts of interest, assignments and score sheets (services)."""

from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from contests.enums import ConflictSource, EvaluationStatus, RoundStatus
from contests.judging.services import evaluation_save, evaluation_withdraw
from contests.judging.services_assignments import assign_all, assign_balanced, assign_panel, conflict_add, judge_invite
from contests.models import Assignment, ConflictOfInterest, CriterionScore, Evaluation
from schools.enums import Role
from schools.models import Membership
from schools.services import membership_grant
from tests.factories import SchoolFactory, UserFactory
from tests.factories.contests import AssignmentFactory, judging_round


def _scores(round_, *values):
    return {
        c.pk: (Decimal(str(v)) if v is not None else None)
        for c, v in zip(round_.criteria.order_by("order"), values, strict=True)
    }


def _snapshot():
    return (
        list(Evaluation.objects.values_list("pk", "status", "total", "comment").order_by("pk")),
        list(CriterionScore.objects.values_list("evaluation_id", "criterion_id", "value").order_by("pk")),
    )


@pytest.fixture
def scored(world):
    """An open round of 3 criteria (0–10), one entry per school, world.judge assigned to both."""
    round_, entries = judging_round(
        programme=world.programme, schools=[world.school, world.other_school], judges=[world.judge]
    )
    for entry in entries:
        AssignmentFactory(round=round_, judge=world.judge, entry=entry)
    return round_, entries


# --- Invitations and conflicts ----------------------------------------------------------


def test_judge_invite_grants_role_and_automatic_conflict_with_own_school(world):
    round_, entries = judging_round(programme=world.programme, schools=[world.school, world.other_school], judges=[])
    judge_invite(contest=round_.contest, judge=world.teacher)
    assert Membership.objects.filter(user=world.teacher, role=Role.JUDGE, programme=world.programme).count() == 1
    conflict = ConflictOfInterest.objects.get(judge=world.teacher, contest=round_.contest)
    assert (conflict.school, conflict.source) == (world.school, ConflictSource.AUTOMATIC)
    judge_invite(contest=round_.contest, judge=world.teacher)  # again: nothing more
    assert ConflictOfInterest.objects.filter(judge=world.teacher).count() == 1


def test_conflicted_judge_is_never_assigned_in_all_mode(world):
    round_, entries = judging_round(
        programme=world.programme, schools=[world.school, world.other_school], judges=[world.judge]
    )
    judge_invite(contest=round_.contest, judge=world.teacher)
    result = assign_all(round_=round_)
    pairs = set(Assignment.objects.values_list("judge__username", "entry__school__code"))
    assert pairs == {
        ("judge", "thcs-cau-dien"),
        ("judge", "thcs-hang-bac"),
        ("teacher", "thcs-hang-bac"),
    }
    assert (result.created, result.skipped_conflicts) == (3, 1)
    assert assign_all(round_=round_).created == 0


def test_declared_conflict_needs_a_reason_and_removes_the_assignment(world, scored):
    round_, entries = scored
    with pytest.raises(ValidationError):
        conflict_add(
            contest=round_.contest, judge=world.judge, source=ConflictSource.DECLARED, entry=entries[0], reason=" "
        )
    assert Assignment.objects.filter(judge=world.judge).count() == 2
    conflict_add(
        contest=round_.contest,
        judge=world.judge,
        source=ConflictSource.DECLARED,
        entry=entries[0],
        reason="Con tôi học ở đây",
    )
    assert list(Assignment.objects.filter(judge=world.judge).values_list("entry", flat=True)) == [entries[1].pk]


def test_organiser_conflict_with_a_school_removes_its_entries(world, scored):
    round_, entries = scored
    conflict_add(
        contest=round_.contest,
        judge=world.judge,
        source=ConflictSource.ORGANISER,
        school=world.other_school,
        by=world.organiser,
    )
    assert list(Assignment.objects.filter(judge=world.judge).values_list("entry", flat=True)) == [entries[0].pk]
    assert ConflictOfInterest.objects.get().created_by == world.organiser


def test_conflict_for_a_judge_not_invited_is_refused(world, scored):
    round_, entries = scored
    with pytest.raises(ValidationError):
        conflict_add(contest=round_.contest, judge=world.outsider, source=ConflictSource.ORGANISER, school=world.school)
    assert ConflictOfInterest.objects.count() == 0


def test_panel_assignment_skips_conflicted_pairs(world):
    round_, entries = judging_round(
        programme=world.programme, schools=[world.school, world.other_school], judges=[world.judge]
    )
    judge_invite(contest=round_.contest, judge=world.teacher)
    result = assign_panel(round_=round_, judges=[world.judge, world.teacher], entries=[entries[0]])
    assert list(Assignment.objects.values_list("judge__username", flat=True)) == ["judge"]
    assert result.skipped_conflicts == 1


# --- Balanced assignment ------------------------------------------------------------------


def _balanced_world(world, n_judges=4, n_entries=10):
    schools = [SchoolFactory() for _ in range(n_entries)]
    judges = [UserFactory(username=f"gk{i}") for i in range(n_judges)]
    round_, entries = judging_round(programme=world.programme, schools=schools, judges=judges)
    return round_, entries, judges


def test_balanced_assignment_gives_each_entry_k_judges_with_even_loads(world):
    round_, entries, judges = _balanced_world(world)
    result = assign_balanced(round_=round_, k=3)
    per_entry = Counter(Assignment.objects.values_list("entry_id", flat=True))
    per_judge = Counter(Assignment.objects.values_list("judge_id", flat=True))
    assert set(per_entry.values()) == {3} and len(per_entry) == 10
    assert max(per_judge.values()) - min(per_judge.values()) <= 1
    assert sum(per_judge.values()) == 30
    assert result.short == []


def test_balanced_assignment_is_deterministic(world):
    round_, entries, judges = _balanced_world(world)
    assign_balanced(round_=round_, k=2)
    first = sorted(Assignment.objects.values_list("judge__username", "entry__code"))
    Assignment.objects.all().delete()
    assign_balanced(round_=round_, k=2)
    assert sorted(Assignment.objects.values_list("judge__username", "entry__code")) == first


def test_balanced_assignment_never_uses_a_conflicted_judge_and_reports_short_entries(world):
    round_, entries, judges = _balanced_world(world, n_judges=2, n_entries=3)
    for judge in judges:
        conflict_add(contest=round_.contest, judge=judge, source=ConflictSource.ORGANISER, entry=entries[0])
    result = assign_balanced(round_=round_, k=2)
    assert not Assignment.objects.filter(entry=entries[0]).exists()
    assert [(e.code, n) for e, n in result.short] == [(entries[0].code, 0)]
    assert Assignment.objects.count() == 4


def test_balanced_assignment_uses_round_judges_per_entry_and_refuses_none(world):
    round_, entries, judges = _balanced_world(world, n_entries=2)
    with pytest.raises(ValidationError):
        assign_balanced(round_=round_)
    round_.judges_per_entry = 1
    assign_balanced(round_=round_)
    assert Assignment.objects.count() == 2


def test_assignment_position_follows_presentation_order_then_code(world):
    round_, entries = judging_round(programme=world.programme, schools=[world.school] * 3, judges=[world.judge])
    entries[2].presentation_order = 1
    entries[2].save()
    assign_all(round_=round_)
    assert list(Assignment.objects.order_by("position").values_list("entry_id", flat=True)) == [
        entries[2].pk,
        entries[0].pk,
        entries[1].pk,
    ]


# --- Score sheets -------------------------------------------------------------------------


def test_draft_keeps_partial_scores_and_submit_computes_and_locks(world, scored):
    round_, entries = scored
    evaluation, changed = evaluation_save(
        round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 8, None, None)
    )
    assert (evaluation.status, evaluation.total, changed) == (EvaluationStatus.DRAFT, None, True)
    assert CriterionScore.objects.count() == 1
    evaluation, _ = evaluation_save(
        round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 8, 6, "7.5"), submit=True
    )
    assert evaluation.status == EvaluationStatus.SUBMITTED
    assert evaluation.total == Decimal("71.6667")  # 100 × (0.8 + 0.6 + 0.75) / 3
    assert evaluation.submitted_at is not None


def test_submit_without_every_counted_criterion_is_refused(world, scored):
    round_, entries = scored
    before = _snapshot()
    with pytest.raises(ValidationError) as error:
        evaluation_save(
            round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 8, None, 5), submit=True
        )
    assert "Tiêu chí 2" in str(error.value)
    assert _snapshot() == before


@pytest.mark.parametrize("value", ["11", "-1", "10.001", "abc", "NaN"])
def test_score_out_of_range_is_refused_and_nothing_changes(world, scored, value):
    round_, entries = scored
    evaluation_save(round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 5, 5))
    before = _snapshot()
    scores = _scores(round_, 5, 5, 5)
    scores[round_.criteria.order_by("order").first().pk] = value
    with pytest.raises(ValidationError):
        evaluation_save(round_=round_, judge=world.judge, entry=entries[0], scores=scores, submit=True)
    assert _snapshot() == before


@pytest.mark.parametrize("change", ["closed", "window_passed", "not_yet_open", "decided"])
def test_scoring_outside_an_open_round_is_refused(world, scored, change):
    round_, entries = scored
    evaluation_save(round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 5, None))
    before = _snapshot()
    now = timezone.now()
    if change == "closed":
        round_.status = RoundStatus.CLOSED
    elif change == "decided":
        round_.status = RoundStatus.DECIDED
    elif change == "window_passed":
        round_.closes_at = now - timedelta(minutes=1)
    else:
        round_.opens_at = now + timedelta(hours=1)
    round_.save()
    with pytest.raises(ValidationError) as error:
        evaluation_save(
            round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 5, 5), submit=True
        )
    assert "không mở" in " ".join(error.value.messages) or "not open" in " ".join(error.value.messages)
    assert _snapshot() == before


def test_scoring_a_conflicted_entry_is_refused(world, scored):
    round_, entries = scored
    ConflictOfInterest.objects.create(
        judge=world.judge, contest=round_.contest, school=world.school, source="organiser"
    )
    with pytest.raises(ValidationError):
        evaluation_save(
            round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 5, 5), submit=True
        )
    assert Evaluation.objects.count() == 0


def test_judge_who_teaches_at_the_school_cannot_score_even_without_a_stored_conflict(world, scored):
    round_, entries = scored
    membership_grant(user=world.judge, role=Role.TEACHER, school=world.school)
    with pytest.raises(ValidationError):
        evaluation_save(round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 5, 5))
    assert Evaluation.objects.count() == 0


def test_scoring_an_unassigned_entry_is_refused(world, scored):
    round_, entries = scored
    other_judge = UserFactory()
    with pytest.raises(ValidationError):
        evaluation_save(round_=round_, judge=other_judge, entry=entries[0], scores=_scores(round_, 5, 5, 5))
    assert Evaluation.objects.count() == 0


def test_submitted_sheet_is_locked(world, scored):
    round_, entries = scored
    evaluation_save(round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 5, 5), submit=True)
    before = _snapshot()
    for submit in (False, True):
        with pytest.raises(ValidationError) as error:
            evaluation_save(
                round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 9, 5, 5), submit=submit
            )
        assert "khóa" in str(error.value) or "locked" in str(error.value)
    assert _snapshot() == before


def test_resubmitting_the_same_sheet_answers_success_and_stores_one(world, scored):
    round_, entries = scored
    first, changed = evaluation_save(
        round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 6, 7), comment="Tốt", submit=True
    )
    again, changed_again = evaluation_save(
        round_=round_,
        judge=world.judge,
        entry=entries[0],
        scores=_scores(round_, "5.00", 6, 7),
        comment="Tốt",
        submit=True,
        client_id=first.client_id,
    )
    assert (again.pk, changed, changed_again) == (first.pk, True, False)
    assert Evaluation.objects.count() == 1
    assert again.total == first.total == Decimal("60.0000")


def test_abstain_needs_a_comment_and_locks(world, scored):
    round_, entries = scored
    with pytest.raises(ValidationError):
        evaluation_withdraw(
            round_=round_, judge=world.judge, entry=entries[0], status=EvaluationStatus.ABSTAINED, comment=""
        )
    assert Evaluation.objects.count() == 0
    evaluation = evaluation_withdraw(
        round_=round_, judge=world.judge, entry=entries[0], status=EvaluationStatus.RECUSED, comment="Tôi quen nhóm này"
    )
    assert (evaluation.status, evaluation.total) == (EvaluationStatus.RECUSED, None)
    with pytest.raises(ValidationError):
        evaluation_save(
            round_=round_, judge=world.judge, entry=entries[0], scores=_scores(round_, 5, 5, 5), submit=True
        )

"""round_ranking: the database bridge, against numbers computed by hand in the comments."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contests.enums import (
    AdvanceRule,
    ConflictSource,
    EntryStatus,
    EvaluationStatus,
    RoundMode,
    TiePolicy,
)
from contests.judging.scoring import sheet_score
from contests.models import ConflictOfInterest, ResultSnapshot, TieDecision
from contests.results.ranking import round_ranking, snapshot_hash
from schools.enums import Role
from tests.factories.contests import (
    ContestFactory,
    CriterionFactory,
    CriterionScoreFactory,
    EntryFactory,
    EvaluationFactory,
    PrizeTierFactory,
    RoundFactory,
)
from tests.factories.people import MembershipFactory, UserFactory

D = Decimal
pytestmark = pytest.mark.django_db


def sheet(round, judge, entry, values, status=EvaluationStatus.SUBMITTED, total=None, passed=None):
    """A score sheet with one value per criterion of the round (in order); total = S."""
    criteria = list(round.criteria.order_by("order"))
    items = [(D(v), c.min_score, c.max_score, c.weight, c.counted) for v, c in zip(values, criteria, strict=True)]
    evaluation = EvaluationFactory(
        round=round,
        judge=judge,
        entry=entry,
        status=status,
        total=total if total is not None else (sheet_score(items) if values else None),
        passed=passed,
    )
    for value, criterion in zip(values, criteria, strict=True):
        CriterionScoreFactory(evaluation=evaluation, criterion=criterion, value=D(value))
    return evaluation


def make_round(n_entries=4, n_judges=3, *, mode=RoundMode.LIVE, criteria=((10, "Sáng tạo"), (10, "Hữu ích")), **kw):
    contest = ContestFactory(**kw)
    round = RoundFactory(contest=contest, mode=mode)
    if mode != RoundMode.SCREENING:
        for order, (top, name) in enumerate(criteria, start=1):
            CriterionFactory(round=round, order=order, name=name, max_score=D(top))
    entries = [
        EntryFactory(contest=contest, code=f"T-{i + 1:02d}", status=EntryStatus.ELIGIBLE) for i in range(n_entries)
    ]
    judges = [UserFactory(full_name=f"Giám khảo {i + 1}") for i in range(n_judges)]
    return contest, round, entries, judges


# A: 80, 90, 70 (mean 80, median 80, one 10)  B: 60, 70, 95 (mean 75, spread 35)
# C: 80, 80, 80 (mean 80, no 10)               D: 50, 55, 60 (mean 55)
SHOWCASE_MARKS = {
    0: [(8, 8), (6, 6), (8, 8), (5, 5)],
    1: [(10, 8), (7, 7), (8, 8), (5, 6)],
    2: [(7, 7), (10, 9), (8, 8), (6, 6)],
}


def score_showcase(round, entries, judges):
    for j, judge in enumerate(judges):
        for entry, values in zip(entries, SHOWCASE_MARKS[j], strict=True):
            sheet(round, judge, entry, values)


def test_round_ranking_complete_design_hand_computed():
    contest, round, entries, judges = make_round()
    PrizeTierFactory(contest=contest, order=1, name="Nhất", count=1)
    PrizeTierFactory(contest=contest, order=2, name="Nhì", count=2)
    score_showcase(round, entries, judges)

    ranking = round_ranking(round)

    assert (ranking.method, ranking.connected, ranking.mode) == ("mean", True, RoundMode.LIVE)
    rows = {row.code: row for row in ranking.rows}
    # A and C tie on 80.00 and on the median 80; no priority criterion; A has one top mark (10), C none.
    assert [(r.code, r.rank, r.score, r.tier_name) for r in ranking.rows] == [
        ("T-01", 1, D("80.00"), "Nhất"),
        ("T-03", 2, D("80.00"), "Nhì"),
        ("T-02", 3, D("75.00"), "Nhì"),
        ("T-04", 4, D("55.00"), ""),
    ]
    a, b = rows["T-01"], rows["T-02"]
    assert (a.mean, a.median, a.spread, a.n_judges, a.std_error) == (D("80.00"), D("80.00"), D("20.00"), 3, D("5.77"))
    assert (a.tier, a.tier_id) == (1, ranking.tiers[0]["id"])
    assert [item["step"] for item in a.trace_codes] == ["score", "median", "top_marks"]
    assert a.trace_codes[-1]["ahead_of"] == [entries[2].pk]
    assert b.flags == ["disagreement"] and b.spread == D("35.00") and b.median == D("70.00")
    assert ranking.tie_groups == [] and ranking.boundary_ties == [] and ranking.problems == []
    assert ranking.judges[0].leniency is None and ranking.leniencies == []


def test_round_ranking_priority_criterion_by_name_before_top_marks():
    contest, round, entries, judges = make_round(priority_criterion=" sáng tạo", tie_break=["priority_criterion"])
    score_showcase(round, entries, judges)
    # Creativity normalised: A (8, 10, 7) → 83.33; C (8, 8, 8) → 80.00: A ahead.

    ranking = round_ranking(round)

    a = ranking.row_for(entries[0].pk)
    assert a.rank == 1 and a.trace_codes[1] == {
        "step": "priority_criterion",
        "code": "separated",
        "value": "83.33",
        "ahead_of": [entries[2].pk],
        "behind": [],
    }
    assert ranking.parameters["steps"] == ["priority_criterion", "chair"]


def test_round_ranking_lenient_panel_adjusted_differs_from_the_mean():
    contest, round, (a, b, c), (j1, j2) = make_round(3, 2, mode=RoundMode.RUBRIC, criteria=((100, "Tổng"),))
    # J1 (harsh) A 40, B 60; J2 (lenient) B 80, C 72. Raw: C 72 > B 70 > A 40.
    # Adjusted (λ = 1): b = −5, +5 → B 70 > C 67 > A 45 (test_aggregation derives it).
    for judge, entry, value in ((j1, a, 40), (j1, b, 60), (j2, b, 80), (j2, c, 72)):
        sheet(round, judge, entry, [value])

    ranking = round_ranking(round)

    assert ranking.method == "adjusted" and ranking.connected is True
    assert [(r.code, r.score, r.mean) for r in ranking.rows] == [
        ("T-02", D("70.00"), D("70.00")),
        ("T-03", D("67.00"), D("72.00")),
        ("T-01", D("45.00"), D("40.00")),
    ]
    assert ranking.leniencies == [("Giám khảo 1", -5.0), ("Giám khảo 2", 5.0)]
    assert ranking.parameters["ridge"] == 1.0


def test_round_ranking_disconnected_panels_are_reported():
    contest, round, (a, b, c, d), (j1, j2) = make_round(4, 2, mode=RoundMode.RUBRIC, criteria=((100, "Tổng"),))
    for judge, entry, value in ((j1, a, 40), (j1, b, 60), (j2, c, 80), (j2, d, 72)):
        sheet(round, judge, entry, [value])

    ranking = round_ranking(round)

    assert ranking.connected is False
    assert ranking.components == [
        {"entry_ids": [a.pk, b.pk], "judge_ids": [j1.pk]},
        {"entry_ids": [c.pk, d.pk], "judge_ids": [j2.pk]},
    ]
    assert all("not_comparable" in row.flags for row in ranking.rows)
    assert ranking.as_snapshot()["parameters"]["connected"] is False


def test_round_ranking_conflicted_scores_never_count(world):
    contest, round, (a, b), (j1, j2, j3) = make_round(2, 3, mode=RoundMode.RUBRIC, criteria=((100, "Tổng"),))
    a.school, b.school = world.school, world.other_school
    a.save(), b.save()
    ConflictOfInterest.objects.create(judge=j1, contest=contest, school=world.school, source=ConflictSource.DECLARED)
    ConflictOfInterest.objects.create(judge=j2, contest=contest, entry=b, source=ConflictSource.ORGANISER)
    MembershipFactory(user=j3, role=Role.TEACHER, school=world.other_school)
    # Counted: j2 and j3 on A (60, 70); j1 on B (50). Conflicted (each 100): j1–A, j2–B, j3–B.
    for judge, entry, value in ((j1, a, 100), (j2, a, 60), (j3, a, 70), (j1, b, 50), (j2, b, 100), (j3, b, 100)):
        sheet(round, judge, entry, [value])

    ranking = round_ranking(round)

    row_a, row_b = ranking.row_for(a.pk), ranking.row_for(b.pk)
    assert (row_a.n_judges, row_a.mean, row_a.excluded_conflicts) == (2, D("65.00"), 1)
    assert (row_b.n_judges, row_b.mean, row_b.excluded_conflicts) == (1, D("50.00"), 2)
    assert sorted((x["judge_id"], x["entry_id"], x["reason"]) for x in ranking.excluded) == sorted(
        [(j1.pk, a.pk, "school"), (j2.pk, b.pk, "entry"), (j3.pk, b.pk, "member_of_school")]
    )


def test_round_ranking_boundary_tie_flagged_then_decided_by_the_chair(world):
    contest, round, (a, b, c), (j1, j2) = make_round(3, 2, mode=RoundMode.RUBRIC, criteria=((100, "Tổng"),))
    first = PrizeTierFactory(contest=contest, order=1, name="Nhất", count=1)
    for judge in (j1, j2):  # A and B identical on every step; C lower
        for entry, value in ((a, 80), (b, 80), (c, 50)):
            sheet(round, judge, entry, [value])

    before = round_ranking(round)

    assert before.boundary_ties == [[a.pk, b.pk]] and before.tie_groups == [[a.pk, b.pk]]
    row = before.row_for(a.pk)
    assert (row.rank, row.tier, row.candidate_tiers) == (1, None, [1, None])
    assert row.flags == ["unresolved_tie", "boundary_tie"]

    TieDecision.objects.create(
        round=round, entry_ids=[b.pk, a.pk], reason="Thuyết trình tốt hơn", decided_by=world.organiser
    )
    after = round_ranking(round)

    assert [(r.entry_id, r.rank, r.tier_id) for r in after.rows] == [
        (b.pk, 1, first.pk),
        (a.pk, 2, None),
        (c.pk, 3, None),
    ]
    assert after.boundary_ties == [] and after.tie_groups == [[a.pk, b.pk]] and after.unresolved_ties == []
    assert after.row_for(b.pk).trace_codes[-1]["step"] == "chair"


def test_round_ranking_promote_policy_gives_both_the_prize():
    contest, round, (a, b, c), (j1,) = make_round(3, 1, mode=RoundMode.RUBRIC, tie_policy=TiePolicy.PROMOTE)
    PrizeTierFactory(contest=contest, order=1, name="Nhất", count=1)
    for entry, values in ((a, (8, 8)), (b, (8, 8)), (c, (5, 5))):
        sheet(round, j1, entry, values)

    ranking = round_ranking(round)

    assert [(r.rank, r.tier_name, r.flags) for r in ranking.rows] == [
        (1, "Nhất", ["unresolved_tie", "promoted_tie"]),
        (1, "Nhất", ["unresolved_tie", "promoted_tie"]),
        (3, "", []),
    ]
    assert ranking.promoted_ties == [[a.pk, b.pk]] and ranking.boundary_ties == []


def test_round_ranking_tiers_only_in_the_last_round_and_top_n_advances():
    contest, round, entries, judges = make_round()
    PrizeTierFactory(contest=contest, order=1, name="Nhất", count=1)
    RoundFactory(contest=contest, order=round.order + 1, name="Chung khảo")
    round.advance_rule, round.advance_count = AdvanceRule.TOP_N, 2
    round.save()
    score_showcase(round, entries, judges)

    ranking = round_ranking(round)

    assert all(row.tier is None for row in ranking.rows)
    assert [(r.code, r.advances) for r in ranking.rows] == [
        ("T-01", True),
        ("T-03", True),
        ("T-02", False),
        ("T-04", False),
    ]


def test_round_ranking_screening_counts_passes():
    contest, round, (a, b, c), judges = make_round(3, 3, mode=RoundMode.SCREENING)
    votes = {a: (True, True, False), b: (True, False, None), c: (False, False, False)}
    for entry, verdicts in votes.items():
        for judge, passed in zip(judges, verdicts, strict=True):
            if passed is not None:
                sheet(round, judge, entry, [], passed=passed)

    ranking = round_ranking(round)

    assert ranking.method == "screening"
    assert [(r.code, r.passes, r.fails, r.verdict, r.score, r.advances) for r in ranking.rows] == [
        ("T-01", 2, 1, "pass", D("66.67"), True),
        ("T-02", 1, 1, "split", D("50.00"), None),
        ("T-03", 0, 3, "fail", D("0.00"), False),
    ]
    assert ranking.row_for(b.pk).flags == ["split_verdict"]
    # Judges: % of their sheets that pass (no leniency in screening)
    assert [(j.n, j.mean, j.leniency) for j in ranking.judges] == [
        (3, D("66.67"), None),
        (3, D("33.33"), None),
        (2, D("0.00"), None),
    ]


def test_round_ranking_counts_submitted_sheets_only_unless_drafts_asked():
    contest, round, (a, b), (j1, j2) = make_round(2, 2, mode=RoundMode.RUBRIC, criteria=((100, "Tổng"),))
    sheet(round, j1, a, [60])
    sheet(round, j2, a, [90], status=EvaluationStatus.DRAFT)
    sheet(round, j2, b, [90], status=EvaluationStatus.ABSTAINED)

    submitted = round_ranking(round)
    with_drafts = round_ranking(round, include_drafts=True)

    assert submitted.row_for(a.pk).score == D("60.00") and submitted.row_for(b.pk).flags == ["no_scores"]
    assert submitted.row_for(b.pk).rank is None and submitted.rows[-1].entry_id == b.pk
    assert with_drafts.row_for(a.pk).n_judges == 2


def test_round_ranking_reports_a_stored_total_that_differs():
    contest, round, (a,), (j1,) = make_round(1, 1)
    evaluation = sheet(round, j1, a, [5, 5], total=D("55.0000"))  # S is 50

    ranking = round_ranking(round)

    assert ranking.row_for(a.pk).score == D("50.00")
    assert ranking.problems == [
        {"evaluation_id": evaluation.pk, "problem": "total_mismatch", "stored": "55.0000", "computed": "50.0000"}
    ]


def test_round_ranking_leaves_out_withdrawn_entries():
    contest, round, (a, b), (j1,) = make_round(2, 1)
    sheet(round, j1, a, [5, 5])
    sheet(round, j1, b, [6, 6])
    b.status = EntryStatus.WITHDRAWN
    b.save()

    assert [row.entry_id for row in round_ranking(round).rows] == [a.pk]


def test_round_ranking_snapshot_is_json_and_its_hash_survives_storage(world):
    contest, round, entries, judges = make_round()
    PrizeTierFactory(contest=contest, order=1, name="Nhất", count=1)
    score_showcase(round, entries, judges)
    data = round_ranking(round).as_snapshot()

    stored = ResultSnapshot.objects.create(
        round=round,
        method=data["method"],
        parameters=data["parameters"],
        rows=data["rows"],
        sha256=snapshot_hash(data),
        created_by=world.organiser,
    )
    stored.refresh_from_db()

    assert set(data) == {"method", "parameters", "rows"}
    assert json.loads(json.dumps(data)) == data
    assert (
        snapshot_hash({"method": stored.method, "parameters": stored.parameters, "rows": stored.rows}) == stored.sha256
    )
    first = data["rows"][0]
    assert (first["code"], first["score"], first["rank"], first["tier_name"]) == ("T-01", "80.00", 1, "Nhất")
    assert first["trace"][0] == "Score 80.00: tied with T-03." or first["trace"][0].startswith("Điểm")
    assert data["parameters"]["judges"][0]["leniency"] is None


def test_snapshot_hash_is_canonical():
    assert snapshot_hash({"b": 1, "a": "Đ"}) == snapshot_hash({"a": "Đ", "b": 1})
    assert len(snapshot_hash({})) == 64


def _scored_round(n_entries):
    contest, round, entries, judges = make_round(n_entries, 2, mode=RoundMode.RUBRIC)
    PrizeTierFactory(contest=contest, order=1, name="Nhất", count=1)
    for i, entry in enumerate(entries):
        for judge in judges:
            sheet(round, judge, entry, [i % 10, (i * 3) % 10])
    ConflictOfInterest.objects.create(
        judge=judges[0], contest=contest, entry=entries[0], source=ConflictSource.DECLARED
    )
    TieDecision.objects.create(round=round, entry_ids=[e.pk for e in entries[:2]], reason="x", decided_by=judges[1])
    return round


def test_round_ranking_query_count_does_not_grow_with_entries():
    small, large = _scored_round(3), _scored_round(50)

    with CaptureQueriesContext(connection) as few:
        round_ranking(small)
    with CaptureQueriesContext(connection) as many:
        ranking = round_ranking(large)

    assert len(few.captured_queries) == len(many.captured_queries) == 10
    assert len(ranking.rows) == 50


def test_round_ranking_reads_decision_ids_stored_as_text_and_skips_garbage(world):
    contest, round, (a, b), (j1,) = make_round(2, 1, mode=RoundMode.RUBRIC)
    for entry in (a, b):
        sheet(round, j1, entry, [7, 7])
    TieDecision.objects.create(round=round, entry_ids=[str(b.pk), str(a.pk)], reason="x", decided_by=world.organiser)
    TieDecision.objects.create(round=round, entry_ids={"bad": 1}, reason="y", decided_by=world.organiser)
    TieDecision.objects.create(round=round, entry_ids=["NTL-1"], reason="z", decided_by=world.organiser)

    assert [row.entry_id for row in round_ranking(round).rows] == [b.pk, a.pk]

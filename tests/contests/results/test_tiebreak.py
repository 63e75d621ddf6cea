"""The tie-break cascade, one step at a time, with its trace."""

from decimal import Decimal

from django.utils import translation

from contests.models import DEFAULT_TIE_BREAK
from contests.results.tiebreak import Candidate, Decision, break_ties, describe, head_to_head_net

D = Decimal


def c(entry_id, score, median=None, priority=None, top_marks=0, judge_scores=None):
    return Candidate(entry_id, None if score is None else D(score), median, priority, top_marks, judge_scores or {})


def test_break_ties_score_alone_orders_and_traces_unique():
    cascade = break_ties([c("A", "70.00"), c("B", "80.50"), c("C", "75.25")], DEFAULT_TIE_BREAK)

    assert cascade.groups == [["B"], ["C"], ["A"]]
    assert cascade.ranks == {"B": 1, "C": 2, "A": 3}
    assert cascade.trace["B"] == [{"step": "score", "code": "unique", "value": "80.50", "tied_with": []}]
    assert cascade.unresolved == [] and cascade.chair_groups == []


def test_break_ties_median_separates_equal_scores():
    cascade = break_ties([c("A", "80.00", median=78.0), c("B", "80.00", median=82.5)], DEFAULT_TIE_BREAK)

    assert cascade.groups == [["B"], ["A"]]
    assert cascade.trace["A"] == [
        {"step": "score", "code": "tied", "value": "80.00", "tied_with": ["B"]},
        {"step": "median", "code": "separated", "value": "78.00", "ahead_of": [], "behind": ["B"]},
    ]
    assert cascade.trace["B"][1] == {
        "step": "median",
        "code": "separated",
        "value": "82.50",
        "ahead_of": ["A"],
        "behind": [],
    }


def test_break_ties_priority_criterion_after_equal_median():
    cascade = break_ties(
        [c("A", "80.00", 80.0, priority=90.0), c("B", "80.00", 80.0, priority=70.0)], DEFAULT_TIE_BREAK
    )

    assert cascade.groups == [["A"], ["B"]]
    assert cascade.trace["A"][1] == {"step": "median", "code": "equal", "value": "80.00"}
    assert cascade.trace["A"][2]["step"] == "priority_criterion" and cascade.trace["A"][2]["ahead_of"] == ["B"]


def test_break_ties_priority_step_skipped_without_a_priority_criterion():
    cascade = break_ties([c("A", "80.00", 80.0, top_marks=1), c("B", "80.00", 80.0, top_marks=3)], DEFAULT_TIE_BREAK)

    assert cascade.groups == [["B"], ["A"]]
    assert [item["step"] for item in cascade.trace["A"]] == ["score", "median", "top_marks"]
    assert cascade.trace["A"][2]["value"] == "1"


def test_break_ties_head_to_head_among_shared_judges():
    # J1 and J2 scored both: J1 A 70 > B 60, J2 A 85 > B 80, J3 only B; A beats B 2–0.
    a = c("A", "75.00", 75.0, judge_scores={"J1": 70, "J2": 85, "J4": 70})
    b = c("B", "75.00", 75.0, judge_scores={"J1": 60, "J2": 80, "J3": 85})
    cascade = break_ties([b, a], DEFAULT_TIE_BREAK)

    assert cascade.groups == [["A"], ["B"]]
    assert cascade.trace["A"][-1] == {
        "step": "head_to_head",
        "code": "separated",
        "value": "+1",
        "ahead_of": ["B"],
        "behind": [],
    }


def test_head_to_head_three_way_orders_by_wins_minus_losses():
    # A beats B and C; B beats C; C none → nets +2, 0, −2
    scores = {"A": {"J1": 90, "J2": 90}, "B": {"J1": 80, "J2": 80}, "C": {"J1": 70, "J2": 70}}
    assert head_to_head_net(["C", "B", "A"], scores) == {"A": 2, "B": 0, "C": -2}
    # A cycle (A > B, B > C, C > A) stays tied: every net is 0
    cycle = {"A": {"J1": 3, "J2": 1}, "B": {"J1": 2, "J3": 3}, "C": {"J2": 2, "J3": 1}}
    assert head_to_head_net(["A", "B", "C"], cycle) == {"A": 0, "B": 0, "C": 0}


def test_break_ties_chair_decision_is_the_last_step():
    a, b, e = c("A", "80.00", 80.0), c("B", "80.00", 80.0), c("E", "60.00", 60.0)
    older = Decision(1, ["A", "B"])
    latest = Decision(2, ["B", "A", "X"])  # a superset of the group applies too

    cascade = break_ties([a, b, e], DEFAULT_TIE_BREAK, [latest, older])

    assert cascade.groups == [["B"], ["A"], ["E"]]
    assert cascade.chair_groups == [["A", "B"]]
    assert cascade.trace["A"][-1] == {
        "step": "chair",
        "code": "separated",
        "value": "2",
        "ahead_of": [],
        "behind": ["B"],
    }


def test_break_ties_decision_not_covering_the_group_is_not_applied():
    cascade = break_ties(
        [c("A", "80.00"), c("B", "80.00"), c("C", "80.00")], DEFAULT_TIE_BREAK, [Decision(1, ["A", "B"])]
    )

    assert cascade.groups == [["A", "B", "C"]]
    assert cascade.ranks == {"A": 1, "B": 1, "C": 1}
    assert cascade.unresolved == [["A", "B", "C"]]


def test_break_ties_unresolved_share_a_rank_and_the_next_skips():
    cascade = break_ties([c("A", "90.00"), c("B", "80.00"), c("C", "80.00"), c("D", "70.00")], [])

    assert cascade.ranks == {"A": 1, "B": 2, "C": 2, "D": 4}
    assert cascade.trace["B"][-1] == {"step": "unresolved", "code": "tied", "tied_with": ["C"]}
    assert cascade.steps == ["chair"]


def test_break_ties_score_rounded_to_two_decimals_then_reordered_steps():
    # Both scores round to 80.00. Declared order: top marks before median.
    a = c("A", "80.00", median=85.0, top_marks=1)
    b = c("B", "80.00", median=75.0, top_marks=2)

    by_default = break_ties([a, b], DEFAULT_TIE_BREAK)
    reordered = break_ties([a, b], ["top_marks", "median"])
    dropped = break_ties([a, b], ["head_to_head", "score", "bogus"])

    assert by_default.groups == [["A"], ["B"]]
    assert reordered.groups == [["B"], ["A"]]
    assert dropped.groups == [["A", "B"]]
    assert dropped.steps == ["head_to_head", "chair"] and dropped.ignored_steps == ["bogus"]


def test_break_ties_entries_without_score_are_unranked():
    cascade = break_ties([c("A", None), c("B", "50.00")], DEFAULT_TIE_BREAK)

    assert cascade.groups == [["B"]]
    assert cascade.ranks == {"B": 1, "A": None}
    assert cascade.trace["A"] == []


def test_describe_gives_a_sentence_per_trace_item():
    a, b = c("A", "80.00", median=85.0), c("B", "80.00", median=75.0)
    cascade = break_ties([a, b], DEFAULT_TIE_BREAK)
    codes = {"A": "NTL-001", "B": "NTL-002"}

    with translation.override("en"):
        sentences = [describe(item, codes.get) for item in cascade.trace["B"]]

    assert sentences == ["Score 80.00: tied with NTL-001.", "Median (75.00): behind NTL-001."]
    with translation.override("en"):
        assert describe({"step": "unresolved", "code": "tied", "tied_with": ["A"]}, codes.get) == (
            "Still tied with NTL-001: the chair decides."
        )
        assert describe(
            {"step": "chair", "code": "separated", "value": "3", "ahead_of": ["A"], "behind": ["B"]}, codes.get
        ) == ("The chair's decision: ahead of NTL-001, behind NTL-002.")

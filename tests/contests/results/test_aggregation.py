"""Aggregation (DESIGN §5) against numbers computed by hand in the comments."""

import math
from decimal import Decimal

import numpy as np
import pytest

from contests.results.aggregation import aggregate, round2

COMPLETE = [
    # judge, entry, S      X: 70 80 90   Y: 40 45 80   Z: 60 60 60
    ("J1", "X", 70), ("J2", "X", 80), ("J3", "X", 90),
    ("J1", "Y", 40), ("J2", "Y", 45), ("J3", "Y", 80),
    ("J1", "Z", 60), ("J2", "Z", 60), ("J3", "Z", 60),
]  # fmt: skip


def test_aggregate_complete_design_uses_the_mean():
    result = aggregate(COMPLETE)

    assert result.method == "mean" and result.complete is True and result.connected is True
    x, y, z = result.entries["X"], result.entries["Y"], result.entries["Z"]
    # X: mean 80, median 80, spread 20, SD √((100 + 0 + 100)/2) = 10, SE 10/√3 = 5.7735
    assert (x.score, x.mean, x.median, x.spread, x.sd, x.n) == (80.0, 80.0, 80.0, 20.0, 10.0, 3)
    assert x.std_error == pytest.approx(10 / math.sqrt(3))
    # Y: mean 55, median 45, spread 40 ≥ 30 → disagreement; SD √((225 + 100 + 625)/2) = √475
    assert (y.score, y.median, y.spread, y.disagreement) == (55.0, 45.0, 40.0, True)
    assert y.sd == pytest.approx(math.sqrt(475))
    assert (z.score, z.spread, z.sd, z.std_error, z.disagreement) == (60.0, 0.0, 0.0, 0.0, False)
    assert x.disagreement is False
    assert result.judges["J3"].leniency is None and result.judges["J3"].mean == pytest.approx(230 / 3)


def test_aggregate_adjusted_on_a_complete_design_equals_the_mean():
    result = aggregate(COMPLETE, method="adjusted")

    assert result.method == "adjusted"
    assert [result.entries[e].score for e in "XYZ"] == pytest.approx([80, 55, 60])
    # Complete design: b_j = E/(E + λ) × (judge mean − grand mean) = 3/4 × (56.67 − 65, 61.67 − 65, 76.67 − 65)
    assert [result.judges[j].leniency for j in ("J1", "J2", "J3")] == pytest.approx([-6.25, -2.5, 8.75])
    assert sum(j.leniency for j in result.judges.values()) == pytest.approx(0)


# Two judges share entry B. J1 (harsh) scores A 40, B 60; J2 (lenient) scores B 80, C 72.
LENIENT_PANEL = [("J1", "A", 40), ("J1", "B", 60), ("J2", "B", 80), ("J2", "C", 72)]


def test_aggregate_lenient_judge_changes_the_ranking():
    """μ = 63 (fixed, the grand mean); Σ b = 0 so b2 = −b1.
    θ_B: (60 − 63 − θ_B − b1) + (80 − 63 − θ_B − b2) = 0 → θ_B = 7 → B = 70.
    b1: (40 − 63 − θ_A − b1) + (60 − 63 − 7 − b1) = λ b1, the first bracket is 0 (θ_A's own
    equation) → −10 − b1 = b1 → b1 = −5, b2 = +5 (λ = 1).
    θ_A: 40 − 63 − θ_A + 5 = 0 → A = 45;  θ_C: 72 − 63 − θ_C − 5 = 0 → C = 67.
    Raw means: C 72 > B 70 > A 40. Adjusted: B 70 > C 67 > A 45.
    Residual df = N − E − J + C = 4 − 3 − 2 + 1 = 0: no standard error."""
    result = aggregate(LENIENT_PANEL)

    assert result.method == "adjusted" and result.complete is False and result.connected is True
    scores = {e: result.entries[e].score for e in "ABC"}
    assert scores == pytest.approx({"A": 45, "B": 70, "C": 67})
    means = {e: result.entries[e].mean for e in "ABC"}
    assert means == {"A": 40, "B": 70, "C": 72}
    assert sorted(scores, key=scores.get, reverse=True) == ["B", "C", "A"]
    assert sorted(means, key=means.get, reverse=True) == ["C", "B", "A"]
    assert result.judges["J1"].leniency == pytest.approx(-5)
    assert result.judges["J2"].leniency == pytest.approx(5)
    assert result.parameters["mu"] == 63 and result.parameters["ridge"] == 1.0
    assert result.parameters["residual_df"] == 0
    assert result.entries["B"].std_error is None and result.sigma is None


def test_aggregate_adjusted_ridge_scales_the_leniency():
    # The same panel with λ = 3: −10 − b1 = 3 b1 → b1 = −2.5 → A = 42.5, C = 69.5
    result = aggregate(LENIENT_PANEL, ridge=3.0)

    assert result.entries["A"].score == pytest.approx(42.5)
    assert result.entries["C"].score == pytest.approx(69.5)
    assert result.entries["B"].score == pytest.approx(70)


# Exactly additive scores S = quality + leniency, leniencies J1 +15, J2 −5, J3 −10 (Σ = 0);
# qualities A 70, B 65, C 60, D 55; each entry scored by two judges.
ADDITIVE = [
    ("J2", "A", 65), ("J3", "A", 60),  # raw mean 62.5
    ("J1", "B", 80), ("J2", "B", 60),  # raw mean 70
    ("J1", "C", 75), ("J3", "C", 50),  # raw mean 62.5
    ("J1", "D", 70), ("J2", "D", 50),  # raw mean 60
]  # fmt: skip


def test_aggregate_recovers_qualities_of_additive_scores():
    result = aggregate(ADDITIVE, ridge=1e-6)  # a vanishing ridge: the exact least-squares fit

    assert [result.entries[e].score for e in "ABCD"] == pytest.approx([70, 65, 60, 55], abs=1e-4)
    assert [result.entries[e].mean for e in "ABCD"] == [62.5, 70, 62.5, 60]
    assert [result.judges[j].leniency for j in ("J1", "J2", "J3")] == pytest.approx([15, -5, -10], abs=1e-4)
    assert result.parameters["residual_df"] == 2  # 8 − 4 − 3 + 1
    assert result.sigma == pytest.approx(0, abs=1e-3)


def test_aggregate_standard_errors_match_the_dense_normal_equations():
    rows = ADDITIVE[:-2] + [("J1", "D", 72), ("J2", "D", 49), ("J3", "B", 57)]
    result = aggregate(rows)

    entries, judges = ["A", "B", "C", "D"], ["J2", "J3", "J1"]
    design = np.zeros((len(rows), 7))
    y = np.array([float(s) for _, _, s in rows])
    y -= y.mean()
    for k, (j, e, _s) in enumerate(rows):
        design[k, entries.index(e)] = 1
        design[k, 4 + judges.index(j)] = 1
    normal = design.T @ design + np.diag([0, 0, 0, 0, 1, 1, 1])
    solution = np.linalg.solve(normal, design.T @ y)
    residual = y - design @ solution
    sigma2 = residual @ residual / (len(rows) - 4 - 3 + 1)
    expected_se = np.sqrt(sigma2 * np.diag(np.linalg.inv(normal))[:4])
    assert [result.entries[e].std_error for e in entries] == pytest.approx(list(expected_se))
    assert [result.entries[e].score - result.parameters["mu"] for e in entries] == pytest.approx(
        list(solution[:4]), abs=1e-6
    )


def test_aggregate_disconnected_design_is_reported():
    rows = [("J1", "A", 40), ("J1", "B", 60), ("J2", "C", 80), ("J2", "D", 72), ("J3", "C", 70)]
    result = aggregate(rows)

    assert result.connected is False
    assert [(c.entry_ids, c.judge_ids) for c in result.components] == [(["C", "D"], ["J2", "J3"]), (["A", "B"], ["J1"])]
    assert result.entries["A"].component == 1 and result.entries["C"].component == 0
    assert result.judges["J3"].component == 0


def test_aggregate_lists_entries_without_scores():
    result = aggregate(LENIENT_PANEL, entry_ids=["A", "B", "C", "E"])

    e = result.entries["E"]
    assert (e.score, e.n, e.component, e.disagreement) == (None, 0, None, False)
    assert result.connected is True


def test_aggregate_accepts_decimals_and_handles_nothing():
    result = aggregate([("J1", 1, Decimal("66.6667")), ("J2", 1, Decimal("33.3333"))])
    assert result.entries[1].score == pytest.approx(50)
    empty = aggregate([], entry_ids=[1])
    assert empty.entries[1].score is None and empty.connected is True


@pytest.mark.parametrize(
    ("rows", "kwargs"),
    [([("J1", "A", 1), ("J1", "A", 2)], {}), (LENIENT_PANEL, {"ridge": 0}), (LENIENT_PANEL, {"method": "z"})],
)
def test_aggregate_refuses_bad_input(rows, kwargs):
    with pytest.raises(ValueError):
        aggregate(rows, **kwargs)


def test_aggregate_disagreement_at_exactly_thirty_points():
    result = aggregate([("J1", "A", 50), ("J2", "A", 80), ("J1", "B", 50), ("J2", "B", 79.99)])
    assert result.entries["A"].disagreement is True and result.entries["B"].disagreement is False


def test_round2_is_half_up_without_float_noise():
    assert round2(72.005) == Decimal("72.01")
    assert round2(0.1 + 0.2 + 72.0 - 0.3) == Decimal("72.00")
    assert round2(2 / 3 * 100) == Decimal("66.67")
    assert round2(None) is None


def test_aggregate_adjusted_beats_the_mean_on_simulated_panels():
    """Seeded: 300 entries, 20 judges of leniency SD 8, 3 judges per entry, noise SD 4.
    The adjusted scores are closer to the true qualities than the raw means."""
    rng = np.random.default_rng(7)
    quality, leniency = rng.normal(60, 10, 300), rng.normal(0, 8, 20)
    rows = [
        (int(j), e, quality[e] + leniency[j] + rng.normal(0, 4))
        for e in range(300)
        for j in rng.choice(20, 3, replace=False)
    ]

    result = aggregate(rows)

    adjusted = np.array([result.entries[e].score for e in range(300)])
    means = np.array([result.entries[e].mean for e in range(300)])
    rmse_adjusted = np.sqrt(np.mean((adjusted - quality - leniency.mean()) ** 2))
    rmse_mean = np.sqrt(np.mean((means - quality - leniency.mean()) ** 2))
    assert result.connected and rmse_adjusted < 0.7 * rmse_mean  # 2.38 vs 4.27 points
    assert np.corrcoef([result.judges[j].leniency for j in range(20)], leniency)[0, 1] > 0.95

"""A second, independent check of the leniency adjustment (issue 15): panels where judges
score different subsets (the slogans, the water initiatives), simulated with a fixed seed.

Each entry has a known true quality q(e); each judge a leniency offset b(j); a sheet is
S = q(e) + b(j) + noise, clipped to 0–100. The ranking by the product's adjusted score
(contests.results.aggregation, method "adjusted": μ + θ with ridge-shrunk judge
leniencies) is compared with the ranking by the plain mean of each entry's sheets, by
Spearman's rank correlation with the truth, over several seeds. Run with `pytest -s`
to see the figures.
"""

import numpy as np
import pytest

from contests.results.aggregation import ADJUSTED, AUTO, MEAN, aggregate

SEEDS = range(10)

# name: (entries, judges, sheets per entry, judge offsets of each entry's panel)
PANELS = {
    # 40 slogans, 8 judges, 3 sheets each: entry e by judges e, e+1, e+3 (mod 8).
    "slogans": (40, 8, (0, 1, 3)),
    # 15 water initiatives, 5 judges, 2 sheets each: entry e by judges e, e+1 (mod 5).
    "water": (15, 5, (0, 1)),
}
MARGIN = {"slogans": 0.05, "water": 0.02}
QUALITY_SD, LENIENCY_SD, NOISE_SD = 10.0, 8.0, 4.0


def _ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 0..n−1 (simulated scores are floats: ties have probability ~0, and are broken by order)."""
    ranks = np.empty(len(values))
    ranks[np.argsort(values, kind="stable")] = np.arange(len(values))
    return ranks


def spearman(a, b) -> float:
    return float(np.corrcoef(_ranks(np.asarray(a, float)), _ranks(np.asarray(b, float)))[0, 1])


def simulate(seed: int, n_entries: int, n_judges: int, offsets) -> tuple[np.ndarray, np.ndarray, list]:
    rng = np.random.default_rng(seed)
    quality = rng.normal(60.0, QUALITY_SD, n_entries)
    leniency = rng.normal(0.0, LENIENCY_SD, n_judges)
    sheets = []
    for e in range(n_entries):
        for offset in offsets:
            j = (e + offset) % n_judges
            s = float(np.clip(quality[e] + leniency[j] + rng.normal(0.0, NOISE_SD), 0.0, 100.0))
            sheets.append((f"judge-{j}", f"entry-{e}", s))
    return quality, leniency, sheets


def run(seed: int, panel: str) -> dict:
    n_entries, n_judges, offsets = PANELS[panel]
    quality, leniency, sheets = simulate(seed, n_entries, n_judges, offsets)
    adjusted = aggregate(sheets, method=ADJUSTED)
    plain = aggregate(sheets, method=MEAN)
    assert adjusted.connected and not adjusted.complete
    assert aggregate(sheets, method=AUTO).method == ADJUSTED  # what the product picks for these panels
    ids = [f"entry-{e}" for e in range(n_entries)]
    recovered = [adjusted.judges[f"judge-{j}"].leniency for j in range(n_judges)]
    return {
        "mean": spearman(quality, [plain.entries[i].score for i in ids]),
        "adjusted": spearman(quality, [adjusted.entries[i].score for i in ids]),
        # b is identified up to a constant (Σ b = 0): compare with the centred truth.
        "leniency": float(np.corrcoef(leniency - leniency.mean(), recovered)[0, 1]) if LENIENCY_SD else None,
    }


@pytest.mark.parametrize("panel", list(PANELS))
def test_adjusted_ranking_beats_the_plain_mean_on_rank_correlation(panel):
    results = [run(seed, panel) for seed in SEEDS]
    n_entries, n_judges, offsets = PANELS[panel]
    print(
        f"\n{panel}: {n_entries} entries, {n_judges} judges, {len(offsets)} sheets per entry; Spearman ρ with the truth"
    )
    print("seed  plain mean  adjusted  leniency r")
    for seed, r in zip(SEEDS, results, strict=True):
        print(f"{seed:>4}  {r['mean']:>10.3f}  {r['adjusted']:>8.3f}  {r['leniency']:>10.3f}")
    plain = np.array([r["mean"] for r in results])
    adjusted = np.array([r["adjusted"] for r in results])
    wins = int((adjusted > plain).sum())
    print(f"mean  {plain.mean():>10.3f}  {adjusted.mean():>8.3f}   adjusted better in {wins}/{len(results)} seeds")

    # Two sheets per entry (water) leave leniency and quality harder to tell apart than three.
    assert adjusted.mean() > plain.mean() + MARGIN[panel]
    assert wins >= 7
    assert min(r["leniency"] for r in results) > 0.7  # the leniencies themselves are recovered


def test_without_leniency_the_adjustment_costs_little():
    """Honest judges (b = 0): the adjusted ranking is about as good as the mean, not worse by much."""
    global LENIENCY_SD
    saved, LENIENCY_SD = LENIENCY_SD, 0.0
    try:
        results = [run(seed, "slogans") for seed in SEEDS]
    finally:
        LENIENCY_SD = saved
    plain = np.mean([r["mean"] for r in results])
    adjusted = np.mean([r["adjusted"] for r in results])
    print(f"\nslogans without leniency: plain mean ρ {plain:.3f}, adjusted ρ {adjusted:.3f}")
    assert adjusted > plain - 0.03

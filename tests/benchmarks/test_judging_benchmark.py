"""Scale timings of judging: 2,000 entries, 40 judges, 10,000 score sheets of 5 criteria.

Not part of the normal run (pyproject ignores tests/benchmarks). Run (SQLite):
    .venv/bin/pytest -o addopts="" tests/benchmarks/test_judging_benchmark.py -s
or on PostgreSQL (its own database name):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool_aggregation \
        .venv/bin/pytest -o addopts="" tests/benchmarks/test_judging_benchmark.py -s

Each entry is scored by 5 of the 40 judges (random panels: the leniency-adjusted model,
connected). Times: the pure computation (S per sheet, aggregation, cascade, tiers) and
`round_ranking` from the database, with its query count.
"""

import time
from datetime import timedelta
from decimal import Decimal

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contests.enums import ContestKind, EntryStatus, EvaluationStatus, RoundMode
from contests.judging.scoring import sheet_score
from contests.models import Contest, Criterion, CriterionScore, Entry, Evaluation, PrizeTier, Round
from contests.results.aggregation import aggregate, round2
from contests.results.ranking import round_ranking
from contests.results.tiebreak import Candidate, break_ties
from contests.results.tiers import Tier, allocate
from home.models import User
from schools.enums import AreaKind, SchoolLevel
from schools.models import Area, Programme, School, SchoolYear

ENTRIES, JUDGES, PER_ENTRY, CRITERIA = 2000, 40, 5, 5
TIERS = [(1, "Đặc biệt", 1), (2, "Nhất", 2), (3, "Nhì", 4), (4, "Ba", 5), (5, "Khuyến khích", 8)]


def _marks(seed=1):
    """(judge index, entry index, [5 marks 0–10]) for 10,000 sheets; quality + leniency + noise."""
    rng = np.random.default_rng(seed)
    quality = rng.normal(6.0, 1.3, ENTRIES)
    leniency = rng.normal(0.0, 0.8, JUDGES)
    sheets = []
    for e in range(ENTRIES):
        for j in rng.choice(JUDGES, PER_ENTRY, replace=False):
            marks = np.clip(np.rint(quality[e] + leniency[j] + rng.normal(0, 1.0, CRITERIA)), 0, 10)
            sheets.append((int(j), e, [int(m) for m in marks]))
    return sheets


def _step(label, started, extra=""):
    print(f"  {label:<58} {(time.perf_counter() - started) * 1000:8.0f} ms {extra}")


def _pure(sheets):
    started = time.perf_counter()
    scores = [(j, e, sheet_score((m, 0, 10, 1, True) for m in marks)) for j, e, marks in sheets]
    _step(f"S of {len(sheets):,} sheets (Decimal)", started)

    started = time.perf_counter()
    result = aggregate(scores)
    _step(f"aggregate ({result.method}, {ENTRIES} entries × {JUDGES} judges)", started, f"connected={result.connected}")

    started = time.perf_counter()
    by_entry: dict = {}
    for j, e, s in scores:
        by_entry.setdefault(e, {})[j] = float(s)
    candidates = [
        Candidate(e, round2(a.score), a.median, None, 0, by_entry.get(e, {})) for e, a in result.entries.items()
    ]
    cascade = break_ties(candidates, ["median", "top_marks", "head_to_head"])
    _step("tie-break cascade", started, f"{len(cascade.unresolved)} groups still tied")

    started = time.perf_counter()
    allocation = allocate(cascade.groups, [Tier(o, n, c) for o, n, c in TIERS])
    _step("prize tiers 1/2/4/5/8", started)
    return result, allocation


def _build(sheets):
    started = time.perf_counter()
    city = Area.add_root(kind=AreaKind.CITY, name="Hà Nội", code="bench-city")
    ward = city.add_child(kind=AreaKind.WARD, name="Phường", code="bench-ward")
    year = SchoolYear.objects.create(name="2022-2023", starts_on="2022-09-01", ends_on="2023-05-31")
    programme = Programme.objects.create(name="Bench", slug="bench", school_year=year, area=city)
    schools = School.objects.bulk_create(
        [School(code=f"s{i:03d}", name=f"Trường {i}", level=SchoolLevel.LOWER_SECONDARY, area=ward) for i in range(100)]
    )
    now = timezone.now()
    contest = Contest.objects.create(
        programme=programme,
        kind=ContestKind.INITIATIVE,
        title="Bench",
        slug="bench",
        code_prefix="B",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
    )
    PrizeTier.objects.bulk_create([PrizeTier(contest=contest, order=o, name=n, count=c) for o, n, c in TIERS])
    round = Round.objects.create(contest=contest, order=1, name="Chung khảo", mode=RoundMode.RUBRIC)
    criteria = Criterion.objects.bulk_create(
        [Criterion(round=round, order=i + 1, name=f"Tiêu chí {i + 1}") for i in range(CRITERIA)]
    )
    judges = User.objects.bulk_create([User(username=f"judge{i}", full_name=f"Giám khảo {i}") for i in range(JUDGES)])
    entries = Entry.objects.bulk_create(
        [
            Entry(
                contest=contest,
                school=schools[i % 100],
                code=f"B-{i:04d}",
                title=f"Sáng kiến {i}",
                status=EntryStatus.ELIGIBLE,
            )
            for i in range(ENTRIES)
        ],
        batch_size=1000,
    )
    evaluations = Evaluation.objects.bulk_create(
        [
            Evaluation(
                round=round,
                judge=judges[j],
                entry=entries[e],
                status=EvaluationStatus.SUBMITTED,
                total=sheet_score((m, 0, 10, 1, True) for m in marks),
                submitted_at=now,
            )
            for j, e, marks in sheets
        ],
        batch_size=2000,
    )
    CriterionScore.objects.bulk_create(
        [
            CriterionScore(evaluation=evaluation, criterion=criterion, value=Decimal(mark))
            for evaluation, (_j, _e, marks) in zip(evaluations, sheets, strict=True)
            for criterion, mark in zip(criteria, marks, strict=True)
        ],
        batch_size=5000,
    )
    _step(f"build: {ENTRIES} entries, {len(evaluations):,} sheets, {len(evaluations) * CRITERIA:,} marks", started)
    return round


@pytest.mark.django_db
def test_judging_at_scale():
    print(f"\nJudging benchmark on {connection.vendor}")
    sheets = _marks()
    assert len(sheets) == ENTRIES * PER_ENTRY == 10_000

    print(" pure computation")
    started = time.perf_counter()
    result, allocation = _pure(sheets)
    _step("total (pure)", started)
    assert result.method == "adjusted" and result.connected
    assert (
        sum(len(m) for m in allocation.members.values()) + sum(len(t.entry_ids) for t in allocation.boundary_ties) >= 20
    )

    print(" from the database")
    round = _build(sheets)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        ranking = round_ranking(round)
        _step("round_ranking (cold)", started, f"{len(queries)} queries")
    started = time.perf_counter()
    round_ranking(round)
    _step("round_ranking (again)", started)
    started = time.perf_counter()
    ranking.as_snapshot()
    _step("as_snapshot", started)
    assert len(queries) == 10
    assert len(ranking.rows) == ENTRIES and ranking.method == "adjusted" and ranking.problems == []
    assert ranking.rows[0].rank == 1


def _median_ms(call, runs=5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)[len(times) // 2]


@pytest.mark.django_db
@pytest.mark.urls("tests.benchmarks.bare_urls")
def test_judge_page_with_1000_assignments(client):
    """One judge with 1,000 assignments in an open round: the scoring page's cost, beside a bare
    request of the same client (the `rounds_of_judge` join once made it quadratic on PostgreSQL)."""
    from django.urls import reverse

    from contests.enums import RoundStatus
    from contests.judging.selectors import assignments_of, round_of_judge_or_404
    from contests.models import Assignment

    print(f"\nJudge page benchmark on {connection.vendor}")
    round = _build(_marks())
    Round.objects.filter(pk=round.pk).update(status=RoundStatus.OPEN)
    judge = User.objects.get(username="judge0")
    entries = list(Entry.objects.filter(contest=round.contest).order_by("pk")[:1000])
    Assignment.objects.bulk_create(
        [Assignment(round=round, judge=judge, entry=e, position=i) for i, e in enumerate(entries)],
        ignore_conflicts=True,
    )
    with CaptureQueriesContext(connection) as queries:
        ms = _median_ms(lambda: assignments_of(judge, round_of_judge_or_404(judge, round.pk)))
    print(f"  round_of_judge_or_404 + assignments_of  {ms:8.1f} ms  ({len(queries) // 5} queries)")
    client.force_login(judge)
    url = reverse("contests:judging_round", args=[round.pk])
    assert client.get(url).status_code == 200
    page = _median_ms(lambda: client.get(url))
    bare = _median_ms(lambda: client.get("/bench-bare/"), runs=20)
    print(f"  judging page, 1,000 assignments         {page:8.1f} ms   bare request {bare:.1f} ms")
    assert ms < 500, "the judge's round must not grow quadratically with assignments"

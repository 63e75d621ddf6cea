"""The demo judging of the 2022 contests (contests/demo/judging.py), loaded by seed_demo."""

from io import StringIO

from django.core.management import call_command

from contests.demo.judging import PLASTIC_CONTEST, SLOGANS, WATER
from contests.enums import ContestStatus, EntryStatus, EvaluationStatus
from contests.models import Award, Contest, Entry, Evaluation, ResultSnapshot, TieDecision
from contests.results.ranking import round_ranking
from contests.results.selectors import published_results


def test_demo_plastic_showcase_awards_1_2_4_5_8(seeded):
    contest = Contest.objects.get(slug=PLASTIC_CONTEST)
    round = contest.rounds.get()
    counts = [Award.objects.filter(contest=contest, tier__order=order).count() for order in range(1, 6)]
    assert counts == [1, 2, 4, 5, 8]
    assert contest.status == ContestStatus.RESULTS_PUBLISHED
    assert round.name == "Thi trình bày trực tiếp 09/12/2022"
    assert list(round.criteria.values_list("name", flat=True)) == [
        "Sáng tạo",
        "Tính hữu ích",
        "Khả năng lan tỏa",
        "Tính khả thi",
        "Trình bày",
    ]
    assert Evaluation.objects.filter(round=round, status=EvaluationStatus.SUBMITTED).count() == 100
    snapshot = ResultSnapshot.objects.get(round=round, is_published=True)
    assert snapshot.method == "mean"
    assert snapshot.published_at.date().isoformat() == "2022-12-17"


def test_demo_water_contest_selects_10_with_panels(seeded):
    contest = Contest.objects.get(slug=WATER)
    round = contest.rounds.get()
    assert Entry.objects.filter(contest=contest, status=EntryStatus.SELECTED).count() == 10
    assert Award.objects.filter(contest=contest).count() == 10
    ranking = round_ranking(round)
    assert ranking.method == "adjusted"
    assert ranking.connected is True
    assert round.assignments.values("judge").distinct().count() == 7
    results = published_results(contest)
    assert results.selection is True
    assert [len(group.winners) for group in results.tiers] == [10]


def test_demo_slogans_screened_then_a_boundary_tie_waits_for_the_chair(seeded):
    contest = Contest.objects.get(slug=SLOGANS)
    screening, final = contest.rounds.order_by("order")
    assert screening.mode == "screening"
    assert Entry.objects.filter(contest=contest, status=EntryStatus.ADVANCED).count() == 20
    ranking = round_ranking(final)
    assert len(ranking.boundary_ties) == 1
    assert len(ranking.boundary_ties[0]) == 2
    assert TieDecision.objects.filter(round=final).count() == 0
    assert contest.status == ContestStatus.JUDGING
    assert not ResultSnapshot.objects.filter(round__contest=contest).exists()


def test_demo_judging_is_idempotent(seeded):
    before = (Evaluation.objects.count(), ResultSnapshot.objects.count(), Award.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Evaluation.objects.count(), ResultSnapshot.objects.count(), Award.objects.count()) == before

"""Two simultaneous submissions of one judge's sheet store exactly one evaluation (PostgreSQL).

Row locks do nothing on SQLite (STACK-FACTS), so these run on PostgreSQL only:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool_judging \
        .venv/bin/pytest -q tests/contests/judging/test_postgres.py
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from contests.judging.scoring import sheet_score
from contests.judging.services import evaluation_save
from contests.models import CriterionScore, Evaluation
from tests.contests.concurrency import race
from tests.factories import UserFactory
from tests.factories.contests import AssignmentFactory, judging_round
from tests.factories.programmes import ProgrammeFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _setup():
    judge = UserFactory(username="gk-race")
    from tests.factories import SchoolFactory

    round_, entries = judging_round(programme=ProgrammeFactory(), schools=[SchoolFactory()], judges=[judge])
    AssignmentFactory(round=round_, judge=judge, entry=entries[0])
    criteria = list(round_.criteria.order_by("order"))
    return round_, judge, entries[0], criteria


def _total_from_stored(evaluation, criteria):
    stored = {s.criterion_id: s.value for s in CriterionScore.objects.filter(evaluation=evaluation)}
    return sheet_score((stored.get(c.pk), c.min_score, c.max_score, c.weight, c.counted) for c in criteria)


@pytest.mark.parametrize("attempt", range(5))
def test_two_identical_simultaneous_submissions_store_one_evaluation(attempt):
    round_, judge, entry, criteria = _setup()
    scores = {c.pk: Decimal(v) for c, v in zip(criteria, ["7", "8.5", "6"], strict=True)}

    def submit():
        return evaluation_save(round_=round_, judge=judge, entry=entry, scores=scores, comment="Tốt", submit=True)

    results = race([submit, submit])
    assert all(not isinstance(r, Exception) for r in results), results
    assert sorted(changed for _evaluation, changed in results) == [False, True]
    evaluation = Evaluation.objects.get()
    assert CriterionScore.objects.count() == 3
    assert evaluation.status == "submitted"
    assert evaluation.total == _total_from_stored(evaluation, criteria) == Decimal("71.6667")


def test_two_different_simultaneous_submissions_keep_one_and_refuse_the_other():
    round_, judge, entry, criteria = _setup()

    def submit(values):
        scores = {c.pk: Decimal(v) for c, v in zip(criteria, values, strict=True)}
        return lambda: evaluation_save(round_=round_, judge=judge, entry=entry, scores=scores, submit=True)

    results = race([submit(["10", "10", "10"]), submit(["0", "0", "0"])])
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 1, results
    evaluation = Evaluation.objects.get()
    assert CriterionScore.objects.count() == 3
    assert evaluation.total == _total_from_stored(evaluation, criteria)
    assert evaluation.total in (Decimal("100.0000"), Decimal("0.0000"))


def test_a_draft_save_racing_a_submit_never_leaves_a_total_that_differs_from_the_scores():
    round_, judge, entry, criteria = _setup()
    full = {c.pk: Decimal("5") for c in criteria}
    partial = {criteria[0].pk: Decimal("9"), criteria[1].pk: None, criteria[2].pk: None}
    results = race(
        [
            lambda: evaluation_save(round_=round_, judge=judge, entry=entry, scores=full, submit=True),
            lambda: evaluation_save(round_=round_, judge=judge, entry=entry, scores=partial),
        ]
    )
    assert Evaluation.objects.count() == 1
    evaluation = Evaluation.objects.get()
    if evaluation.status == "submitted":
        assert evaluation.total == _total_from_stored(evaluation, criteria)
    assert sum(isinstance(r, Exception) for r in results) <= 1

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

from contests.enums import EntryStatus, EvaluationStatus, RoundMode
from contests.judging.scoring import sheet_score
from tests.factories.contests import (
    ContestFactory,
    CriterionFactory,
    CriterionScoreFactory,
    EntryFactory,
    EvaluationFactory,
    PrizeTierFactory,
    RoundFactory,
)
from tests.factories.people import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    """Two rounds; the second scored: A 90, 70 (80) · B 80, 80 (80) · C 40, 50 (45); one prize."""
    contest = ContestFactory(slug="nhua-2022", title="Sáng kiến giảm nhựa")
    PrizeTierFactory(contest=contest, order=1, name="Giải Nhất", count=1)
    RoundFactory(contest=contest, order=1, name="Sơ khảo", mode=RoundMode.SCREENING)
    final = RoundFactory(contest=contest, order=2, name="Chung khảo", mode=RoundMode.LIVE)
    criterion = CriterionFactory(round=final, order=1, name="Tổng", max_score=Decimal("100"))
    judges = [UserFactory(full_name="Giám khảo 1"), UserFactory(full_name="Giám khảo 2")]
    for code, values in (("NTL-01", (90, 70)), ("NTL-02", (80, 80)), ("NTL-03", (40, 50))):
        entry = EntryFactory(contest=contest, code=code, status=EntryStatus.ADVANCED)
        for judge, value in zip(judges, values, strict=True):
            evaluation = EvaluationFactory(
                round=final,
                judge=judge,
                entry=entry,
                status=EvaluationStatus.SUBMITTED,
                total=sheet_score([(value, 0, 100, 1, True)]),
            )
            CriterionScoreFactory(evaluation=evaluation, criterion=criterion, value=Decimal(value))
    return contest


def run(*args):
    out = StringIO()
    call_command("contest_results", *args, stdout=out)
    return out.getvalue()


def test_contest_results_json_defaults_to_the_scored_round(contest):
    data = json.loads(run("nhua-2022", "--format", "json"))

    assert data["contest"] == "nhua-2022" and data["round"] == {"order": 2, "name": "Chung khảo", "mode": "live"}
    assert data["method"] == "mean"
    # NTL-01 and NTL-02 tie on 80.00; medians equal; no top marks (100 never given); head-to-head 1–1;
    # still tied across the single prize → flagged to the chair.
    assert [(r["code"], r["rank"], r["score"], r["tier_name"], r["flags"]) for r in data["rows"]] == [
        ("NTL-01", 1, "80.00", "", ["unresolved_tie", "boundary_tie"]),
        ("NTL-02", 1, "80.00", "", ["unresolved_tie", "boundary_tie"]),
        ("NTL-03", 3, "45.00", "", []),
    ]
    assert len(data["boundary_ties"]) == 1 and data["rows"][0]["spread"] == "20.00"


def test_contest_results_text_lists_ranks_prizes_and_the_tie(contest):
    with translation.override("en"):
        text = run("nhua-2022", "--round", "2")

    lines = text.splitlines()
    assert lines[0] == "Sáng kiến giảm nhựa – Chung khảo"
    assert any(line.startswith("3  ") and "NTL-03" in line and "45.00" in line for line in lines)
    assert any("NTL-01, NTL-02" in line for line in lines)


def test_contest_results_screening_round_without_sheets(contest):
    data = json.loads(run("nhua-2022", "--round", "1", "--format", "json"))
    assert data["method"] == "screening" and data["rows"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [(("khong-co",), "khong-co"), (("nhua-2022", "--round", "9"), "9")],
)
def test_contest_results_unknown_contest_or_round_is_a_clear_error(contest, args, message):
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert message in str(caught.value)


def test_contest_results_contest_without_rounds():
    ContestFactory(slug="trong")
    with pytest.raises(CommandError):
        run("trong")


def test_contest_results_text_of_a_screening_round_shows_verdicts(contest):
    screening = contest.rounds.get(order=1)
    entry = contest.entries.get(code="NTL-03")
    for passed in (True, True, False):
        EvaluationFactory(round=screening, entry=entry, status=EvaluationStatus.SUBMITTED, passed=passed)

    lines = run("nhua-2022", "--round", "1").splitlines()  # always in the site's language

    with translation.override("vi"):
        words = [gettext(w) for w in ("Pass", "Fail", "Verdict", "Advances", "pass", "yes")]
    assert all(word in lines[2] for word in words[:4])
    assert lines[3].split() == ["1", "NTL-03", "66.67", "2", "1", words[4], "3", words[5]]

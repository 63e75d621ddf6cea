from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from contests.judging.scoring import sheet_score, validate_value

D = Decimal


def test_sheet_score_weighted_hand_computed():
    # creativity 8/10 (w 1), usefulness 6/10 (w 2), a shown-only 3/5 is ignored:
    # S = 100 × (1·0.8 + 2·0.6) ÷ 3 = 100 × 2.0 ÷ 3 = 66.6667
    items = [(D("8"), D("0"), D("10"), D("1"), True), (D("6"), 0, 10, 2, True), (D("3"), 1, 5, 1, False)]
    assert sheet_score(items) == D("66.6667")


def test_sheet_score_uses_each_criterion_min_and_max():
    # (3 − 1)/(5 − 1) = 0.5 and (20 − 0)/(20 − 0) = 1 → 100 × 1.5 ÷ 2 = 75
    assert sheet_score([("3", "1", "5", "1", True), ("20", "0", "20", "1", True)]) == D("75.0000")


def test_sheet_score_extremes_are_0_and_100():
    assert sheet_score([(0, 0, 10, 1, True), (1, 1, 5, 3, True)]) == D("0.0000")
    assert sheet_score([(10, 0, 10, 1, True), (5, 1, 5, 3, True)]) == D("100.0000")


def test_sheet_score_rounds_half_up_to_four_places():
    # 100 × (1/3 + 0)/2 = 16.666666… → 16.6667; 100 × (1/8)/1 = 12.5 exactly
    assert sheet_score([(1, 0, 3, 1, True), (0, 0, 3, 1, True)]) == D("16.6667")
    assert sheet_score([(D("0.25"), 0, 2, 1, True)]) == D("12.5000")


def test_sheet_score_none_without_counted_criterion():
    assert sheet_score([]) is None
    assert sheet_score([(5, 0, 10, 1, False)]) is None


def test_sheet_score_missing_counted_value_is_an_error():
    with pytest.raises(ValueError):
        sheet_score([(None, 0, 10, 1, True)])


def test_sheet_score_accepts_floats_exactly():
    assert sheet_score([(7.5, 0, 10, 1.5, True)]) == D("75.0000")


@pytest.mark.parametrize(
    ("value", "expected"), [("7", D("7.00")), ("7,5", D("7.50")), (D("0"), D("0.00")), (10, D("10.00"))]
)
def test_validate_value_accepts_in_range(value, expected):
    assert validate_value(value, D("0"), D("10")) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("11", "out_of_range"),
        ("-1", "out_of_range"),
        ("abc", "invalid"),
        ("", "required"),
        (None, "required"),
        ("7.555", "precision"),
        ("NaN", "invalid"),
        ("Infinity", "invalid"),
    ],
)
def test_validate_value_refuses_bad_input(value, code):
    with pytest.raises(ValidationError) as caught:
        validate_value(value, D("0"), D("10"))
    assert caught.value.code == code


def test_validate_value_message_names_the_range():
    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        validate_value("12", D("1.00"), D("10.00"))
    assert "1" in caught.value.messages[0] and "10" in caught.value.messages[0]


def test_sheet_score_is_exact_where_thirds_meet_a_half():
    # 100 × (1/3 + 1/3 + 1/3 + 1/32) ÷ 4 = 25.78125 exactly → half up 25.7813.
    # Summing 34-digit quotients gives 25.781249999… and would round down to 25.7812.
    items = [(1, 0, 3, 1, True)] * 3 + [(1, 0, 32, 1, True)]
    assert sheet_score(items) == D("25.7813")
    assert sheet_score([(1, 0, 3, 1, True)] * 3) == D("33.3333")

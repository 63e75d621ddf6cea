"""The §5 formulas against a hand-computed example.

School A (1,000 persons a day) and school B (200 a day: 180 students + 20 staff), three
valid days in each phase; A has a fourth, abnormal (event) final day that is excluded;
school C has only two baseline days (unpaired). Per day:

    A baseline: organic 60,000 g, plastic bags 10,000 g / 2,500 items
    A final:    organic 50,000 g, plastic bags  6,000 g / 1,500 items   (+ event day: organic 200,000 g)
    B baseline: organic 20,000 g, plastic bags  4,000 g / 1,000 items
    B final:    organic 21,000 g, plastic bags  3,000 g /   600 items

    R(A) = 210,000/3,000 = 70 → 168,000/3,000 = 56: −20.0 %     R(B) = 72,000/600 = 120 → 120: 0.0 %
    pooled = 1 − (240,000/3,600)/(282,000/3,600) = 14.893… %   (the mean of percentages would say 10 %)
    plastic by mass: 1 − 27,000/42,000 = 35.714… %;  by items: 1 − 6,300/10,500 = 40.0 %
"""

from datetime import date

import pytest

from audits.enums import Flag, Phase, SessionStatus
from audits.results import programme_results
from tests.factories import EnrolmentFactory, SchoolFactory
from tests.factories.audits import audit_day

BASE_DAYS = [date(2022, 10, 17), date(2022, 10, 18), date(2022, 10, 19)]
FINAL_DAYS = [date(2022, 12, 5), date(2022, 12, 6), date(2022, 12, 7)]


@pytest.fixture
def example(world, periods):
    a = world.school
    b = SchoolFactory(code="b", name="B", area=world.ward)
    c = SchoolFactory(code="c", name="C", area=world.ward)
    for school in (b, c):
        EnrolmentFactory(programme=world.programme, school=school)
    base, final = periods[Phase.BASELINE], periods[Phase.FINAL]
    for day in BASE_DAYS:
        audit_day(
            period=base, school=a, day=day, persons=1000, lines={"organic": 60000, "lvp_nylon_bag": (10000, 2500)}
        )
        audit_day(
            period=base,
            school=b,
            day=day,
            persons=200,
            staff=20,
            lines={"organic": 20000, "lvp_nylon_bag": (4000, 1000)},
        )
    for day in FINAL_DAYS:
        audit_day(
            period=final, school=a, day=day, persons=1000, lines={"organic": 50000, "lvp_nylon_bag": (6000, 1500)}
        )
        audit_day(
            period=final,
            school=b,
            day=day,
            persons=200,
            staff=20,
            lines={"organic": 21000, "lvp_nylon_bag": (3000, 600)},
        )
    audit_day(
        period=final, school=a, day=date(2022, 12, 8), persons=1000, abnormal=["event"], lines={"organic": 200000}
    )
    for day in BASE_DAYS[:2]:
        audit_day(period=base, school=c, day=day, persons=500, lines={"organic": 40000})
    # A submitted but unverified day never counts.
    audit_day(
        period=final, school=c, day=FINAL_DAYS[0], persons=500, status=SessionStatus.SUBMITTED, lines={"organic": 1}
    )
    return a, b, c


def _by_code(results):
    return {s.code: s for s in results.schools}


def test_school_rates_and_reductions_match_the_hand_computation(example):
    schools = _by_code(programme_results(example[0].enrolments.first().programme))
    a, b, c = schools["thcs-cau-dien"], schools["b"], schools["c"]
    assert (a.baseline.rate, a.final.rate) == (70.0, 56.0)
    assert a.reduction_pct == pytest.approx(20.0)
    assert a.lvp_reduction_pct == pytest.approx(40.0)
    assert (a.baseline.lvp_items_rate, a.final.lvp_items_rate) == (250.0, 150.0)
    assert a.lvp_items_reduction_pct == pytest.approx(40.0)
    assert (b.baseline.person_days, b.baseline.rate, b.final.rate) == (600, 120.0, 120.0)
    assert b.reduction_pct == 0.0
    assert b.lvp_reduction_pct == pytest.approx(25.0)
    assert (a.final.days, a.final.excluded_days) == (3, 1)
    assert (a.paired, b.paired, c.paired) == (True, True, False)
    assert c.final.days == 0


def test_programme_reduction_is_pooled_over_paired_schools(example, world):
    results = programme_results(world.programme)
    assert (results.schools_enrolled, results.schools_paired) == (3, 2)
    assert results.baseline.person_days == 3600
    assert results.reduction_pct == pytest.approx((1 - 240000 / 282000) * 100)
    assert round(results.reduction_pct, 1) == 14.9
    assert round(results.lvp_reduction_pct, 1) == 35.7
    assert round(results.lvp_items_reduction_pct, 1) == 40.0
    assert results.median_school_reduction_pct == pytest.approx(10.0)
    assert results.schools_meeting_target == 1
    assert results.target_pct == 20.0


def test_abnormal_day_included_on_request_shows_an_increase(example, world):
    results = programme_results(world.programme, include_abnormal=True)
    a = _by_code(results)["thcs-cau-dien"]
    assert a.final.rate == 92.0  # (168,000 + 200,000) / 4,000
    assert a.reduction_pct == pytest.approx(-31.428571, rel=1e-6)


def test_flags_mark_low_confidence_abnormal_days_and_differences(example, world):
    schools = _by_code(programme_results(world.programme))
    assert schools["thcs-cau-dien"].flags == [Flag.ABNORMAL_EXCLUDED]
    assert schools["b"].flags == []
    assert schools["c"].flags == [Flag.LOW_CONFIDENCE]


def test_flags_for_days_weekdays_areas_range_and_outliers(world, periods):
    base, final = periods[Phase.BASELINE], periods[Phase.FINAL]
    school = world.school
    for day, mass in zip(BASE_DAYS, (10000, 10000, 30000), strict=True):
        audit_day(period=base, school=school, day=day, persons=100, areas=["canteen"], lines={"organic": mass})
    for day in (date(2022, 12, 8), date(2022, 12, 9), date(2022, 12, 12), date(2022, 12, 13)):
        audit_day(period=final, school=school, day=day, persons=100, areas=["classrooms"], lines={"organic": 1000})
    result = programme_results(world.programme).schools[0]
    assert result.flags == [
        Flag.AREAS_DIFFER,
        Flag.WEEKDAYS_DIFFER,
        Flag.DAYS_DIFFER,
        Flag.RATE_OUT_OF_RANGE,  # final 10 g per person-day
        Flag.OUTLIER_DAY,  # 300 g against a median of 100
    ]
    assert result.outlier_days == [BASE_DAYS[2]]


def test_school_without_any_day_is_unpaired_and_unflagged(world, periods):
    results = programme_results(world.programme)
    assert results.schools_paired == 0
    assert results.schools[0].flags == []
    assert results.reduction_pct is None and results.median_school_reduction_pct is None

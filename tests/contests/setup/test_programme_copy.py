"""Copying a programme into a new school year: its set-up with shifted dates, nothing personal."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audits.enums import Phase
from audits.models import AuditPeriod
from contests.enums import ContestStatus, RoundStatus
from contests.models import Contest, Criterion, Entry, JudgeInvitation, PrizeTier, Round
from schools.models import ActionPlan, Enrolment, Membership, Programme
from schools.programme_copy import copy_dates, copy_name, copy_slug, programme_copy, shift_date
from tests.conftest import rival_organiser
from tests.factories import ProgrammeFactory, SchoolYearFactory
from tests.factories.audits import AuditPeriodFactory
from tests.factories.contests import (
    ContestFactory,
    CriterionFactory,
    EntryFactory,
    JudgeInvitationFactory,
    PrizeTierFactory,
    RoundFactory,
)

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_shift_date_keeps_day_and_month_and_29_february_becomes_28():
    assert shift_date(date(2023, 3, 15), 1) == date(2024, 3, 15)
    assert shift_date(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert shift_date(date(2023, 2, 28), 1) == date(2024, 2, 28)
    assert shift_date(None, 1) is None


@pytest.fixture
def source(world):
    """The world's school in a 2023–2024 programme with periods, a contest, entries, judges, plans."""
    year = SchoolYearFactory(name="2023-2024", starts_on=date(2023, 9, 1), ends_on=date(2024, 5, 31))
    programme = ProgrammeFactory(
        name="Trường học xanh Nam Từ Liêm 2023-2024",
        slug="thx-nam-tu-lien-2023",
        school_year=year,
        area=world.district,
        themes=["nhựa"],
        reduction_target_pct=Decimal("25"),
        required_audit_days=4,
        starts_on=date(2023, 10, 2),
        ends_on=date(2024, 5, 20),
        plan_deadline=date(2024, 2, 29),
        is_published=True,
    )
    Enrolment.objects.create(programme=programme, school=world.school)
    ActionPlan.objects.create(programme=programme, school=world.school)
    AuditPeriodFactory(
        programme=programme, phase=Phase.BASELINE, starts_on=date(2023, 11, 6), ends_on=date(2023, 11, 10)
    )
    AuditPeriodFactory(programme=programme, phase=Phase.FINAL, starts_on=date(2024, 2, 26), ends_on=date(2024, 2, 29))
    contest = ContestFactory(
        programme=programme,
        slug="sang-kien-2023",
        title="Sáng kiến giảm nhựa",
        opens_at=datetime(2023, 12, 1, 8, 0, tzinfo=HANOI),
        closes_at=datetime(2024, 2, 29, 23, 59, tzinfo=HANOI),
        tie_break=["priority_criterion", "median"],
        priority_criterion="Tính sáng tạo",
        status=ContestStatus.RESULTS_PUBLISHED,
    )
    contest.eligible_schools.set([world.school])
    PrizeTierFactory(contest=contest, order=1, name="Giải Nhất", count=1)
    PrizeTierFactory(contest=contest, order=2, name="Giải Nhì", count=2)
    round_ = RoundFactory(contest=contest, order=1, name="Chung khảo", status=RoundStatus.CLOSED, blind=True)
    for n, name in enumerate(["Tính sáng tạo", "Tính khả thi", "Hiệu quả", "Lan tỏa", "Trình bày"], start=1):
        CriterionFactory(round=round_, order=n, name=name, weight=Decimal(n))
    EntryFactory(contest=contest, school=world.school)
    JudgeInvitationFactory(contest=contest, judge=world.judge, is_chair=True)
    return programme


def test_copy_dates_are_shifted_into_the_new_year(source):
    dates = {item.key: item.value for item in copy_dates(source, 2024)}
    contest = Contest.objects.get(programme=source)

    assert dates == {
        "programme.starts_on": date(2024, 10, 2),
        "programme.ends_on": date(2025, 5, 20),
        "programme.plan_deadline": date(2025, 2, 28),
        "audits.baseline.starts_on": date(2024, 11, 6),
        "audits.baseline.ends_on": date(2024, 11, 10),
        "audits.final.starts_on": date(2025, 2, 26),
        "audits.final.ends_on": date(2025, 2, 28),
        f"contests.{contest.pk}.opens": date(2024, 12, 1),
        f"contests.{contest.pk}.closes": date(2025, 2, 28),
    }


def test_copy_name_and_slug_carry_the_new_year(source):
    assert copy_name(source, "2024-2025") == "Trường học xanh Nam Từ Liêm 2024-2025"
    assert copy_slug(source, 2024) == "thx-nam-tu-lien-2024"


def test_programme_copy_copies_the_set_up_and_nothing_personal(world, source):
    before = {
        "entries": Entry.objects.count(),
        "plans": ActionPlan.objects.count(),
        "judges": JudgeInvitation.objects.count(),
        "memberships": Membership.objects.count(),
    }

    copy = programme_copy(
        source=source,
        year_name="2024-2025",
        name="Trường học xanh Nam Từ Liêm 2024-2025",
        slug="thx-nam-tu-lien-2024",
        dates={"programme.starts_on": date(2024, 10, 7)},
        by=world.organiser,
    )

    copy = Programme.objects.get(pk=copy.pk)
    assert (copy.school_year.name, copy.school_year.starts_on, copy.school_year.ends_on) == (
        "2024-2025",
        date(2024, 9, 1),
        date(2025, 5, 31),
    )
    assert (copy.area, copy.reduction_target_pct, copy.required_audit_days, copy.themes) == (
        world.district,
        Decimal("25"),
        4,
        ["nhựa"],
    )
    assert (copy.starts_on, copy.ends_on, copy.plan_deadline, copy.is_published) == (
        date(2024, 10, 7),
        date(2025, 5, 20),
        date(2025, 2, 28),
        False,
    )
    assert list(AuditPeriod.objects.filter(programme=copy).values_list("phase", "starts_on", "ends_on")) == [
        (Phase.BASELINE, date(2024, 11, 6), date(2024, 11, 10)),
        (Phase.FINAL, date(2025, 2, 26), date(2025, 2, 28)),
    ]
    contest = Contest.objects.get(programme=copy)
    assert (contest.slug, contest.title, contest.status, contest.tie_break, contest.priority_criterion) == (
        "sang-kien-2024",
        "Sáng kiến giảm nhựa",
        ContestStatus.DRAFT,
        ["priority_criterion", "median"],
        "Tính sáng tạo",
    )
    assert (contest.opens_at, contest.closes_at) == (
        datetime(2024, 12, 1, 8, 0, tzinfo=HANOI),
        datetime(2025, 2, 28, 23, 59, tzinfo=HANOI),
    )
    assert list(contest.eligible_schools.all()) == [world.school]
    assert list(PrizeTier.objects.filter(contest=contest).values_list("order", "name", "count")) == [
        (1, "Giải Nhất", 1),
        (2, "Giải Nhì", 2),
    ]
    round_ = Round.objects.get(contest=contest)
    assert (round_.name, round_.status, round_.blind) == ("Chung khảo", RoundStatus.DRAFT, True)
    assert list(Criterion.objects.filter(round=round_).values_list("name", "weight")) == [
        ("Tính sáng tạo", Decimal(1)),
        ("Tính khả thi", Decimal(2)),
        ("Hiệu quả", Decimal(3)),
        ("Lan tỏa", Decimal(4)),
        ("Trình bày", Decimal(5)),
    ]
    assert not Enrolment.objects.filter(programme=copy).exists()
    assert before == {
        "entries": Entry.objects.count(),
        "plans": ActionPlan.objects.count(),
        "judges": JudgeInvitation.objects.count(),
        "memberships": Membership.objects.count(),
    }


def test_programme_copy_by_a_programme_organiser_is_refused(world, source):
    with pytest.raises(PermissionDenied):
        programme_copy(
            source=source, year_name="2024-2025", name="x", slug="x-2024", dates={}, by=rival_organiser(world)
        )

    assert not Programme.objects.filter(slug="x-2024").exists()


@pytest.mark.parametrize("year_name", ["2024", "2024-2026", "2023-2024", "hai nghìn"])
def test_programme_copy_refuses_a_bad_school_year(world, source, year_name):
    with pytest.raises(ValidationError):
        programme_copy(source=source, year_name=year_name, name="x", slug="x-2024", dates={}, by=world.organiser)

    assert not Programme.objects.filter(slug="x-2024").exists()


def test_programme_copy_with_a_bad_date_writes_nothing(world, source):
    contest = Contest.objects.get(programme=source)

    with pytest.raises(ValidationError):
        programme_copy(
            source=source,
            year_name="2024-2025",
            name="x",
            slug="x-2024",
            dates={f"contests.{contest.pk}.closes": date(2024, 11, 1)},  # before it opens
            by=world.organiser,
        )

    assert not Programme.objects.filter(slug="x-2024").exists()
    assert Contest.objects.count() == 1

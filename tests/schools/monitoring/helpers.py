"""Programmes with plans, audits and contests for the monitoring tests (built with factories)."""

from datetime import UTC, date, datetime
from decimal import Decimal

from audits.enums import Phase
from contests.enums import ContestStatus, EntryStatus
from contests.models import Award
from schools.enums import PlanStatus, Role, SchoolLevel
from schools.services import membership_grant
from tests.factories import AreaFactory, EnrolmentFactory, SchoolFactory, UserFactory
from tests.factories.audits import AuditPeriodFactory, audit_day
from tests.factories.contests import ContestFactory, EntryFactory, EntryMemberFactory, PrizeTierFactory
from tests.factories.plans import ActionPlanFactory

DEADLINE = date(2022, 11, 15)
TODAY = date(2023, 1, 10)  # after the deadline and both audit periods
BASELINE_DAYS = [date(2022, 10, 17), date(2022, 10, 18), date(2022, 10, 19)]
FINAL_DAYS = [date(2022, 12, 5), date(2022, 12, 6), date(2022, 12, 7)]


def setup_programme(programme):
    programme.plan_deadline = DEADLINE
    programme.required_audit_days = 3
    programme.reduction_target_pct = Decimal("20")
    programme.save()
    return {
        Phase.BASELINE: AuditPeriodFactory(programme=programme, phase=Phase.BASELINE),
        Phase.FINAL: AuditPeriodFactory(programme=programme, phase=Phase.FINAL),
    }


def add_school(programme, periods, index, *, area, plan=True, audits=True, entries=1, teacher=True):
    """A school with an approved plan, three baseline and three final days (final = baseline × (0.7 + 0.05 i)),
    `entries` submitted entries; the first of every three lacks a plan and its final days (late)."""
    school = SchoolFactory(
        code=f"mon-{programme.pk}-{index:04d}",
        name=f"Trường THCS Số {index:04d}",
        area=area,
        level=SchoolLevel.LOWER_SECONDARY if index % 2 else SchoolLevel.PRIMARY,
    )
    EnrolmentFactory(programme=programme, school=school)
    if teacher:
        user = UserFactory(username=f"gv-{programme.pk}-{index}", email=f"gv{index}@example.org")
        membership_grant(user=user, role=Role.TEACHER, school=school)
    late = index % 3 == 0
    if plan and not late:
        ActionPlanFactory(
            programme=programme,
            school=school,
            status=PlanStatus.APPROVED,
            first_submitted_at=datetime(2022, 11, 10, tzinfo=UTC),
        )
    if audits:
        for day in BASELINE_DAYS:
            audit_day(
                period=periods[Phase.BASELINE],
                school=school,
                day=day,
                persons=100,
                lines={"organic": 4000, "lvp_straw": (1000, 200)},
            )
        if not late:
            factor = 0.7 + 0.05 * (index % 5)
            for day in FINAL_DAYS:
                audit_day(
                    period=periods[Phase.FINAL],
                    school=school,
                    day=day,
                    persons=100,
                    lines={"organic": round(4000 * factor), "lvp_straw": (round(1000 * factor), 150)},
                )
    return school


def add_contest(programme, schools, *, awarded=1, decided_by=None):
    contest = ContestFactory(programme=programme, status=ContestStatus.RESULTS_PUBLISHED, title="Sáng kiến xanh")
    first = PrizeTierFactory(contest=contest, order=1, name="Giải Nhất", count=1)
    PrizeTierFactory(contest=contest, order=2, name="Giải Nhì", count=2)
    entries = []
    for school in schools:
        entry = EntryFactory(contest=contest, school=school, status=EntryStatus.SUBMITTED)
        EntryMemberFactory(entry=entry)
        entries.append(entry)
    decided_by = decided_by or UserFactory()
    for entry in entries[:awarded]:
        Award.objects.create(contest=contest, entry=entry, tier=first, decided_by=decided_by)
    return contest, entries


def build(world, n, *, contest=True):
    """`n` schools in the world's ward (under the officer's district) enrolled in the world's programme."""
    programme = world.programme
    periods = setup_programme(programme)
    schools = [world.school]
    for index in range(1, n):
        schools.append(add_school(programme, periods, index, area=world.ward))
    if contest:
        add_contest(programme, schools[1:], decided_by=world.organiser)
    return programme, schools


def other_ward(world):
    return AreaFactory(parent=world.district, name="Phường Mỹ Đình 1", code="my-dinh-1")

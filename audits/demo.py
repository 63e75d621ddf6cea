"""Demo waste audits for the Nam Từ Liêm low-value plastic programme (2022), made through services.

Each of the 24 schools weighs five baseline days (17–21/10/2022) and five final days
(5–9/12/2022); the final weeks are about 20% lighter per person-day, low-value plastic
more. A few days are flagged abnormal (an event, an exam) and so left out. The rest of
each period (24–28/10 and 12–16/12) stays free for recording in the workspace.
Idempotent: days are keyed by (school, date) and a second run adds nothing.
"""

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

from audits.enums import Abnormal, CollectionArea, Phase
from audits.models import AuditSession, WasteCategory
from audits.services import DayInput, audit_period_ensure, audit_session_save, audit_session_verify
from schools.enums import Role
from schools.models import Membership, Programme, SchoolYearProfile

PROGRAMME = "nhua-gia-tri-thap-nam-tu-liem-2022"
PERIODS = {
    Phase.BASELINE: (date(2022, 10, 17), date(2022, 10, 28)),
    Phase.FINAL: (date(2022, 12, 5), date(2022, 12, 16)),
}
DAYS = 5
# Typical grams per person-day at baseline in a Hanoi lower-secondary school with a canteen.
BASELINE_G = {
    "organic": 38.0,
    "paper": 9.0,
    "milk_carton": 5.5,
    "paper_cup": 0.8,
    "pet_bottle": 2.6,
    "rigid_plastic": 1.4,
    "metal_can": 0.9,
    "glass": 0.3,
    "lvp_nylon_bag": 3.2,
    "lvp_foam": 1.6,
    "lvp_wrapper": 2.2,
    "lvp_cup_lid": 1.1,
    "lvp_straw": 0.35,
    "lvp_cutlery": 0.5,
    "lvp_sachet": 0.6,
    "residual": 7.5,
}
# Schools (by position) with an abnormal day: (phase, day index, flag, mass factor)
ABNORMAL = {
    2: (Phase.FINAL, 3, Abnormal.EVENT, 2.6),
    9: (Phase.BASELINE, 1, Abnormal.EXAM, 0.5),
    17: (Phase.FINAL, 4, Abnormal.HALF_DAY, 0.45),
}
AREAS = [CollectionArea.CLASSROOMS, CollectionArea.CANTEEN, CollectionArea.SCHOOLYARD]


def _weekdays(start: date, count: int) -> list[date]:
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def seed(*, stdout, password: str) -> None:
    programme = Programme.objects.filter(slug=PROGRAMME).first()
    if programme is None:
        stdout.write("audits: the Nam Từ Liêm programme is missing; run the schools demo first.")
        return
    periods = {
        phase: audit_period_ensure(programme=programme, phase=phase, starts_on=start, ends_on=end)
        for phase, (start, end) in PERIODS.items()
    }
    categories = {c.code: c for c in WasteCategory.objects.filter(code__in=BASELINE_G)}
    schools = list(programme.schools.order_by("code"))
    enrolments = dict(
        SchoolYearProfile.objects.filter(school__in=schools, year=programme.school_year).values_list(
            "school_id", "enrolment"
        )
    )
    teachers = {
        m.school_id: m.user
        for m in Membership.objects.filter(role=Role.TEACHER, school__in=schools).select_related("user")
    }
    existing = set(AuditSession.objects.filter(school__in=schools).values_list("school_id", "date"))
    created = 0
    for index, school in enumerate(schools):
        rng = random.Random(school.code)
        students = int((enrolments.get(school.pk) or 1000) * rng.uniform(0.9, 0.97))
        staff = max(20, students // 22)
        size_factor = rng.uniform(0.75, 1.3)
        change = rng.uniform(0.66, 0.94)  # final ÷ baseline, about 0.8 on average
        teacher = teachers.get(school.pk)
        for phase, period in periods.items():
            for number, day in enumerate(_weekdays(period.starts_on, DAYS)):
                if (school.pk, day) in existing:
                    continue
                flag = ABNORMAL.get(index)
                abnormal, factor = (), 1.0
                if flag and flag[0] == phase and flag[1] == number:
                    abnormal, factor = (flag[2],), flag[3]
                present = int(students * rng.uniform(0.95, 1.0) * (0.5 if Abnormal.HALF_DAY in abnormal else 1))
                lines = _day_lines(
                    rng, categories, phase, persons=present + staff, size=size_factor, factor=factor, change=change
                )
                areas = AREAS if not (index == 5 and phase == Phase.FINAL) else AREAS[:2]
                session, _changed = audit_session_save(
                    school=school,
                    period=period,
                    client_id=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-audit/{school.code}/{day.isoformat()}"),
                    user=teacher,
                    day=DayInput(
                        date=day, students_present=present, staff_present=staff, abnormal=abnormal, areas=areas
                    ),
                    lines=lines,
                    submit=True,
                )
                audit_session_verify(session=session, user=teacher)
                created += 1
    stdout.write(f"audits: {len(periods)} periods, {created} audit days created for {len(schools)} schools.")


def _day_lines(rng, categories: dict, phase, *, persons: int, size: float, factor: float, change: float) -> dict:
    """category pk → (mass in g rounded to 10, item count for counted categories): BASELINE_G
    per person-day × the school's `size` ±15 % × the day's `factor`; the final phase ×
    `change`, low-value plastic 15 % lighter still. Draws from `rng` in category order."""
    lines = {}
    for code, grams in BASELINE_G.items():
        rate = grams * size * rng.uniform(0.85, 1.15) * factor
        if phase == Phase.FINAL:
            rate *= change * (0.85 if code.startswith("lvp_") else 1.0)
        mass = Decimal(round(rate * persons / 10) * 10)
        category = categories[code]
        count = None
        if category.by_count and category.typical_item_mass_g:
            count = int(mass / category.typical_item_mass_g)
        lines[category.pk] = (mass, count)
    return lines

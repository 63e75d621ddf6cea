import uuid
from datetime import date

import factory

from audits.enums import Phase, SessionStatus
from audits.models import AuditLine, AuditPeriod, AuditSession, WasteCategory

from .places import SchoolFactory
from .programmes import ProgrammeFactory


def category(code: str) -> WasteCategory:
    """A seeded category (the data migration made them)."""
    return WasteCategory.objects.get(code=code)


class AuditPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditPeriod
        django_get_or_create = ("programme", "phase")

    programme = factory.SubFactory(ProgrammeFactory)
    phase = Phase.BASELINE
    starts_on = factory.LazyAttribute(lambda o: date(2022, 10, 17) if o.phase == Phase.BASELINE else date(2022, 12, 5))
    ends_on = factory.LazyAttribute(lambda o: date(2022, 10, 28) if o.phase == Phase.BASELINE else date(2022, 12, 16))


class AuditSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditSession

    period = factory.SubFactory(AuditPeriodFactory)
    school = factory.SubFactory(SchoolFactory)
    date = factory.LazyAttribute(lambda o: o.period.starts_on)
    students_present = 100
    staff_present = 0
    status = SessionStatus.VERIFIED
    client_id = factory.LazyFunction(uuid.uuid4)


class AuditLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditLine

    session = factory.SubFactory(AuditSessionFactory)
    category = factory.LazyFunction(lambda: category("organic"))
    mass_g = 1000
    item_count = None


def audit_day(*, period, school, day, persons, lines, staff=0, abnormal=(), status=SessionStatus.VERIFIED, areas=()):
    """A day with its lines: `lines` maps category code → mass_g or (mass_g, item_count)."""
    session = AuditSessionFactory(
        period=period,
        school=school,
        date=day,
        students_present=persons - staff,
        staff_present=staff,
        abnormal=list(abnormal),
        areas=list(areas),
        status=status,
    )
    for code, value in lines.items():
        mass, count = value if isinstance(value, tuple) else (value, None)
        AuditLineFactory(session=session, category=category(code), mass_g=mass, item_count=count)
    return session

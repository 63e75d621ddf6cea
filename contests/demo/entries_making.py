"""How the entries demo makes its entries: who sends them, and the service calls for one.

Used by every contest of `contests.demo.entries`; the 2022 replay's times are Hanoi's.
"""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from contests.entries.services import entry_save, entry_submit
from contests.models import Entry
from schools.enums import Role
from schools.models import Membership, Programme, Student

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at_hanoi(*args) -> datetime:
    return datetime(*args, tzinfo=HANOI)


def teachers_by_school() -> dict[int, object]:
    """One teacher per school (the first by username), loaded once."""
    teachers = {}
    rows = Membership.objects.filter(role=Role.TEACHER).select_related("user").order_by("user__username")
    for m in rows:
        teachers.setdefault(m.school_id, m.user)
    return teachers


def students_by_school() -> dict[int, list[Student]]:
    students = {}
    rows = Student.objects.filter(active=True).select_related("classroom", "user").order_by("classroom__name", "pk")
    for s in rows:
        students.setdefault(s.school_id, []).append(s)
    return students


def entry_make(contest, school, user, at, *, members=(), submit=True, **fields) -> Entry:
    client_id = uuid.uuid4()  # idempotent per contest: a contest with entries is not seeded again
    entry, _created = entry_save(
        contest=contest, school=school, user=user, client_id=client_id, data=fields, members=list(members)
    )
    if submit:
        entry = entry_submit(entry=entry, user=user, at=at)
    return entry


def programme_named(slug):
    return Programme.objects.get(slug=slug)

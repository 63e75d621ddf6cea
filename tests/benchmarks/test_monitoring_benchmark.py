"""Scale timings of the monitoring board and the programme summary API. Not in the normal run.

Run (PostgreSQL, its own database name):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool_bench \
        .venv/bin/python -m pytest tests/benchmarks/test_monitoring_benchmark.py -s -p no:cacheprovider -o addopts=""

Builds one programme of 3,000 schools with an action plan each (most approved, some
late), 5 verified baseline and 5 final audit days per school with 8 categories a day
(240,000 lines, COPY), an initiative contest with one entry per school, prize tiers and
60 awards; then times the board's selector (organiser and district officer), the
rendered board, its XLSX export and GET /api/v1/programmes/<slug>/summary/, printing
median and p95 times and query counts.
"""

import random
import statistics
import time
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from audits.enums import Phase, SessionStatus
from audits.models import AuditPeriod, AuditSession
from audits.selectors import recordable_categories
from contests.enums import ContestKind, ContestStatus, EntryStatus
from contests.models import Award, Contest, Entry, PrizeTier
from home.models import User
from schools.enums import AreaKind, PlanStatus, Role, SchoolLevel
from schools.models import ActionPlan, Area, Enrolment, Membership, Programme, School, SchoolYear
from schools.monitoring.selectors import board_for
from tests.conftest import fresh

SCHOOLS, DAYS, CATEGORIES, AWARDS = 3000, 5, 8, 60
BASELINE_START, FINAL_START = date(2022, 10, 3), date(2022, 11, 28)
RUNS = 7

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL")


def _weekdays(start, count):
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _step(label, started):
    print(f"  {label:<60} {time.perf_counter() - started:8.2f} s")


def _build():
    started = time.perf_counter()
    city = Area.add_root(kind=AreaKind.CITY, name="Hà Nội", code="bench-city")
    district = city.add_child(kind=AreaKind.DISTRICT_CLUSTER, name="Quận", code="bench-district")
    wards = [district.add_child(kind=AreaKind.WARD, name=f"Phường {i}", code=f"bench-ward-{i}") for i in range(30)]
    year = SchoolYear.objects.create(name="2022-2023", starts_on=date(2022, 9, 1), ends_on=date(2023, 5, 31))
    programme = Programme.objects.create(
        name="Bench",
        slug="bench",
        school_year=year,
        area=district,
        is_published=True,
        plan_deadline=date(2022, 11, 15),
        required_audit_days=DAYS,
    )
    schools = School.objects.bulk_create(
        [
            School(code=f"s{i:05d}", name=f"Trường {i:05d}", level=SchoolLevel.LOWER_SECONDARY, area=wards[i % 30])
            for i in range(SCHOOLS)
        ]
    )
    Enrolment.objects.bulk_create([Enrolment(programme=programme, school=s) for s in schools])
    submitted = datetime(2022, 11, 10, tzinfo=UTC)
    ActionPlan.objects.bulk_create(
        [
            ActionPlan(
                programme=programme,
                school=s,
                status=PlanStatus.APPROVED if i % 10 else PlanStatus.DRAFT,
                first_submitted_at=submitted if i % 10 else None,
            )
            for i, s in enumerate(schools)
        ],
        batch_size=1000,
    )
    _step(f"{SCHOOLS} schools, enrolments and plans (bulk_create)", started)

    started = time.perf_counter()
    periods = {
        Phase.BASELINE: AuditPeriod.objects.create(
            programme=programme, phase=Phase.BASELINE, starts_on=BASELINE_START, ends_on=BASELINE_START + timedelta(27)
        ),
        Phase.FINAL: AuditPeriod.objects.create(
            programme=programme, phase=Phase.FINAL, starts_on=FINAL_START, ends_on=FINAL_START + timedelta(27)
        ),
    }
    now = timezone.now()
    sessions = [
        AuditSession(
            period=periods[phase],
            school=school,
            date=day,
            students_present=900,
            staff_present=40,
            areas=["canteen", "classrooms"],
            status=SessionStatus.VERIFIED,
            client_id=uuid.uuid4(),
            submitted_at=now,
            verified_at=now,
        )
        for school in schools
        for phase, start in ((Phase.BASELINE, BASELINE_START), (Phase.FINAL, FINAL_START))
        for day in _weekdays(start, DAYS)
    ]
    AuditSession.objects.bulk_create(sessions, batch_size=5000)
    categories = [c.pk for c in recordable_categories()][:CATEGORIES]
    rng = random.Random(1)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            "COPY audits_auditline (session_id, category_id, mass_g, item_count) FROM STDIN"
        ) as copy:
            for session in sessions:
                factor = 0.8 if session.period_id == periods[Phase.FINAL].pk else 1.0
                for category in categories:
                    copy.write_row(
                        (session.pk, category, round(rng.uniform(200, 9000) * factor, 1), rng.randint(0, 300))
                    )
        cursor.execute("ANALYZE audits_auditline; ANALYZE audits_auditsession")
    _step(f"{len(sessions):,} verified days, {len(sessions) * CATEGORIES:,} lines (COPY)", started)

    started = time.perf_counter()
    organiser = User.objects.create(username="bench-btc", full_name="Ban tổ chức", is_superuser=True)
    officer = User.objects.create(username="bench-canbo", full_name="Cán bộ")
    Membership.objects.create(user=officer, role=Role.OFFICER, area=district)
    contest = Contest.objects.create(
        programme=programme,
        kind=ContestKind.INITIATIVE,
        title="Sáng kiến",
        slug="bench-contest",
        code_prefix="SK",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=30),
        status=ContestStatus.RESULTS_PUBLISHED,
    )
    tiers = [
        PrizeTier.objects.create(contest=contest, order=i + 1, name=n, count=c)
        for i, (n, c) in enumerate([("Nhất", 5), ("Nhì", 15), ("Ba", 40)])
    ]
    entries = Entry.objects.bulk_create(
        [
            Entry(contest=contest, school=s, code=f"SK-{i:05d}", title=f"Sáng kiến {i}", status=EntryStatus.ELIGIBLE)
            for i, s in enumerate(schools)
        ],
        batch_size=1000,
    )
    Award.objects.bulk_create(
        [
            Award(contest=contest, entry=e, tier=tiers[0 if i < 5 else 1 if i < 20 else 2], decided_by=organiser)
            for i, e in enumerate(entries[:AWARDS])
        ]
    )
    _step(f"a contest: {len(entries):,} entries, {AWARDS} awards", started)
    return programme, organiser, officer


def _timed(label, func):
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)  # execute_wrapper: survives the request's connection handling
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        result = func()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"  {label:<60} median {statistics.median(times):7.0f} ms  p95 {p95:7.0f} ms  {len(queries):3d} queries")
    return result, len(queries)


@pytest.mark.django_db
def test_monitoring_at_city_scale(client, settings):
    settings.AXES_ENABLED = False
    print(f"\nMonitoring benchmark on {connection.vendor} ({connection.settings_dict['NAME']}), {RUNS} runs each")
    programme, organiser, officer = _build()

    board, count = _timed("board selector (organiser, 3,000 schools)", lambda: board_for(fresh(organiser), programme))
    assert len(board.all_rows) == SCHOOLS and count <= 14
    print(f"    {[s.text for s in board.stats]}")
    _board, count = _timed("board selector (district officer)", lambda: board_for(fresh(officer), programme))
    assert count <= 16  # two more: the officer's schools, and are they all the enrolled ones?
    client.force_login(officer)
    url = f"/workspace/monitoring/{programme.slug}/"
    response, count = _timed("GET board page (officer, rendered, 3,000 rows)", lambda: client.get(url))
    assert response.status_code == 200
    print(f"    HTML {len(response.content) / 1024:.0f} KiB")
    response, count = _timed("GET board page filtered to late schools", lambda: client.get(url + "?state=late"))
    assert response.status_code == 200
    response, count = _timed("GET board XLSX export (3,000 rows)", lambda: client.get(url + "export.xlsx"))
    assert response.status_code == 200
    client.logout()
    api = f"/api/v1/programmes/{programme.slug}/summary/"
    response, count = _timed("GET summary API (anonymous, published)", lambda: client.get(api))
    assert response.status_code == 200
    data = response.json()
    assert data["plans"]["total"] == SCHOOLS and data["audits"]["schools_paired"] == SCHOOLS
    print(
        f"    reduction {data['audits']['reduction_pct']} %, entries {data['contests']['entries']}, "
        f"awards {data['contests']['awards']}"
    )

"""Scale timings of waste audits. Not part of the normal run (pyproject ignores tests/benchmarks).

Run (PostgreSQL; its own database name so it does not meet other benchmarks' test database):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool_audits \
        .venv/bin/python -m pytest tests/benchmarks/test_audits_benchmark.py -s -p no:cacheprovider -o addopts=""

Builds 3,000 schools enrolled in one programme with 60,000 verified audit days and
1,000,000 audit lines (COPY), then times and counts the queries of: the import of a
100,000-line CSV (validation + write, all or nothing), the programme summary
(`programme_results`), the summary API and the programme results page.
"""

import io
import random
import time
import uuid
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audits.enums import Phase, SessionStatus
from audits.imports import import_audits
from audits.models import AuditLine, AuditPeriod, AuditSession
from audits.results import programme_results
from audits.selectors import recordable_categories
from schools.enums import AreaKind, SchoolLevel
from schools.models import Area, Enrolment, Programme, School, SchoolYear

SCHOOLS, DAYS_PER_PHASE, LINES = 3000, 10, 1_000_000
IMPORT_LINES = 100_000
BASELINE_START, FINAL_START = date(2022, 10, 3), date(2022, 11, 28)

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL")


def _weekdays(start, count):
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _step(label, started):
    print(f"  {label:<56} {time.perf_counter() - started:8.2f} s")


def _build():
    started = time.perf_counter()
    city = Area.add_root(kind=AreaKind.CITY, name="Hà Nội", code="bench-city")
    ward = city.add_child(kind=AreaKind.WARD, name="Phường", code="bench-ward")
    year = SchoolYear.objects.create(name="2022-2023", starts_on=date(2022, 9, 1), ends_on=date(2023, 5, 31))
    programme = Programme.objects.create(name="Bench", slug="bench", school_year=year, area=city, is_published=True)
    schools = School.objects.bulk_create(
        [
            School(code=f"s{i:05d}", name=f"Trường {i:05d}", level=SchoolLevel.LOWER_SECONDARY, area=ward)
            for i in range(SCHOOLS)
        ]
    )
    Enrolment.objects.bulk_create([Enrolment(programme=programme, school=s) for s in schools])
    periods = {
        Phase.BASELINE: AuditPeriod.objects.create(
            programme=programme,
            phase=Phase.BASELINE,
            starts_on=BASELINE_START,
            ends_on=BASELINE_START + timedelta(days=27),
        ),
        Phase.FINAL: AuditPeriod.objects.create(
            programme=programme, phase=Phase.FINAL, starts_on=FINAL_START, ends_on=FINAL_START + timedelta(days=27)
        ),
    }
    now = timezone.now()
    sessions = []
    for school in schools:
        for phase, start in ((Phase.BASELINE, BASELINE_START), (Phase.FINAL, FINAL_START)):
            for day in _weekdays(start, DAYS_PER_PHASE):
                sessions.append(
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
                )
    AuditSession.objects.bulk_create(sessions, batch_size=5000)
    _step(f"{SCHOOLS} schools, {len(sessions)} verified days (bulk_create)", started)

    started = time.perf_counter()
    categories = [c.pk for c in recordable_categories()]
    assert len(categories) == 17
    rng = random.Random(1)
    written = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            "COPY audits_auditline (session_id, category_id, mass_g, item_count) FROM STDIN"
        ) as copy:
            for i, session in enumerate(sessions):
                factor = 0.8 if session.period_id == periods[Phase.FINAL].pk else 1.0
                for category in categories if i % 3 else categories[:16]:
                    copy.write_row(
                        (session.pk, category, round(rng.uniform(200, 9000) * factor, 1), rng.randint(0, 300))
                    )
                    written += 1
    assert written == LINES
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE audits_auditline; ANALYZE audits_auditsession")
    _step(f"{written:,} audit lines (COPY)", started)
    return programme, schools, periods


def _import_file(schools, periods) -> bytes:
    """100,000 lines: new days in the free weekdays of both periods, 17 categories a day."""
    codes = [c.code for c in recordable_categories()]
    free = [(Phase.BASELINE, d) for d in _weekdays(BASELINE_START, 20)[DAYS_PER_PHASE:]]
    free += [(Phase.FINAL, d) for d in _weekdays(FINAL_START, 20)[DAYS_PER_PHASE:]]
    out = io.StringIO()
    out.write("school_code,phase,date,persons_present,category_code,mass_g,item_count\n")
    lines = 0
    day_index = 0
    while lines < IMPORT_LINES:
        school = schools[day_index % len(schools)]
        phase, day = free[day_index // len(schools)]
        for code in codes:
            if lines == IMPORT_LINES:
                break
            out.write(f'{school.code},{phase},{day.isoformat()},935,{code},"{1000 + lines % 5000},5",{lines % 90}\n')
            lines += 1
        day_index += 1
    return out.getvalue().encode("utf-8")


def _timed(label, func, repeat=3):
    with CaptureQueriesContext(connection) as queries:
        result = func()
    count = len(queries)
    start = time.perf_counter()
    for _ in range(repeat):
        func()
    elapsed = (time.perf_counter() - start) / repeat
    print(f"  {label:<56} {elapsed * 1000:8.0f} ms  {count:3d} queries")
    return result, count


@pytest.mark.django_db
def test_audits_at_city_scale(settings, client):
    settings.IMPORT_MAX_ROWS = 200_000
    settings.IMPORT_MAX_BYTES = 50 * 1024 * 1024
    settings.AXES_ENABLED = False
    print(f"\nWaste audits benchmark on {connection.vendor} ({connection.settings_dict['NAME']})")
    programme, schools, periods = _build()
    assert AuditLine.objects.count() == LINES

    results, count = _timed(
        "programme summary (programme_results), 3,000 schools", lambda: programme_results(programme)
    )
    assert results.schools_enrolled == SCHOOLS and results.schools_paired == SCHOOLS
    assert count <= 6, "the summary must not query per school"
    print(
        f"    pooled reduction {results.reduction_pct:.1f} %, median school {results.median_school_reduction_pct:.1f} %"
    )

    url = f"/api/v1/programmes/{programme.slug}/audit-summary/"
    response, count = _timed("GET audit-summary API (anonymous, published)", lambda: client.get(url))
    assert response.status_code == 200 and count <= 8
    print(f"    JSON {len(response.content) / 1024:.0f} KiB")

    data = _import_file(schools, periods)
    print(f"  import file: {IMPORT_LINES:,} lines, {len(data) / 1024 / 1024:.1f} MiB")
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = import_audits(SimpleUploadedFile("bench.csv", data), programme=programme)
        elapsed = time.perf_counter() - started
    assert result.ok, result.errors[:5]
    assert result.created == IMPORT_LINES
    print(f"  {'import of 100,000 lines (validate + write)':<56} {elapsed * 1000:8.0f} ms  {len(queries):3d} queries")

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        again = import_audits(SimpleUploadedFile("bench.csv", data), programme=programme)
        elapsed = time.perf_counter() - started
    assert again.ok and again.created == 0 and again.unchanged == IMPORT_LINES
    print(f"  {'same file again (idempotent: 0 created)':<56} {elapsed * 1000:8.0f} ms  {len(queries):3d} queries")

    bad = data + b"s00001,final,2022-12-30,935,organic,-1,\n"
    started = time.perf_counter()
    refused = import_audits(SimpleUploadedFile("bad.csv", bad), programme=programme)
    elapsed = time.perf_counter() - started
    print(f"  {'same file + one bad line (refused, nothing written)':<56} {elapsed * 1000:8.0f} ms")
    assert not refused.ok and AuditLine.objects.count() == LINES + IMPORT_LINES

    results, count = _timed("programme summary after the import (1.1 M lines)", lambda: programme_results(programme))
    assert count <= 6
    print(f"    pooled reduction {results.reduction_pct:.1f} %")

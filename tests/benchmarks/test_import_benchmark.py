"""Time of a 100,000-line audit import (validate + write, all or nothing), phase by phase.

Not part of the normal run (pyproject ignores tests/benchmarks). SQLite:
    .venv/bin/python -m pytest tests/benchmarks/test_import_benchmark.py -s -p no:cacheprovider -o addopts=""
PostgreSQL (also times a COPY of the same rows into a table with the real indexes):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool_bench .venv/bin/python -m pytest ...

Builds 1,000 schools enrolled in one programme with both audit periods, then imports a CSV of
100,000 new lines (17 categories a day, ~5,900 days).
"""

import cProfile
import io
import os
import pstats
import time
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

from audits.enums import Phase
from audits.imports import import_audits
from audits.models import AuditLine, AuditPeriod
from audits.selectors import recordable_categories
from schools.enums import AreaKind, SchoolLevel
from schools.models import Area, Enrolment, Programme, School, SchoolYear

SCHOOLS, LINES = 1000, 100_000
BASELINE_START, FINAL_START = date(2022, 10, 3), date(2022, 11, 28)


def _weekdays(start, count):
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _build():
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
    for phase, start in ((Phase.BASELINE, BASELINE_START), (Phase.FINAL, FINAL_START)):
        AuditPeriod.objects.create(
            programme=programme, phase=phase, starts_on=start, ends_on=start + timedelta(days=27)
        )
    return programme, schools


def _file(schools) -> bytes:
    codes = [c.code for c in recordable_categories()]
    days = [(Phase.BASELINE, d) for d in _weekdays(BASELINE_START, 20)]
    days += [(Phase.FINAL, d) for d in _weekdays(FINAL_START, 20)]
    out = io.StringIO()
    out.write("school_code,phase,date,persons_present,category_code,mass_g,item_count\n")
    lines = day_index = 0
    while lines < LINES:
        school = schools[day_index % len(schools)]
        phase, day = days[day_index // len(schools)]
        for code in codes:
            if lines == LINES:
                break
            out.write(f'{school.code},{phase},{day.isoformat()},935,{code},"{1000 + lines % 5000},5",{lines % 90}\n')
            lines += 1
        day_index += 1
    return out.getvalue().encode("utf-8")


def _copy_time(data: bytes) -> float:
    """COPY of the same rows (as ids) into a copy of audits_auditline with its indexes, rolled back."""
    rows = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id) FROM audits_auditsession")
        first = cursor.fetchone()[0]
    categories = [c.pk for c in recordable_categories()]
    for i in range(LINES):
        rows.append((first + i // 17, categories[i % 17], 1000.5 + i % 5000, i % 90))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_lines (LIKE audits_auditline INCLUDING ALL)")
        started = time.perf_counter()
        with cursor.cursor.copy("COPY bench_lines (session_id, category_id, mass_g, item_count) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return elapsed


@pytest.mark.django_db
def test_import_of_100000_audit_lines(settings):
    settings.IMPORT_MAX_ROWS = 200_000
    settings.IMPORT_MAX_BYTES = 50 * 1024 * 1024
    print(f"\nAudit import benchmark on {connection.vendor}")
    programme, schools = _build()
    data = _file(schools)
    print(f"  file: {LINES:,} lines, {len(data) / 1024 / 1024:.1f} MiB")
    profile = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
    started = time.perf_counter()
    if profile:
        profile.enable()
    result = import_audits(SimpleUploadedFile("bench.csv", data), programme=programme, today=date(2023, 1, 31))
    if profile:
        profile.disable()
    elapsed = time.perf_counter() - started
    assert result.ok, result.errors[:5]
    assert result.created == LINES and AuditLine.objects.count() == LINES
    print(f"  import of {LINES:,} lines (validate + write)   {elapsed:6.2f} s")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    started = time.perf_counter()
    again = import_audits(SimpleUploadedFile("bench.csv", data), programme=programme, today=date(2023, 1, 31))
    print(f"  same file again (0 created)                   {time.perf_counter() - started:6.2f} s")
    assert again.ok and again.unchanged == LINES
    if connection.vendor == "postgresql":
        copy = _copy_time(data)
        print(
            f"  COPY of the same rows (indexed table)         {copy:6.2f} s  → import at {copy / elapsed:.0%} of COPY"
        )

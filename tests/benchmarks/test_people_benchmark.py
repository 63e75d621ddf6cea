"""City-scale timings for places and people. Not part of the normal run.

Run (PostgreSQL, as in production):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenschool \
        .venv/bin/python -m pytest tests/benchmarks/test_people_benchmark.py -s -o addopts="" -p no:cacheprovider

Builds Hanoi-sized data (1 city, 30 former districts, 500 wards, 3,000 schools, 3,000
teachers, 30 officers) and prints times and query counts of the pages and rules that
every request of officers and teachers goes through, and of a 2,000-user import.
"""

import time
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import User
from schools.enums import AreaKind, Role, SchoolLevel
from schools.imports.users import import_users
from schools.models import Area, Membership, School

DISTRICTS, WARDS_PER_DISTRICT, SCHOOLS_PER_WARD = 30, 17, 6  # 510 wards, 3,060 schools


def _timed(label, func, repeat=5):
    with CaptureQueriesContext(connection) as queries:
        response = func()
    count = len(queries)  # now: the next request's request_started signal resets the log
    assert response.status_code == 200, (label, response.status_code)
    start = time.perf_counter()
    for _ in range(repeat):
        func()
    elapsed = (time.perf_counter() - start) / repeat
    print(f"  {label:<48} {elapsed * 1000:8.1f} ms  {count:3d} queries")
    return elapsed, count


@pytest.fixture
def city(django_db_blocker, db):
    city = Area.add_root(kind=AreaKind.CITY, name="Hà Nội", code="bench-hn")
    schools, memberships, users = [], [], []
    for d in range(DISTRICTS):
        district = city.add_child(kind=AreaKind.DISTRICT_CLUSTER, name=f"Quận {d}", code=f"bench-d{d}")
        for w in range(WARDS_PER_DISTRICT):
            ward = district.add_child(kind=AreaKind.WARD, name=f"Phường {d}-{w}", code=f"bench-d{d}-w{w}")
            for s in range(SCHOOLS_PER_WARD):
                schools.append(
                    School(code=f"bench-{d}-{w}-{s}", name=f"Trường {d}-{w}-{s}", level=SchoolLevel.PRIMARY, area=ward)
                )
    School.objects.bulk_create(schools, batch_size=1000)
    for school in School.objects.filter(code__startswith="bench-"):
        users.append(User(username=f"gv-{school.code}", full_name="Giáo viên", password="!"))
    User.objects.bulk_create(users, batch_size=1000)
    by_name = {u.username: u for u in User.objects.filter(username__startswith="gv-bench-")}
    for school in School.objects.filter(code__startswith="bench-"):
        memberships.append(Membership(user=by_name[f"gv-{school.code}"], role=Role.TEACHER, school=school))
    Membership.objects.bulk_create(memberships, batch_size=1000)
    officer = User.objects.create(username="bench-officer", full_name="Cán bộ")
    Membership.objects.create(user=officer, role=Role.OFFICER, area=Area.objects.get(code="bench-d0"))
    city_officer = User.objects.create(username="bench-city", full_name="Cán bộ thành phố")
    Membership.objects.create(user=city_officer, role=Role.OFFICER, area=city)
    return {"officer": officer, "city_officer": city_officer, "teacher": by_name["gv-bench-0-0-0"]}


@pytest.mark.django_db
def test_people_at_city_scale(city, client, settings):
    settings.AXES_ENABLED = False
    print(f"\n{School.objects.count()} schools, {Area.objects.count()} areas, {User.objects.count()} users")
    for who in ("teacher", "officer", "city_officer"):
        client.force_login(city[who])
        _timed(f"workspace home ({who})", lambda: client.get(reverse("workspace:home")))
        _timed(f"schools list ({who})", lambda: client.get(reverse("workspace:schools")))
        _timed(
            f"schools list search 'truong 3' ({who})", lambda: client.get(reverse("workspace:schools") + "?q=truong+3")
        )
    school = School.objects.get(code="bench-29-16-5")
    client.force_login(city["city_officer"])
    _timed(
        "school page (city officer, deepest school)", lambda: client.get(reverse("workspace:school", args=[school.pk]))
    )

    rows = ["username,full_name,role,school_code,class_name,email"]
    for n in range(2000):
        code = f"bench-{n % DISTRICTS}-{n % WARDS_PER_DISTRICT}-{n % SCHOOLS_PER_WARD}"
        if n % 4 == 0:
            rows.append(f"gvmoi{n},Giáo viên {n},teacher,{code},,gvmoi{n}@example.org")
        else:
            rows.append(f"hsmoi{n},Học sinh {n},student,{code},6A{n % 5},")
    data = ("\n".join(rows) + "\n").encode()
    start = time.perf_counter()
    result = import_users(BytesIO(data))
    first = time.perf_counter() - start
    start = time.perf_counter()
    import_users(BytesIO(data))
    again = time.perf_counter() - start
    print(f"  import 2,000 users (500 teachers, 1,500 students)  {first:6.2f} s; same file again {again:6.2f} s")
    assert not result.errors

"""Coverage of action plans: statuses, lateness, filters, the count, XLSX, constant queries; public counts."""

import datetime
import io

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from schools.enums import PlanStatus
from schools.models import ActionPlan
from schools.plans.selectors import plan_is_late, programme_plan_counts
from tests.factories import AreaFactory, EnrolmentFactory, SchoolFactory
from tests.factories.plans import ActionPlanFactory
from tests.schools.plans.support import dated

pytestmark = pytest.mark.django_db
STATUSES = [None, PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED]


def _client(user):
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _enrol(world, count):
    """`count` more schools in the world's ward, cycling through the statuses."""
    submitted = datetime.datetime(2022, 10, 15, 9, tzinfo=datetime.UTC)
    for index in range(count):
        school = SchoolFactory(area=world.ward, name=f"Trường THCS {index:02d}")
        EnrolmentFactory(programme=world.programme, school=school)
        status = STATUSES[index % len(STATUSES)]
        if status:
            ActionPlanFactory(
                programme=world.programme,
                school=school,
                status=status,
                first_submitted_at=None if status == PlanStatus.DRAFT else submitted,
            )


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_coverage_queries_do_not_grow_with_schools(world):
    dated(world.programme)
    url = reverse("workspace:plan_coverage", args=[world.programme.pk])
    client = _client(world.officer)
    one = _queries(client, url)
    _enrol(world, 29)
    thirty = _queries(client, url)
    assert one == thirty
    assert thirty <= 12
    assert _queries(client, url + "?status=approved") == thirty
    xlsx_url = reverse("workspace:plan_coverage_xlsx", args=[world.programme.pk])
    assert _queries(client, xlsx_url) <= thirty


def test_coverage_counts_statuses_lateness_and_filters(world):
    dated(world.programme)
    _enrol(world, 5)  # not started, draft, submitted, returned, approved
    client = _client(world.officer)
    url = reverse("workspace:plan_coverage", args=[world.programme.pk])
    html = client.get(url).content.decode()
    assert "3/6 submitted" in html  # submitted, returned and approved were all filed once
    assert "1/6 approved" in html
    assert html.count('class="late"') == 3  # the deadline has passed for the not started and the draft ones
    only = client.get(url + "?status=not_started").content.decode()
    assert only.count("data-status=") == 2  # the world's own school and one more
    area = AreaFactory(parent=world.district, name="Phường Mỹ Đình 1", code="my-dinh-1")
    far = SchoolFactory(area=area, name="Trường THCS Mỹ Đình")
    EnrolmentFactory(programme=world.programme, school=far)
    by_area = client.get(url + f"?area={area.pk}").content.decode()
    assert by_area.count("data-status=") == 1
    assert 'data-school="' + far.code + '"' in by_area
    bad = client.get(url + "?area=abc&status=nonsense")
    assert bad.status_code == 200


def test_officer_sees_only_schools_under_their_area(world):
    EnrolmentFactory(programme=world.programme, school=world.other_school)
    html = _client(world.officer).get(reverse("workspace:plan_coverage", args=[world.programme.pk])).content.decode()
    assert world.school.code in html
    assert world.other_school.code not in html
    organiser = _client(world.organiser).get(reverse("workspace:plan_coverage", args=[world.programme.pk]))
    assert world.other_school.code in organiser.content.decode()


def test_coverage_exports_xlsx(world):
    dated(world.programme)
    _enrol(world, 5)
    response = _client(world.organiser).get(reverse("workspace:plan_coverage_xlsx", args=[world.programme.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == world.programme.name
    assert rows[2][:2] == ("School code", "School")
    assert len(rows) == 3 + 6
    assert {row[3] for row in rows[3:]} == {"Not started", "Draft", "Submitted", "Returned for changes", "Approved"}


def test_lateness():
    deadline = datetime.date(2022, 10, 20)
    on_time = ActionPlan(first_submitted_at=datetime.datetime(2022, 10, 19, 9, tzinfo=datetime.UTC))
    late = ActionPlan(first_submitted_at=datetime.datetime(2022, 10, 25, 9, tzinfo=datetime.UTC))
    assert not plan_is_late(on_time, deadline, datetime.date(2022, 11, 1))
    assert plan_is_late(late, deadline, datetime.date(2022, 11, 1))
    assert plan_is_late(None, deadline, datetime.date(2022, 10, 21))
    assert not plan_is_late(None, deadline, datetime.date(2022, 10, 20))
    assert not plan_is_late(None, None, datetime.date(2030, 1, 1))


def test_public_counts_only_for_published_programmes(world):
    _enrol(world, 5)
    assert programme_plan_counts(world.programme) is None
    world.programme.is_published = True
    world.programme.save()
    assert programme_plan_counts(world.programme) == {
        "total": 6,
        "not_started": 2,
        "draft": 1,
        "submitted": 2,
        "approved": 1,
    }

"""Result pages, exports and the API: constant queries, the same figures everywhere."""

import csv
import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from audits.enums import Phase
from audits.selectors import recordable_categories
from tests.factories import EnrolmentFactory, SchoolFactory
from tests.factories.audits import audit_day


def _school_with_days(world, periods, school, base_mass=10000, final_mass=8000):
    for day in (date(2022, 10, 17), date(2022, 10, 18), date(2022, 10, 19)):
        audit_day(
            period=periods[Phase.BASELINE],
            school=school,
            day=day,
            persons=100,
            lines={"organic": base_mass, "lvp_straw": (50, 100)},
        )
    for day in (date(2022, 12, 5), date(2022, 12, 6), date(2022, 12, 7)):
        audit_day(
            period=periods[Phase.FINAL],
            school=school,
            day=day,
            persons=100,
            lines={"organic": final_mass, "lvp_straw": (20, 40)},
        )


def _add_schools(world, periods, count):
    for i in range(count):
        school = SchoolFactory(area=world.ward)
        EnrolmentFactory(programme=world.programme, school=school)
        _school_with_days(world, periods, school, base_mass=10000 + i * 100)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_programme_page_queries_do_not_grow_with_schools(world, periods, client_for):
    client = client_for(world.officer)
    url = reverse("audits:programme", args=[world.programme.slug])
    _school_with_days(world, periods, world.school)
    one = _queries(client, url)
    _add_schools(world, periods, 29)
    thirty = _queries(client, url)
    assert one == thirty
    assert thirty <= 12
    api = reverse("api:programme_audit_summary", kwargs={"slug": world.programme.slug})
    assert _queries(client, api) <= 10


def test_school_results_page_shows_the_figures(world, periods, client_for):
    _school_with_days(world, periods, world.school)
    client = client_for(world.teacher)
    client.cookies["django_language"] = "en"
    url = reverse("audits:school_results", args=[world.school.pk, world.programme.slug])
    response = client.get(url)
    html = response.content.decode()
    assert 'id="baseline-rate">100.5<' in html  # (10,000 + 50) g / 100 persons
    assert 'id="final-rate">80.2<' in html
    assert "−20.2 %" in html
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert _queries(client, url) <= 12


def test_programme_exports_csv_and_xlsx(world, periods, client_for):
    _school_with_days(world, periods, world.school)
    client = client_for(world.organiser)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("audits:programme_export", args=[world.programme.slug, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["School code", "School", "Paired"]
    assert rows[1][0] == "thcs-cau-dien" and rows[1][5:8] == ["100.5", "80.2", "20.2"]
    response = client.get(reverse("audits:programme_export", args=[world.programme.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(2, 1).value == "thcs-cau-dien" and sheet.cell(2, 8).value == 20.2
    assert client.get(reverse("audits:programme_export", args=[world.programme.slug, "pdf"])).status_code == 404
    response = client.get(reverse("audits:school_export", args=[world.school.pk, world.programme.slug, "csv"]))
    assert 'organic,"Organic waste (food scraps, leaves)",100.0,80.0,,,20.0' in response.content.decode("utf-8-sig")


def test_api_summary_fields_and_rounding(world, periods, client):
    _school_with_days(world, periods, world.school)
    other = SchoolFactory(code="thcs-b", area=world.ward, name="B")
    EnrolmentFactory(programme=world.programme, school=other)
    _school_with_days(world, periods, other, base_mass=30000, final_mass=20000)
    world.programme.is_published = True
    world.programme.save()
    data = client.get(f"/api/v1/programmes/{world.programme.slug}/audit-summary/").json()
    assert {
        k: data[k]
        for k in (
            "schools_enrolled",
            "schools_paired",
            "reduction_pct",
            "low_value_plastic_reduction_pct",
            "low_value_plastic_items_reduction_pct",
            "median_school_reduction_pct",
            "schools_meeting_target",
            "target_pct",
        )
    } == {
        "schools_enrolled": 2,
        "schools_paired": 2,
        # pooled: 1 − (84,120/600)/(120,300/600) = 30.07…; the mean of 20.2 and 33.4 would say 26.8
        "reduction_pct": 30.1,
        "low_value_plastic_reduction_pct": 60.0,
        "low_value_plastic_items_reduction_pct": 60.0,
        "median_school_reduction_pct": 26.8,
        "schools_meeting_target": 2,
        "target_pct": 20.0,
    }
    school = data["schools"][0]
    assert set(school) == {
        "code",
        "name",
        "baseline_g_per_person_day",
        "final_g_per_person_day",
        "reduction_pct",
        "paired",
        "flags",
    }
    assert school["code"] == "thcs-b"  # sorted by name: "B" first


def test_api_unknown_programme_is_404_and_unpublished_is_closed(world, client, client_for):
    assert client.get("/api/v1/programmes/khong-co/audit-summary/").status_code == 404
    url = f"/api/v1/programmes/{world.programme.slug}/audit-summary/"
    assert client.get(url).status_code == 401
    assert client_for(world.teacher).get(url).status_code == 403
    assert client_for(world.officer).get(url).status_code == 200


def test_openapi_schema_lists_the_summary(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/programmes/{slug}/audit-summary/" in schema["paths"]


def test_tally_sheet_has_the_form_layout(world, periods, client_for):
    client = client_for(world.teacher)
    response = client.get(reverse("audits:tally_sheet", args=[world.school.pk, periods[Phase.BASELINE].pk]))
    html = response.content.decode()
    assert html.count('class="tally-page"') == world.programme.required_audit_days
    assert html.count('<th scope="row" class="tally-category">Túi ni lông</th>') == world.programme.required_audit_days


def test_tally_sheet_names_categories_in_vietnamese_without_codes(world, periods, client_for):
    """A pupil fills the printed sheet in: category names as the form shows them, no English codes (issue 18)."""
    client = client_for(world.teacher)
    html = client.get(
        reverse("audits:tally_sheet", args=[world.school.pk, periods[Phase.BASELINE].pk])
    ).content.decode()
    names = re.findall(r'<th scope="row" class="tally-category">([^<]+)</th>', html)
    categories = recordable_categories()

    assert names[: len(categories)] == [category.name_vi for category in categories]
    assert "(code)" not in html
    assert [
        category.code
        for category in categories
        if f">{category.code}<" in html or "_" in category.code and category.code in html
    ] == []


@pytest.mark.parametrize("role", ["teacher", "student", "officer", "organiser"])
def test_workspace_home_links_to_audits(world, client_for, role):
    html = client_for(world.user_for(role)).get(reverse("workspace:home")).content.decode()
    target = reverse("audits:school", args=[world.school.pk])
    if role in ("teacher", "student"):
        assert target in html
    else:
        from tests.factories.audits import AuditPeriodFactory

        AuditPeriodFactory(programme=world.programme)
        html = client_for(world.user_for(role)).get(reverse("workspace:home")).content.decode()
        assert reverse("audits:programme", args=[world.programme.slug]) in html

"""The public page of a programme and its live figures (schools.pages.ProgrammePage)."""

from io import StringIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schools.demo.pages import seed_programme_pages
from schools.enums import SchoolLevel, Theme
from schools.selectors import programme_school_counts_by_level
from tests.factories import EnrolmentFactory, SchoolFactory
from tests.factories.pages import ProgrammePageFactory


@pytest.fixture
def programme(world):
    programme = world.programme
    programme.is_published = True
    programme.themes = [Theme.WASTE, Theme.WATER]
    programme.organiser = "CECR"
    programme.save()
    return programme


def test_programme_page_shows_enrolled_school_count_by_level(client, home_page, programme):
    EnrolmentFactory(programme=programme, school=SchoolFactory(level=SchoolLevel.LOWER_SECONDARY))
    EnrolmentFactory(programme=programme, school=SchoolFactory(level=SchoolLevel.PRIMARY))
    page = ProgrammePageFactory(parent=home_page, programme=programme, intro="Giảm thiểu rác thải nhựa giá trị thấp.")

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert response.context["school_total"] == 3
    assert '<span class="display-6 fw-bold text-success" data-figure="school-total">3</span>' in html
    assert '<td class="text-end" data-level="lower_secondary">2</td>' in html
    assert '<td class="text-end" data-level="primary">1</td>' in html
    assert 'data-level="preschool"' not in html


def test_programme_page_shows_the_programme_facts(client, home_page, programme):
    page = ProgrammePageFactory(parent=home_page, programme=programme, intro="Giảm thiểu rác thải nhựa giá trị thấp.")

    html = client.get(page.url).content.decode()

    assert f"{programme.name}</h1>" in html
    assert "Giảm thiểu rác thải nhựa giá trị thấp." in html
    assert programme.school_year.name in html
    assert "Nam Từ Liêm" in html
    assert "CECR" in html
    assert response_themes(html) == [str(Theme.WASTE.label), str(Theme.WATER.label)]


def response_themes(html: str) -> list[str]:
    import re

    return re.findall(r'<li class="list-inline-item badge text-bg-light border">([^<]+)</li>', html)


def test_programme_page_hides_figures_of_an_unpublished_programme(client, home_page, world):
    page = ProgrammePageFactory(parent=home_page, programme=world.programme)

    response = client.get(page.url)

    assert response.status_code == 200
    assert "school_total" not in response.context
    assert 'data-figure="school-total"' not in response.content.decode()


def test_programme_page_queries_same_for_one_and_three_schools(client, home_page, programme):
    page = ProgrammePageFactory(parent=home_page, programme=programme)
    client.get(page.url)
    with CaptureQueriesContext(connection) as one:
        client.get(page.url)
    EnrolmentFactory(programme=programme, school=SchoolFactory(level=SchoolLevel.PRESCHOOL))
    EnrolmentFactory(programme=programme, school=SchoolFactory(level=SchoolLevel.PRIMARY))

    with CaptureQueriesContext(connection) as three:
        response = client.get(page.url)

    assert response.context["school_total"] == 3
    assert len(one.captured_queries) == len(three.captured_queries)
    assert len(three.captured_queries) <= 12


def test_programme_school_counts_by_level_follow_the_levels_order_in_one_query(programme, django_assert_num_queries):
    EnrolmentFactory(programme=programme, school=SchoolFactory(level=SchoolLevel.PRESCHOOL))
    EnrolmentFactory(programme=programme, school=SchoolFactory(level=SchoolLevel.PRESCHOOL))

    with django_assert_num_queries(1):
        counts = programme_school_counts_by_level(programme)

    assert [(row["level"], row["count"]) for row in counts] == [("preschool", 2), ("lower_secondary", 1)]


def test_home_page_links_live_programme_pages(client, home_page, programme):
    page = ProgrammePageFactory(parent=home_page, programme=programme, intro="Chương trình của 24 trường THCS.")

    html = client.get("/").content.decode()

    assert f'<a class="stretched-link" href="{page.url}">{page.title}</a>' in html
    assert "Chương trình của 24 trường THCS." in html


def test_search_finds_programme_page_by_programme_area(client, home_page, programme):
    ProgrammePageFactory(parent=home_page, programme=programme, title="Chương trình nhựa")

    response = client.get("/search/", {"q": "nam tu liem"})

    assert [entry.page.title for entry in response.context["results"]] == ["Chương trình nhựa"]


def test_seed_programme_pages_without_home_page_does_nothing(world):
    out = StringIO()

    assert seed_programme_pages(stdout=out) == []
    assert "no home page" in out.getvalue()

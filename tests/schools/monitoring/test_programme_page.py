"""The ProgrammePage shows the live aggregate figures and chart once the programme is published."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.pages import ProgrammePageFactory
from tests.schools.monitoring.helpers import build


def test_programme_page_shows_audit_and_contest_figures(world, client, home_page):
    programme, schools = build(world, 7)
    programme.is_published = True
    programme.save()
    page = ProgrammePageFactory(parent=home_page, programme=programme)

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(page.url)

    html = response.content.decode()
    figures = response.context["monitoring"]
    assert response.status_code == 200
    assert figures["audits"]["coverage"] == "4/7"
    assert 'data-figure="audits"' in html
    assert f"−{figures['audits']['reduction_pct']:.1f}".replace(".", ",") in html
    assert '<span data-contest="awards">1</span>' in html
    assert 'id="programme-page-chart-title"' in html
    assert len(ctx.captured_queries) <= 30
    with CaptureQueriesContext(connection) as cached:
        again = client.get(page.url)
    assert again.context["monitoring"] == figures
    assert len(cached.captured_queries) <= 12  # the figures come from the cache


def test_programme_page_hides_figures_of_an_unpublished_programme(world, client, home_page):
    programme, schools = build(world, 3)
    page = ProgrammePageFactory(parent=home_page, programme=programme)

    response = client.get(page.url)

    assert "monitoring" not in response.context
    assert 'data-figure="audits"' not in response.content.decode()

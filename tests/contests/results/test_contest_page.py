"""The public ContestPage shows the published winners by tier, names by consent only."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from contests.enums import ContestStatus
from contests.results.services import results_publish
from schools.services import student_consent_record
from tests.factories import StudentFactory
from tests.factories.contests import ContestFactory, EntryMemberFactory, contest_page_factory, scored_round
from tests.factories.pages import HomePageFactory


@pytest.fixture
def home_page(db):
    cache.clear()
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    yield home
    cache.clear()


def _contest_page(world, home_page, *, entries=3, consent=False, public=True, publish=True):
    contest = ContestFactory(programme=world.programme, status=ContestStatus.JUDGING, results_public=public)
    round, rows, _judges = scored_round(
        contest=contest,
        scores=[[90 - i, 80 - i] for i in range(entries)],
        tiers=[("Giải Nhất", 1), ("Giải Nhì", entries - 1)],
        school=world.school,
    )
    named = StudentFactory(classroom=world.classroom, display_name="Phạm Gia Huy")
    if consent:
        student_consent_record(student=named, child=True, guardian=True, recorded_by=None)
    EntryMemberFactory(entry=rows[0], student=named)
    for entry in rows[1:]:
        EntryMemberFactory(entry=entry)
    if publish:
        results_publish(round=round, user=world.organiser)
    page = contest_page_factory()(parent=home_page, contest=contest)
    return page, rows


def test_contest_page_shows_winners_by_tier_with_initials(world, client, home_page):
    page, entries = _contest_page(world, home_page)
    html = client.get(page.url).content.decode()
    winners = html[html.index('id="winners"') :]
    assert winners.index("Giải Nhất <span") < winners.index(entries[0].title) < winners.index("Giải Nhì <span")
    assert winners.index("Giải Nhì <span") < winners.index(entries[1].title)
    assert "P.G.H. (6A1)" in html
    assert "Phạm Gia Huy" not in html
    assert "Trường THCS Cầu Diễn" in html


def test_contest_page_shows_the_name_with_both_consents(world, client, home_page):
    page, _entries = _contest_page(world, home_page, consent=True)
    assert "Phạm Gia Huy" in client.get(page.url).content.decode()


def test_contest_page_without_published_results_has_no_winners(world, client, home_page):
    page, _entries = _contest_page(world, home_page, publish=False)
    assert 'id="winners"' not in client.get(page.url).content.decode()


def test_contest_page_results_not_public_only_for_organisers(world, client_for, home_page, settings):
    settings.AXES_ENABLED = False
    page, _entries = _contest_page(world, home_page, public=False)
    assert 'id="winners"' not in client_for(None).get(page.url).content.decode()
    assert 'id="winners"' in client_for(world.organiser).get(page.url).content.decode()


def test_contest_page_winners_query_count_is_constant(world, client, home_page):
    small, _entries = _contest_page(world, home_page, entries=3)
    client.get(small.url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(small.url).status_code == 200
    small.delete()
    cache.clear()
    large, _entries = _contest_page(world, home_page, entries=12)
    client.get(large.url)
    with CaptureQueriesContext(connection) as many:
        assert client.get(large.url).status_code == 200
    assert len(few.captured_queries) == len(many.captured_queries)

"""The public ContestPage: announcement, rules, prizes, levels, deadline in Hà Nội time,
countdown and the submit button only while the contest accepts entries."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from contests.enums import ContestKind, ContestStatus
from contests.pages import ContestPage, contest_phase
from home.models import HomePage, StandardPage
from tests.factories.contests import ContestFactory, PrizeTierFactory, contest_page_factory
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


@pytest.fixture
def contest(world):
    contest = ContestFactory(
        programme=world.programme,
        kind=ContestKind.SLOGAN,
        title="Khẩu hiệu tiết kiệm nước",
        slug="khau-hieu-nuoc",
        rules="Mỗi học sinh gửi tối đa 3 khẩu hiệu.\n<script>alert(1)</script>",
        summary="Cuộc thi dành cho học sinh các trường.",
        eligible_levels=["primary", "lower_secondary"],
        closes_at=datetime(2030, 11, 30, 10, 0, tzinfo=UTC),  # 17:00 in Hà Nội
        opens_at=timezone.now() - timedelta(days=3),
        max_entries_per_student=3,
    )
    PrizeTierFactory(contest=contest, order=1, name="Giải Nhất", count=1)
    PrizeTierFactory(contest=contest, order=2, name="Giải Nhì", count=2)
    PrizeTierFactory(contest=contest, order=3, name="Giải Khuyến khích", count=5)
    return contest


def _page(home_page, contest, **kwargs):
    return contest_page_factory()(parent=home_page, contest=contest, intro="<p>Thông báo <b>cuộc thi</b></p>", **kwargs)


def test_contest_page_renders_everything(client, home_page, contest):
    page = _page(home_page, contest)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thông báo <b>cuộc thi</b>" in html
    assert "Mỗi học sinh gửi tối đa 3 khẩu hiệu." in html
    assert "<script>alert(1)</script>" not in html
    assert "Giải Nhất" in html and "Giải Khuyến khích" in html
    assert "data-prize-total>8<" in html
    assert 'datetime="2030-11-30T17:00:00+07:00"' in html
    assert "17:00" in html and "30/11/2030" in html
    assert 'data-phase="open"' in html


def test_contest_page_open_has_countdown_and_button(client, home_page, contest):
    html = client.get(_page(home_page, contest).url).content.decode()
    assert 'data-countdown="2030-11-30T17:00:00+07:00"' in html
    assert "js/countdown.js" in html
    assert f'href="{reverse("contests:entry_new", args=[contest.slug])}"' in html
    assert "data-submit-button" in html
    # the no-JS fallback text is in the countdown element
    assert "data-countdown-output" in html


def test_contest_page_after_deadline_no_button(client, home_page, contest):
    contest.opens_at = timezone.now() - timedelta(days=10)
    contest.closes_at = timezone.now() - timedelta(minutes=1)
    contest.save()
    html = client.get(_page(home_page, contest).url).content.decode()
    assert 'data-phase="closed"' in html
    assert "data-submit-button" not in html
    assert "data-countdown=" not in html
    assert "countdown.js" not in html


def test_contest_page_before_opening_no_button(client, home_page, contest):
    contest.opens_at = timezone.now() + timedelta(days=1)
    contest.save()
    html = client.get(_page(home_page, contest).url).content.decode()
    assert 'data-phase="upcoming"' in html
    assert "data-submit-button" not in html


def test_contest_page_draft_contest_in_window_no_button(client, home_page, contest):
    contest.status = ContestStatus.DRAFT
    contest.save()
    html = client.get(_page(home_page, contest).url).content.decode()
    assert "data-submit-button" not in html


def test_contest_phase():
    now = datetime(2030, 1, 10, tzinfo=UTC)
    contest = ContestFactory.build(
        opens_at=datetime(2030, 1, 5, tzinfo=UTC), closes_at=datetime(2030, 1, 20, tzinfo=UTC), status="open"
    )
    assert contest_phase(contest, now) == "open"
    assert contest_phase(contest, datetime(2030, 1, 20, tzinfo=UTC)) == "closed"
    assert contest_phase(contest, datetime(2030, 1, 1, tzinfo=UTC)) == "upcoming"
    contest.status = ContestStatus.JUDGING
    assert contest_phase(contest, now) == "closed"


def test_contest_page_levels_shown_in_vietnamese(client, home_page, contest):
    html = client.get(_page(home_page, contest).url).content.decode()
    assert "data-levels>" in html
    assert "primary" not in html.split("data-levels>")[1].split("<")[0]


def test_contest_page_parents_and_children(db):
    assert ContestPage.can_create_at(HomePage())
    assert ContestPage.can_create_at(StandardPage())
    assert ContestPage.allowed_subpage_models() == []


def test_contest_page_search_text(home_page, contest):
    from home.page_search import page_plain_text

    text = page_plain_text(_page(home_page, contest))
    assert "Khẩu hiệu tiết kiệm nước" in text
    assert "tối đa 3 khẩu hiệu" in text

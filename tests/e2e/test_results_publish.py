"""The jury's chair opens the slogan final's ranking at 360 px from the workspace and
resolves the flagged boundary tie with a reason (he cannot publish); the organiser
publishes, and the public ContestPage shows the winners by tier.

It changes the demo (the tie is resolved once), so it runs at the phone width only.
"""

import re

import pytest

from tests.e2e.conftest import log_in, screenshot, settle

SLOGANS = "khau-hieu-truong-hoc-xanh-hoan-kiem-2022"
RANKING = f"/workspace/contests/results/{SLOGANS}/2/"

CONTEST_PAGE = f"""
from contests.models import Contest
from contests.pages import ContestPage
from home.models import HomePage
contest = Contest.objects.get(slug="{SLOGANS}")
page = ContestPage.objects.filter(contest=contest).first()
if page is None:
    page = ContestPage(title=contest.title, slug=contest.slug, contest=contest)
    HomePage.objects.first().add_child(instance=page)
    page.save_revision().publish()
print(page.get_url())
"""


def _contest_page_url(live_site) -> str:
    """The slogans' public page (made here if the demo has none)."""
    result = live_site.manage("shell", "-c", CONTEST_PAGE)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_chair_resolves_the_tie_organiser_publishes_and_the_public_sees_winners(live_site, page, browser):
    if page.width_name != "phone":
        pytest.skip("changes the demo once: runs at 360 px only")
    log_in(page, live_site, "gk.ha")  # a final judge, the chair of the slogans' jury
    page.goto(live_site.url + "/workspace/")
    page.locator(f"a[href='{RANKING}']").click()
    settle(page)
    assert page.locator("#connected-statement").count() == 1
    tie = page.locator(".boundary-tie")
    assert tie.count() == 1
    screenshot(page, "results-ranking-tie")

    # The chair puts the second tied slogan first and says why.
    selects = tie.locator("select")
    assert selects.count() == 2
    selects.nth(0).select_option("2")
    selects.nth(1).select_option("1")
    tie.locator("textarea[name=reason]").fill("Câu khẩu hiệu ngắn gọn, dễ nhớ hơn khi hô vang trong lễ chào cờ.")
    tie.locator("button[type=submit]").click()
    settle(page)
    assert page.locator(".alert-success").count() == 1
    assert page.locator(".boundary-tie").count() == 0
    assert "Câu khẩu hiệu ngắn gọn" in page.locator("#decisions").inner_text()
    assert page.locator("#publish-link").count() == 0  # publishing stays with the organisers
    screenshot(page, "results-ranking-decided")

    page.context.clear_cookies()
    log_in(page, live_site, "bantochuc")
    page.goto(live_site.url + RANKING)
    settle(page)
    page.click("#publish-link")
    settle(page)
    assert page.locator("#publish-preview li").count() == 4
    screenshot(page, "results-publish-confirm")
    page.check("#confirm")
    page.click("#publish-confirm")
    settle(page)
    assert re.search(r"/snapshot/\d+/$", page.url)
    assert re.fullmatch(r"[0-9a-f]{64}", page.locator("#snapshot-hash").inner_text().strip())
    assert page.locator("#snapshot-published").count() == 1
    screenshot(page, "results-snapshot")

    # Anyone (a fresh context, no login) sees the winners by tier on the contest's page.
    url = live_site.url + _contest_page_url(live_site)
    public = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    visitor = public.new_page()
    visitor.width_name = "phone"
    visitor.goto(url)
    winners = visitor.locator("#winners")
    assert winners.count() == 1
    tiers = [t.strip() for t in winners.locator(".winners-tier h3").all_inner_texts()]
    assert [t.split(" (")[0] for t in tiers] == ["Giải Nhất", "Giải Nhì", "Giải Ba", "Giải Khuyến khích"]
    assert [t.split(" (")[1] for t in tiers] == ["1)", "2)", "3)", "5)"]
    assert winners.locator(".winner-card").count() == 11
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(visitor, "results-public-winners")
    public.close()

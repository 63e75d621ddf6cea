"""A teacher adds two students with logins, prints their cards, and a card's password works."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import log_in, screenshot, settle


def test_teacher_adds_two_students_and_prints_login_cards(live_site, page, browser):
    log_in(page, live_site, "gv.caudien")
    page.click("text=Lớp và học sinh")
    settle(page)
    page.click("a:has-text('6A2')")
    settle(page)
    before = page.locator(".student-item").count()
    suffix = page.width_name  # the phone and desktop runs add different children
    names = [f"Lê Thu Trang {suffix}", f"Phạm Quốc Bảo {suffix}"]
    page.fill("textarea[name=names]", "\n".join(names))
    page.check("input[name=with_logins]")
    page.click("#add-students button[type=submit]")
    settle(page)
    cards = page.locator("article.login-card")
    assert cards.count() == 2
    text = cards.all_inner_texts()
    assert any(names[0] in card for card in text) and any(names[1] in card for card in text)
    screenshot(page, "login-cards")

    username = cards.nth(0).locator("dd.lc-mono").nth(0).inner_text().strip()
    password = cards.nth(0).locator("dd.lc-mono").nth(1).inner_text().strip()
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}", password)

    # The class now lists two more students.
    page.goto(live_site.url + "/workspace/")
    page.click("text=Lớp và học sinh")
    settle(page)
    page.click("a:has-text('6A2')")
    settle(page)
    # expect() waits for the list: under a loaded CI run a bare count() read the page
    # before the class list had arrived (0 students).
    expect(page.locator(".student-item")).to_have_count(before + 2)

    # The child signs in with the card and must choose a new password first.
    child = browser.new_context(viewport=page.viewport_size, locale="vi-VN").new_page()
    child.width_name = page.width_name
    log_in(child, live_site, username, password)
    assert "/accounts/password/change/" in child.url
    screenshot(child, "student-first-login")
    child.context.close()

"""Each demo role signs in and sees its workspace in Vietnamese, on a phone and a desktop."""

import pytest

from tests.e2e.conftest import log_in, open_menu_if_collapsed, screenshot, settle

ROLES = [
    ("bantochuc", "organiser", "Ban tổ chức"),
    ("canbo.namtuliem", "officer", "Các trường tôi phụ trách"),
    ("gv.caudien", "teacher", "Trường của tôi: Trường THCS Cầu Diễn"),
    ("hs.caudien", "student", "Trường của tôi"),
    ("giamkhao", "judge", "Chấm thi"),
]


@pytest.mark.parametrize(("username", "role", "heading"), ROLES, ids=[r[1] for r in ROLES])
def test_role_signs_in_and_sees_vietnamese_workspace(live_site, page, username, role, heading):
    log_in(page, live_site, username)
    assert page.url.endswith("/workspace/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == "Không gian làm việc"
    section = page.locator(f"section[data-role={role}]", has_text=heading).first
    assert section.is_visible()
    # No part of the page is wider than the screen (360 px phones).
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"workspace-{role}")


def test_wrong_password_shows_vietnamese_message(live_site, page):
    log_in(page, live_site, "gv.caudien", "sai-mat-khau")
    assert page.url.endswith("/accounts/login/")
    assert "tên đăng nhập và mật khẩu" in page.locator("main form").inner_text().lower()
    screenshot(page, "login-error")


def test_language_switch_to_english_and_back(live_site, page):
    log_in(page, live_site, "gv.caudien")
    open_menu_if_collapsed(page)
    page.click("button[name=language][value=en]")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "My workspace"
    screenshot(page, "workspace-teacher-english")
    open_menu_if_collapsed(page)
    page.click("button[name=language][value=vi]")
    settle(page)
    assert page.locator("h1").inner_text() == "Không gian làm việc"


def test_public_home_page_is_vietnamese(live_site, page):
    page.goto(live_site.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, "public-home")


def test_admin_login_page_opens(live_site, page):
    page.goto(live_site.url + "/admin/")
    assert "/admin/login/" in page.url
    screenshot(page, "admin-login")

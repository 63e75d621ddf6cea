"""The organiser of the Nam Từ Liêm programme only (btc.nhua) in the Wagtail admin, in Vietnamese:
his lists hold no school or student of Hoàn Kiếm, and Wagtail's user screens are closed to
him; the organiser of every programme (bantochuc) sees the Hoàn Kiếm schools there."""

from tests.e2e.conftest import screenshot, settle
from tests.e2e.test_admin_vietnamese import admin_log_in

HOAN_KIEM = "hk-"  # the code of every Hoàn Kiếm school of the demo starts so


def _rows(page, path) -> list[str]:
    response = page.goto(page.site_url + path)
    settle(page)
    assert response.status == 200, f"{path} answered {response.status}"
    return [row.strip() for row in page.locator("table.listing tbody tr").all_inner_texts()]


def _hoan_kiem_school_names(browser, live_site) -> list[str]:
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.site_url = live_site.url
    try:
        admin_log_in(page, live_site, "bantochuc")
        rows = _rows(page, "/admin/school/?level=lower_secondary") + _rows(page, "/admin/school/?level=primary")
    finally:
        context.close()
    return [row.split("\t")[0].strip() for row in rows if HOAN_KIEM in row]


def test_programme_organiser_sees_only_his_programme_in_the_admin(live_site, page, browser):
    hoan_kiem = _hoan_kiem_school_names(browser, live_site)
    assert hoan_kiem, "the organiser of every programme sees the Hoàn Kiếm schools"

    page.site_url = live_site.url
    admin_log_in(page, live_site, "btc.nhua")
    schools = _rows(page, "/admin/school/")
    screenshot(page, "admin-scope-schools")
    assert len(schools) == 24
    assert not [row for row in schools if HOAN_KIEM in row]

    students = _rows(page, "/admin/student/")
    screenshot(page, "admin-scope-students")
    assert students, "he sees his programme's students"
    assert not [row for row in students for name in hoan_kiem if name in row]

    response = page.goto(live_site.url + "/admin/users/")
    settle(page)
    assert response.status in (403, 404) or "/admin/users/" not in page.url
    assert page.locator("table.listing").count() == 0
    page.goto(live_site.url + "/admin/")
    settle(page)
    assert page.locator("a[href='/admin/users/']").count() == 0

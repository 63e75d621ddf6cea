"""The action plan cycle in Chromium: a teacher drafts on a phone, leaves and finds the draft,
submits; the officer returns it with a comment on one section; the teacher fixes and
resubmits; the officer compares the versions, sees the change, approves; coverage counts it.

Runs once (own browser contexts, not the phone/desktop `page` fixture): the cycle changes
THCS Cầu Diễn's plan, which the demo leaves not started and no other browser test touches.
"""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import WIDTHS, log_in, screenshot, settle

SAVED = "Đã lưu bản nháp lúc"  # the status line's words for a save (plan.html, data-saved)


def _context(browser, width_name):
    width, height = WIDTHS[width_name]
    page = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN").new_page()
    page.width_name = width_name
    return page


def _wait_saved(page):
    status = page.locator("[data-autosave-status]")
    expect(status).to_contain_text(SAVED, timeout=15_000)
    page.evaluate("document.querySelector('[data-autosave-status]').textContent = ''")


def _approved(page, site, coverage_url):
    page.goto(site.url + coverage_url)
    text = page.locator("[data-count=approved]").inner_text()
    return tuple(int(n) for n in re.search(r"(\d+)/(\d+)", text).groups())


def test_action_plan_cycle(live_site, browser):
    officer = _context(browser, "desktop")
    log_in(officer, live_site, "canbo.namtuliem")
    officer.click("a[href$='/workspace/plans/']")
    officer.click("text=Giảm thiểu, phân loại và tái chế rác thải nhựa")
    settle(officer)
    coverage_url = officer.url.removeprefix(live_site.url)
    approved_before, total = _approved(officer, live_site, coverage_url)

    # The teacher drafts on a 360-px phone.
    teacher = _context(browser, "phone")
    log_in(teacher, live_site, "gv.caudien")
    teacher.click("a[href$='/workspace/plans/']")
    teacher.click("a[data-plan-link='ntl-thcs-cau-dien']")
    settle(teacher)
    plan_url = teacher.url
    expect(teacher.locator("[data-plan-status]")).to_have_attribute("data-plan-status", "not_started")
    teacher.select_option("select[name='team-0-person']", label="Nguyễn Thị Hương")
    _wait_saved(teacher)
    teacher.fill("input[name='goals-0-text']", "Giảm 20% rác thải nhựa giá trị thấp")
    teacher.fill("input[name='goals-0-indicator']", "Nhựa giá trị thấp mỗi người mỗi ngày")
    teacher.fill("input[name='goals-0-target_value']", "20")
    _wait_saved(teacher)
    teacher.fill("input[name='activities-0-title']", "Truyền thông dưới cờ về rác thải nhựa")
    teacher.fill("input[name='activities-0-starts_on']", "2022-11-07")
    teacher.fill("input[name='activities-0-ends_on']", "2022-11-07")
    _wait_saved(teacher)
    teacher.fill("input[name='baseline_week_starts_on']", "2022-11-07")
    teacher.fill("input[name='final_week_starts_on']", "2022-12-05")
    _wait_saved(teacher)
    expect(teacher.locator(".checklist .missing")).to_have_count(0)
    screenshot(teacher, "plan-draft")

    # Leave and come back: the draft is there.
    teacher.goto(live_site.url + "/workspace/")
    teacher.goto(plan_url)
    expect(teacher.locator("input[name='goals-0-text']")).to_have_value("Giảm 20% rác thải nhựa giá trị thấp")
    expect(teacher.locator("input[name='final_week_starts_on']")).to_have_value("2022-12-05")
    teacher.click("[data-submit-plan]")
    settle(teacher)
    expect(teacher.locator("[data-plan-status]")).to_have_attribute("data-plan-status", "submitted")

    # The officer returns it with a comment on the goals.
    officer.goto(plan_url)
    officer.check("#review input[name=decision][value=return]")
    officer.fill("#review textarea[name=comment_goals]", "Mục tiêu 20% hơi thấp, đề nghị nâng lên 25%.")
    officer.click("#review button[type=submit]")
    settle(officer)
    expect(officer.locator("[data-plan-status]")).to_have_attribute("data-plan-status", "returned")

    # The teacher reads the comment on the section, fixes it and resubmits.
    teacher.goto(plan_url)
    expect(teacher.locator("#section-goals .review-comment")).to_contain_text("nâng lên 25%")
    teacher.fill("input[name='goals-0-target_value']", "25")
    teacher.fill("input[name='goals-0-text']", "Giảm 25% rác thải nhựa giá trị thấp")
    _wait_saved(teacher)
    screenshot(teacher, "plan-returned")
    teacher.click("[data-submit-plan]")
    settle(teacher)
    expect(teacher.locator("[data-plan-status]")).to_have_attribute("data-plan-status", "submitted")

    # The officer compares versions 1 and 2, sees the change, approves.
    officer.goto(plan_url + "compare/?a=1&b=2")
    changed = officer.locator("[data-section=goals] [data-change=changed]")
    expect(changed).to_have_count(1)
    expect(changed.locator("del")).to_contain_text("Giảm 20%")
    expect(changed.locator("ins")).to_contain_text("Giảm 25%")
    expect(officer.locator("[data-section=team] [data-change=changed]")).to_have_count(0)
    screenshot(officer, "plan-compare")
    officer.goto(plan_url)
    officer.check("#review input[name=decision][value=approve]")
    officer.click("#review button[type=submit]")
    settle(officer)
    expect(officer.locator("[data-plan-status]")).to_have_attribute("data-plan-status", "approved")

    # Coverage counts the newly approved plan.
    assert _approved(officer, live_site, coverage_url) == (approved_before + 1, total)
    screenshot(officer, "plan-coverage")
    officer.context.close()
    teacher.context.close()

"""Live-showcase judging on a 360-px phone: the demo judge scores the three entries of the
open live round (contests/demo/live.py) with the steppers, losing the connection during one
submit; the sheet is sent again when back online, and the database holds exactly three
evaluations of that round."""

from tests.e2e.conftest import CHROMIUM_ARGS, SCREENSHOTS, log_in, settle  # noqa: F401

ROUND_NAME = "Thi trình bày trực tiếp (demo)"


def _evaluations(site) -> str:
    code = (
        "from contests.models import Evaluation; "
        f"qs = Evaluation.objects.filter(round__name='{ROUND_NAME}', judge__username='giamkhao'); "
        "print(qs.count(), qs.filter(status='submitted').count(), sorted(str(e.total) for e in qs))"
    )
    return site.manage("shell", "-c", code).stdout.strip().splitlines()[-1]


def _shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"), full_page=True)


def _fill_with_steppers(page, presses):
    """Tap + on each criterion `presses` times (from empty, the first tap gives the minimum, 0)."""
    criteria = page.locator("fieldset.criterion")
    for i in range(criteria.count()):
        up = criteria.nth(i).locator("button.step-up")
        for _ in range(presses + 1):
            up.click()


def test_judge_scores_three_entries_live_losing_the_connection_once(live_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    try:
        log_in(page, live_site, "giamkhao")
        page.goto(live_site.url + "/workspace/contests/judging/")
        _shot(page, "judging-home")
        page.get_by_role("link", name=ROUND_NAME).click()
        settle(page)
        assert "0/3" in page.locator("#round-progress").inner_text()
        page.locator("a[href$='/live/']").click()
        settle(page)
        codes = []
        for number, presses in enumerate((8, 7, 9), start=1):
            page.locator("#score-form").wait_for()
            code = page.locator("#entry-title .badge").inner_text().strip()
            codes.append(code)
            assert f"{number - 1}/3" in page.locator("#live-progress").inner_text()
            # Large controls: the steppers fit a 360-px screen and are at least 44 px tall.
            box = page.locator("button.step-up").first.bounding_box()
            assert box["height"] >= 44 and box["x"] + box["width"] <= 360
            _fill_with_steppers(page, presses)
            if number == 1:
                _shot(page, "judging-live")
            if number == 2:
                context.set_offline(True)
                page.click("button[name=action][value=submit]")
                page.locator("#sheet-status.text-danger").wait_for()
                _shot(page, "judging-live-offline")
                page.click("button[name=action][value=submit]")  # a double tap while offline sends nothing more
                with page.expect_navigation(timeout=30000):
                    context.set_offline(False)
                    page.evaluate("window.dispatchEvent(new Event('online'))")
                    page.locator("#sheet-status.text-success").wait_for()  # "Đã lưu", then the next entry
            else:
                with page.expect_navigation(timeout=30000):
                    page.click("button[name=action][value=submit]")
                    page.locator("#sheet-status.text-success").wait_for()
            settle(page)
            assert page.url.endswith("/live/")
            if number < 3:
                assert page.locator("#entry-title .badge").inner_text().strip() != code
        page.locator("#live-done").wait_for()
        _shot(page, "judging-live-done")
        assert len(set(codes)) == 3
        assert _evaluations(live_site) == "3 3 ['70.0000', '80.0000', '90.0000']"
    finally:
        context.close()

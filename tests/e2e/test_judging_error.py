"""The judge's screen after a refused sheet, on a 360-px phone: the submit button shows
"Đang gửi…" while the sheet is sent, then, when the server refuses it (a score that is
not a number), is enabled again with its own label, the field is marked with the reason
and the status line says what to do. Nothing is stored; the sheet can be sent again."""

from tests.e2e.conftest import CHROMIUM_ARGS, SCREENSHOTS, log_in, settle  # noqa: F401

ROUND_NAME = "Thi trình bày trực tiếp (demo)"
SUBMIT = "button[name=action][value=submit]"
WATCH_LABELS = """() => {
  window.seenLabels = [];
  const button = document.querySelector("#score-form button[name=action][value=submit]");
  new MutationObserver(() => window.seenLabels.push([button.textContent.trim(), button.disabled]))
    .observe(button, { childList: true, characterData: true, subtree: true, attributes: true });
}"""


def _evaluation_count(site) -> str:
    code = (
        "from contests.models import Evaluation; "
        f"print(Evaluation.objects.filter(round__name='{ROUND_NAME}', judge__username='giamkhao').count())"
    )
    return site.manage("shell", "-c", code).stdout.strip().splitlines()[-1]


def test_refused_sheet_gives_the_button_back_with_the_error(live_site, browser):
    before = _evaluation_count(live_site)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    try:
        log_in(page, live_site, "giamkhao")
        page.goto(live_site.url + "/workspace/contests/judging/")
        page.get_by_role("link", name=ROUND_NAME).click()
        settle(page)
        page.locator("a[href$='/live/']").click()
        settle(page)
        page.locator("#score-form").wait_for()
        criteria = page.locator("fieldset.criterion")
        for i in range(criteria.count()):
            criteria.nth(i).locator("button.step-up").click()
        first = criteria.first.locator("input.score-input")
        first.fill("abc")
        button = page.locator(SUBMIT)
        label = button.inner_text().strip()
        assert label == "Nộp phiếu chấm"

        for _attempt in range(2):  # refused twice: the button keeps working
            page.evaluate(WATCH_LABELS)
            button.click()
            page.locator("#sheet-status.text-danger").wait_for()
            page.locator("fieldset.criterion .js-error").first.wait_for()
            seen = page.evaluate("window.seenLabels")
            assert ["Đang gửi…", True] in seen  # while it was being sent
            assert button.inner_text().strip() == label and button.is_enabled()
            assert page.locator("#sheet-status").inner_text().strip() not in ("", "Đang gửi…")
            assert "abc" in page.locator("fieldset.criterion .js-error").first.inner_text()
            assert "is-invalid" in first.get_attribute("class")
            box = button.bounding_box()
            assert box["x"] + box["width"] <= 360
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "judging-error-phone.png"), full_page=True)
        assert page.url.endswith("/live/")
        assert _evaluation_count(live_site) == before
    finally:
        context.close()

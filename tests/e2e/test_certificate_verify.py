"""An organiser finds the demo's plastic certificates with their codes; anyone opens a code's
public page and sees it confirmed; an unknown code gets the "not found" page (404) with the
form, through which a typed code (lower case, with a dash) is found. Also the organiser's
list of the selected water initiatives with their progress."""

import re

from tests.e2e.conftest import log_in, screenshot, settle

PLASTIC = "sang-kien-giam-nhua-nam-tu-liem-2022"
WATER = "sang-kien-tiet-kiem-nuoc-hoan-kiem-2022"


def _as_initials(recipient: str) -> str:
    """'Mai Gia Bảo (6A3), Hồ Đức Anh (6A3)' -> 'M.G.B. (6A3), H.Đ.A. (6A3)'."""
    people = re.findall(r"([^,()]+?) \(([^)]+)\)", recipient)
    return ", ".join(f"{''.join(w[0] + '.' for w in name.split())} ({cls})" for name, cls in people)


def test_certificate_code_is_confirmed_publicly(live_site, page):
    log_in(page, live_site, "bantochuc")
    page.goto(f"{live_site.url}/workspace/contests/certificates/{PLASTIC}/")
    rows = page.locator(".certificate-row")
    assert rows.count() == 20
    assert page.locator("#batch-count").inner_text().startswith("20/20")
    assert page.locator("#download-zip").is_visible()
    screenshot(page, "certificates-organiser")
    code_text = rows.first.locator(".cert-code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", code_text)
    recipient = rows.first.locator("td").nth(1).inner_text().strip()

    page.goto(f"{live_site.url}/workspace/contests/implementation/{WATER}/")
    assert page.locator(".implementation-row").count() == 10
    screenshot(page, "implementation-list")

    page.context.clear_cookies()  # anyone, not logged in
    response = page.goto(f"{live_site.url}/xac-thuc/{code_text.replace('-', '')}/")
    assert response.status == 200
    assert page.locator("#verify-result").is_visible()
    # The organiser's list names the children in full (the certificate is theirs); the public
    # page names them as consent allows: these demo children have none, so initials and class.
    assert page.locator("#verify-recipient").inner_text().strip() == _as_initials(recipient)
    assert "Giải" in page.locator("#verify-prize").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, "certificate-verified")

    response = page.goto(f"{live_site.url}/xac-thuc/0000000000/")
    assert response.status == 404
    assert page.locator("#verify-result").count() == 0
    screenshot(page, "certificate-not-found")
    page.fill("input[name=code]", code_text.lower())
    page.click("main form button[type=submit]")
    settle(page)
    assert page.url.endswith(f"/xac-thuc/{code_text.replace('-', '')}/")
    assert page.locator("#verify-result").is_visible()

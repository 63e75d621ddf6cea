"""A teacher records a full audit day on a phone with a photo, submits it twice (one day stored),
verifies it, and sees the school's final figure change."""

import re

from PIL import Image

from tests.e2e.conftest import log_in, screenshot, settle

# The demo leaves 12–16/12/2022 of the final week free; the phone and desktop runs use one date each.
DATES = {"phone": "2022-12-12", "desktop": "2022-12-13"}


def _final_rate(page):
    return page.locator("#final-rate").inner_text().strip()


def test_teacher_records_double_submits_and_verifies_a_day(live_site, page, tmp_path):
    iso = DATES[page.width_name]
    photo = tmp_path / "can.jpg"
    Image.new("RGB", (800, 600), (90, 160, 90)).save(photo, "JPEG")

    log_in(page, live_site, "gv.caudien")
    page.locator("a[href*='/workspace/audits/schools/']").first.click()
    settle(page)
    school_url = page.url
    page.locator("a[href*='/results/']").first.click()
    before = _final_rate(page)

    page.goto(school_url)
    page.locator("section[data-phase=final] a[href$='/new/']").click()
    settle(page)
    page.fill("input[name=date]", iso)
    page.fill("input[name=students_present]", "1300")
    page.fill("input[name=staff_present]", "60")
    page.check("input[name=areas][value=classrooms]")
    page.check("input[name=areas][value=canteen]")
    page.check("input[name=areas][value=schoolyard]")
    masses = page.locator("input[name^=m_]")
    for i in range(masses.count()):
        masses.nth(i).fill(f"{(i + 1) * 900},5")
    counts = page.locator("input[name^=n_]")
    for i in range(counts.count()):
        counts.nth(i).fill(str((i + 1) * 20))
    page.set_input_files("input[name=photo]", str(photo))
    screenshot(page, "audit-day-form")

    # A flaky connection: the same form is sent twice at once, then the button is tapped.
    statuses = page.evaluate(
        """async () => {
            const form = document.getElementById('day-form');
            const send = () => { const data = new FormData(form); data.set('action', 'submit');
                return fetch(location.href, {method: 'POST', body: data, redirect: 'manual'}).then(r => r.type); };
            return Promise.all([send(), send()]);
        }"""
    )
    assert statuses == ["opaqueredirect", "opaqueredirect"]
    page.click("button[name=action][value=submit]")
    settle(page)
    assert re.search(r"/days/\d+/$", page.url)
    day_url = page.url
    code = f"from audits.models import AuditSession as S; print(S.objects.filter(date='{iso}').count())"
    check = live_site.manage("shell", "-c", code)
    assert check.stdout.strip().splitlines()[-1] == "1"
    assert page.locator("img.evidence").count() == 1

    page.click("#verify-day")
    settle(page)
    assert page.url == day_url
    assert page.locator(".badge.status-verified").count() == 1
    screenshot(page, "audit-day-verified")

    page.goto(school_url)
    page.locator("a[href*='/results/']").first.click()
    settle(page)
    after = _final_rate(page)
    assert after != before
    screenshot(page, "audit-school-results")
    assert page.locator("svg[role=img] title").count() == 1

"""The officer's board and the organiser's one-click report, on the demo's Nam Từ Liêm programme.

An officer opens the board, filters to the late schools, reminds one (phone and desktop
remind different schools: a school reminded within the hour is not reminded again), and
exports the XLSX. An organiser makes the report and downloads the PDF, whose text carries
the programme's figures with their Vietnamese diacritics.
"""

import io
import re

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.e2e.conftest import SCREENSHOTS, log_in, screenshot, settle

SLUG = "nhua-gia-tri-thap-nam-tu-liem-2022"
BOARD = f"/workspace/monitoring/{SLUG}/"
# The demo's late plans: THCS Cầu Diễn has not started, THCS Lý Nam Đế is still a draft.
# The browser tests share one demo database: when the action-plan test (gv.caudien) has
# run first, Cầu Diễn's plan is approved and only Lý Nam Đế is late.
LATE = {"ntl-thcs-cau-dien", "ntl-thcs-ly-nam-de"}
REMIND = {"desktop": "ntl-thcs-cau-dien", "phone": "ntl-thcs-ly-nam-de"}


def test_officer_filters_late_schools_reminds_one_and_exports(live_site, page):
    log_in(page, live_site, "canbo.namtuliem")
    page.goto(live_site.url + "/workspace/")
    page.locator(f"a[href='{BOARD}']").first.click()
    settle(page)
    assert page.locator("#board-table tbody tr[data-school]").count() == 24
    assert re.search(r"\d+/24", page.locator("[data-stat=plans]").inner_text())

    page.select_option("#f-state", "late")
    page.click("#filter-button")
    settle(page)
    rows = page.locator("#board-table tbody tr[data-school]")
    assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.state)")) == {"late"}
    codes = rows.evaluate_all("rs => rs.map(r => r.dataset.school)")
    assert "ntl-thcs-ly-nam-de" in codes and set(codes) <= LATE

    school = REMIND[page.width_name] if REMIND[page.width_name] in codes else "ntl-thcs-ly-nam-de"
    row = page.locator(f"tr[data-school={school}]")
    row.locator("input[name=school]").check()
    page.fill("#remind-message", "Đề nghị nhà trường hoàn thành kế hoạch trong tuần này.")
    page.click("#remind-selected")
    settle(page)
    assert "state=late" in page.url
    reminded = page.locator(f"tr[data-school={school}] td").last.inner_text()
    assert "Phạm" in reminded or "canbo" in reminded or re.search(r"\d\d/\d\d", reminded)
    screenshot(page, "monitoring-board-late")

    with page.expect_download() as download:
        page.click("#board-export")
    assert download.value.suggested_filename == f"theo-doi-{SLUG}.xlsx"
    with open(download.value.path(), "rb") as file:
        book = load_workbook(io.BytesIO(file.read()))
    sheet = book.active
    exported = [r[0] for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert sorted(exported) == sorted(codes)


def test_organiser_makes_the_report_and_downloads_the_pdf(live_site, page):
    log_in(page, live_site, "btc.nhua")
    summary = page.request.get(live_site.url + f"/api/v1/programmes/{SLUG}/summary/").json()
    page.goto(live_site.url + BOARD)
    screenshot(page, "monitoring-board")
    page.click("#make-report")
    settle(page)
    page.locator("#download-pdf").wait_for(timeout=60_000)
    screenshot(page, "monitoring-report")

    with page.expect_download() as download:
        page.click("#download-pdf")
    with open(download.value.path(), "rb") as file:
        data = file.read()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"monitoring-report-{page.width_name}.pdf").write_bytes(data)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)

    audits = summary["audits"]
    reduction = f"{audits['reduction_pct']:.1f}".replace(".", ",")
    assert summary["plans"]["total"] == 24
    assert "Nhựa giá trị thấp" in text or "nhựa giá trị thấp" in text
    assert "Trường THCS Cầu Diễn" in text or "THCS Cầu Diễn" in text
    assert re.search(r"\b24\b", text)
    assert f"{audits['schools_paired']}/24" in text
    assert f"−{reduction} %" in text
    # The contest demo (contests/demo/entries.py, demo_judging.py): the plastic showcase's
    # 20 initiatives with its prize tiers 1/2/4/5/8.
    contests = summary["contests"]
    assert contests["contests"] >= 1
    assert contests["awards"] >= 20
    assert f"{contests['entries']} " in text and f"{contests['awards']} " in text
    for tier in contests["prize_tiers"]:
        assert tier["tier"] in text
    if contests["initiatives_selected"]:
        assert str(contests["initiatives_selected"]) in text

"""An organiser imports a schools file with bad rows: every bad row is listed, nothing is imported."""

from tests.e2e.conftest import log_in, screenshot, settle

BAD_FILE = (
    "code,name,level,area_code,enrolment,classes\n"
    "ntl-thcs-moi-1,Trường THCS Mới Một,lower_secondary,ntl-cau-dien,620,16\n"
    "ntl-thcs-moi-2,Trường THCS Mới Hai,lower_secondary,khong-co-dia-ban,540,14\n"
    "ntl-thcs-moi-3,Trường THCS Mới Ba,dai-hoc,ntl-tay-mo,500,12\n"
    "ntl-thcs-moi-4,Trường THCS Mới Bốn,lower_secondary,ntl-tay-mo,nhieu,12\n"
)


def test_organiser_import_with_bad_rows_lists_them_and_changes_nothing(live_site, page):
    schools_before = live_site.count("schools.School")
    log_in(page, live_site, "bantochuc")
    page.click("text=Nhập danh sách trường")
    settle(page)
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "truong.csv", "mimeType": "text/csv", "buffer": BAD_FILE.encode("utf-8")}],
    )
    page.click("main form [type=submit]")
    settle(page)

    result = page.locator("#import-result-title")
    assert result.inner_text() == "Không có dữ liệu nào được nhập"
    lines = [cell.strip() for cell in page.locator("table.import-errors tbody tr td:first-child").all_inner_texts()]
    assert lines == ["3", "4", "5"]
    assert "khong-co-dia-ban" in page.locator("table.import-errors").inner_text()
    screenshot(page, "import-schools-errors")
    assert live_site.count("schools.School") == schools_before

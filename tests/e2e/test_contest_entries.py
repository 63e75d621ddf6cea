"""Contest entries in Chromium at 360 px: a student of THCS Cầu Diễn sends a slogan and an
initiative with a photo in the demo's open contests; the teacher endorses the slogan and
returns the initiative with a comment; the organiser sees both with their statuses; a
student of another school (THCS Mễ Trì) gets 404 for both.

Runs once with its own browser contexts (the entries it makes stay in the server's database).
"""

import re

from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, WIDTHS, log_in, screenshot, settle

OPEN_SLOGANS = "khau-hieu-noi-khong-voi-nhua-nam-tu-liem"
OPEN_INITIATIVES = "sang-kien-lop-hoc-khong-rac-nhua-nam-tu-liem"
SLOGAN = "Bỏ chai nhựa – mang bình riêng, lớp em xanh hơn mỗi ngày"
TITLE = "Góc “Chai nhựa đổi cây xanh” ở sân trường"


def _phone(browser):
    width, height = WIDTHS["phone"]
    page = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN").new_page()
    page.width_name = "phone"
    return page


def _entry_id(page) -> str:
    match = re.search(r"/workspace/contests/entries/(\d+)/$", page.url)
    assert match, page.url
    return match.group(1)


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _other_school_student(site) -> str:
    """A Mễ Trì pupil with a login card in the demo: give them the demo password for this test."""
    code = (
        "from schools.models import Student\n"
        "s = Student.objects.filter(school__code='ntl-thcs-me-tri', user__isnull=False)\n"
        "s = s.select_related('user').first()\n"
        f"u = s.user; u.set_password('{DEMO_PASSWORD}'); u.must_change_password = False; u.save()\n"
        "print(u.username)"
    )
    result = site.manage("shell", "-c", code)
    return result.stdout.strip().splitlines()[-1]


def test_student_submits_teacher_reviews_organiser_sees_other_school_cannot(live_site, browser, tmp_path):
    photo = tmp_path / "goc-cay-xanh.jpg"
    Image.new("RGB", (640, 480), (60, 150, 80)).save(photo, "JPEG")

    # The student sends a slogan on a phone.
    student = _phone(browser)
    log_in(student, live_site, "hs.caudien")
    student.goto(live_site.url + "/workspace/contests/entries/")
    student.locator(f"[data-contest={OPEN_SLOGANS}] a[href$='/entries/new/']").click()
    settle(student)  # the autosave script listens once loaded: typing before that is never saved
    student.fill("textarea[name=text]", SLOGAN)
    expect(student.locator("#autosave-status")).not_to_be_empty(timeout=15_000)
    _no_horizontal_scroll(student)
    screenshot(student, "entry-slogan-form")
    student.click("#submit-entry")
    settle(student)
    slogan_id = _entry_id(student)
    expect(student.locator("[data-status]").first).to_have_attribute("data-status", "submitted")
    expect(student.locator("#entry-text")).to_have_text(SLOGAN)
    screenshot(student, "entry-slogan-submitted")

    # …and an initiative with a photo.
    student.goto(live_site.url + f"/workspace/contests/{OPEN_INITIATIVES}/entries/new/")
    student.fill("input[name=title]", TITLE)
    student.fill("textarea[name=problem]", "Sau giờ ra chơi sân trường còn nhiều chai nhựa bị vứt lại.")
    student.fill("textarea[name=plan]", "Đặt thùng thu chai ở góc sân; 20 chai đổi một chậu cây cho lớp.")
    student.fill("textarea[name=expected_result]", "Thu 1.000 chai nhựa mỗi tháng để tái chế.")
    student.set_input_files("input[name=images]", str(photo))
    _no_horizontal_scroll(student)
    screenshot(student, "entry-initiative-form")
    student.click("#submit-entry")
    settle(student)
    initiative_id = _entry_id(student)
    expect(student.locator("[data-status]").first).to_have_attribute("data-status", "submitted")
    expect(student.locator(".media-grid img")).to_have_count(1)
    screenshot(student, "entry-initiative-submitted")
    student.goto(live_site.url + f"/workspace/contests/{OPEN_INITIATIVES}/entries/")
    expect(student.locator(".entry-card", has_text=TITLE)).to_have_count(1)

    # The teacher endorses the slogan from the queue and returns the initiative with a comment.
    teacher = _phone(browser)
    log_in(teacher, live_site, "gv.caudien")
    teacher.goto(live_site.url + "/workspace/contests/entries/to-endorse/")
    screenshot(teacher, "entry-queue")
    teacher.locator(".entry-card", has_text=SLOGAN).locator("button").click()
    settle(teacher)
    expect(teacher.locator(".entry-card", has_text=SLOGAN)).to_have_count(0)
    teacher.goto(live_site.url + f"/workspace/contests/entries/{initiative_id}/")
    teacher.fill("#return-comment", "Nhóm bổ sung ảnh góc thu gom và cách cân số chai mỗi tuần nhé.")
    teacher.click("#return-entry")
    settle(teacher)
    expect(teacher.locator("[data-status]").first).to_have_attribute("data-status", "returned")
    screenshot(teacher, "entry-returned")

    # The organiser sees both, with their statuses.
    organiser = _phone(browser)
    log_in(organiser, live_site, "btc.nhua")
    organiser.goto(live_site.url + f"/workspace/contests/{OPEN_SLOGANS}/entries/all/")
    expect(organiser.locator("tr", has_text=SLOGAN)).to_have_attribute("data-status", "endorsed")
    screenshot(organiser, "entry-organiser-slogans")
    organiser.goto(live_site.url + f"/workspace/contests/{OPEN_INITIATIVES}/entries/all/")
    expect(organiser.locator("tr", has_text=TITLE)).to_have_attribute("data-status", "returned")
    _no_horizontal_scroll(organiser)
    screenshot(organiser, "entry-organiser-initiatives")

    # The student sees the school's comment.
    student.goto(live_site.url + f"/workspace/contests/entries/{initiative_id}/")
    expect(student.locator(".alert-warning")).to_contain_text("bổ sung ảnh")

    # A student of another school cannot open either.
    outsider = _phone(browser)
    log_in(outsider, live_site, _other_school_student(live_site))
    for entry_id in (slogan_id, initiative_id):
        response = outsider.goto(live_site.url + f"/workspace/contests/entries/{entry_id}/")
        assert response.status == 404
    screenshot(outsider, "entry-other-school-404")

"""Demo data of contests: certificates and the implementation of selected initiatives.

Runs after demo_judging has published the results, through the services:
- the 10 selected water initiatives get implementation records written by their school's
  teacher: a status and progress, dated milestones from April to December 2023 (the
  first with a photo, re-encoded like any upload) and indicators such as
  "Nước tiết kiệm được" in m³;
- the plastic contest's 20 awards get a certificate batch, made inline (the task's work).
Idempotent: records that exist and a finished batch are left as they are. When nothing
is selected or awarded yet, it does nothing and says so.
"""

import io
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from contests.certificates.jobs import certificate_batch_make
from contests.certificates.services import certificate_batch_start
from contests.enums import BatchStatus, EntryStatus, ImplementationStatus
from contests.implementation.services import implementation_update, indicator_save, milestone_add
from contests.models import Award, CertificateBatch, Contest, Implementation
from schools.enums import Role
from schools.models import Membership

PLASTIC_CONTEST = "sang-kien-giam-nhua-nam-tu-liem-2022"
WATER = "sang-kien-tiet-kiem-nuoc-hoan-kiem-2022"

# (status, progress %, water saved m³ so far, target m³, taps fitted)
PLANS = [
    (ImplementationStatus.DONE, 100, "46.5", "40", 12),
    (ImplementationStatus.DONE, 100, "31.2", "30", 8),
    (ImplementationStatus.IN_PROGRESS, 75, "22.8", "35", 10),
    (ImplementationStatus.IN_PROGRESS, 60, "14.0", "25", 6),
    (ImplementationStatus.IN_PROGRESS, 55, "12.4", "30", 5),
    (ImplementationStatus.IN_PROGRESS, 40, "8.6", "20", 4),
    (ImplementationStatus.IN_PROGRESS, 30, "5.1", "20", 3),
    (ImplementationStatus.IN_PROGRESS, 20, "2.3", "15", 2),
    (ImplementationStatus.NOT_STARTED, 0, "0", "20", 0),
    (ImplementationStatus.STOPPED, 15, "1.2", "15", 1),
]
MILESTONES = [
    (
        date(2023, 4, 12),
        "Khảo sát các vòi nước và bồn rửa tay của trường",
        "Đếm được các vòi bị rò rỉ; chụp ảnh hiện trạng.",
    ),
    (date(2023, 5, 20), "Lắp vòi tiết kiệm nước ở khu rửa tay", "Nhóm học sinh cùng bác bảo vệ lắp đặt."),
    (date(2023, 9, 15), "Tuyên truyền đầu năm học mới", "Dán khẩu hiệu tiết kiệm nước tại các lớp."),
    (date(2023, 12, 8), "Đọc đồng hồ nước và tổng kết học kỳ I", "So sánh với cùng kỳ năm trước."),
]


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _photo(title: str, index: int) -> SimpleUploadedFile:
    image = Image.new("RGB", (640, 420), (40 + 12 * index % 120, 120, 170))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 260, 600, 380), fill=(230, 235, 240))
    draw.ellipse((260, 80, 380, 200), fill=(70, 160, 220))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return SimpleUploadedFile(f"moc-{index}.jpg", out.getvalue(), content_type="image/jpeg")


def _teacher_of(school, fallback):
    membership = Membership.objects.filter(role=Role.TEACHER, school=school).select_related("user").first()
    return membership.user if membership else fallback


def _organiser():
    users = get_user_model().objects
    return users.filter(username="bantochuc").first() or users.filter(is_superuser=True).first()


def _implementations(stdout) -> None:
    contest = Contest.objects.filter(slug=WATER).first()
    entries = (
        list(contest.entries.filter(status=EntryStatus.SELECTED).select_related("school").order_by("code"))
        if contest
        else []
    )
    if not entries:
        _say(stdout, "Implementation: no selected water initiative yet, nothing made.")
        return
    if Implementation.objects.filter(entry__in=entries).exists():
        _say(stdout, "Implementation: records exist, left as they are.")
        return
    organiser = _organiser()
    for index, entry in enumerate(entries):
        status, progress, saved, target, taps = PLANS[index % len(PLANS)]
        teacher = _teacher_of(entry.school, organiser)
        done = {ImplementationStatus.DONE: 4, ImplementationStatus.NOT_STARTED: 0}.get(status, 1 + progress // 30)
        for number, (when, title, note) in enumerate(MILESTONES[:done]):
            photo = _photo(title, index) if number == 0 else None
            milestone_add(entry=entry, user=teacher, date=when, title=title, note=note, photo=photo)
        summary = {
            ImplementationStatus.DONE: "Đã hoàn thành: vòi tiết kiệm nước được lắp ở mọi khu rửa tay, "
            "học sinh trực nhật kiểm tra vòi hằng ngày.",
            ImplementationStatus.NOT_STARTED: "Chờ kinh phí hỗ trợ để mua vòi tiết kiệm nước.",
            ImplementationStatus.STOPPED: "Tạm dừng do trường sửa chữa khu vệ sinh; sẽ tiếp tục sau khi hoàn thành.",
        }.get(status, "Đang lắp vòi tiết kiệm nước và theo dõi đồng hồ nước hằng tháng.")
        implementation_update(entry=entry, user=teacher, status=status, progress_pct=progress, summary=summary)
        indicator_save(
            entry=entry,
            user=teacher,
            name="Nước tiết kiệm được",
            unit="m³",
            value=Decimal(saved),
            target=Decimal(target),
        )
        indicator_save(entry=entry, user=teacher, name="Vòi tiết kiệm nước đã lắp", unit="cái", value=taps, target=12)
    _say(stdout, f"Implementation: {len(entries)} selected water initiatives with milestones and indicators.")


def _certificates(stdout) -> None:
    contest = Contest.objects.filter(slug=PLASTIC_CONTEST).first()
    if contest is None or not Award.objects.filter(contest=contest).exists():
        _say(stdout, "Certificates: the plastic contest has no awards yet, no batch made.")
        return
    batch = CertificateBatch.objects.filter(contest=contest, status=BatchStatus.DONE).first()
    if batch is None:
        batch = certificate_batch_start(contest=contest, user=_organiser())
        batch = certificate_batch_make(batch_id=batch.pk)
    _say(stdout, f"Certificates: plastic contest, {batch.done}/{batch.total} PDFs and a ZIP.")


def seed(*, stdout=None, password=None):
    _implementations(stdout)
    _certificates(stdout)

"""Demo of live judging: an OPEN live round of the open initiative contest of Nam Từ Liêm
("Thi trình bày trực tiếp (demo)"), with three eligible entries assigned to the demo judge
giamkhao and none scored, so `make run` users and the browser test can score on a phone.

Entries are made through the entry services (a teacher submits, an organiser checks them
eligible); the judge is invited and assigned through the judging services. Idempotent:
entries are found by title, the round by name, and assignments are never doubled.
"""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from contests.demo.entries import OPEN_INITIATIVES
from contests.entries.services import entry_check, entry_endorse, entry_save, entry_submit
from contests.enums import EntryStatus, RoundMode, RoundStatus
from contests.judging.services_assignments import assign_all, judge_invite
from contests.models import Contest, Criterion, Entry, Round
from schools.enums import Role
from schools.models import Membership, School

ROUND_NAME = "Thi trình bày trực tiếp (demo)"
JUDGE = "giamkhao"
# The plastic contest's criteria (2022 report), 0–10 each, equal weights.
CRITERIA = [
    (
        "Sáng tạo",
        "Ý tưởng mới, chưa có ở trường.",
        [(10, "Hoàn toàn mới"), (5, "Cải tiến cách đã có"), (1, "Đã phổ biến")],
    ),
    (
        "Tính hữu ích",
        "Giảm được bao nhiêu rác nhựa giá trị thấp.",
        [(10, "Giảm rõ rệt, đo được"), (5, "Có ích nhưng nhỏ")],
    ),
    ("Khả năng lan tỏa", "Các lớp, trường khác có thể làm theo.", [(10, "Dễ nhân rộng"), (5, "Cần điều kiện riêng")]),
    ("Tính khả thi", "Học sinh tự làm được với chi phí thấp.", [(10, "Làm ngay được"), (5, "Cần hỗ trợ")]),
    ("Trình bày", "Rõ ràng, tự tin, đúng giờ.", [(10, "Thuyết phục"), (5, "Còn lúng túng")]),
]
ENTRIES = [
    (
        "ntl-thcs-nam-tu-liem",
        "Hộp cơm inox cho bữa bán trú",
        "Mỗi ngày khoảng 300 hộp xốp đựng cơm bán trú bị bỏ đi.",
        "Mỗi lớp đăng ký hộp inox, tổ trực nhật rửa và phơi; căng tin không phát hộp xốp.",
        "Bỏ hẳn hộp xốp ở bữa bán trú trong một học kỳ.",
    ),
    (
        "ntl-thcs-my-dinh-2",
        "Ống hút tre cho sữa học đường",
        "Ống hút nhựa đi kèm hộp sữa rơi vãi khắp sân.",
        "Lớp tự làm ống hút tre, rửa và dùng lại; thu ống hút nhựa đổi lấy ống tre.",
        "Giảm 90% ống hút nhựa ở khối 6.",
    ),
    (
        "ntl-thcs-me-tri",
        "Chợ đổi đồ nhựa cũ",
        "Học sinh vứt hộp bút, thước nhựa còn dùng được khi lên lớp.",
        "Mỗi tháng một phiên chợ đổi đồ ở sân trường, đồ không ai lấy gửi tái chế.",
        "Mỗi phiên trao đổi 200 món đồ nhựa thay vì bỏ đi.",
    ),
]


def seed(*, stdout=None, password=None):
    contest = Contest.objects.filter(slug=OPEN_INITIATIVES).first()
    judge = get_user_model().objects.filter(username=JUDGE).first()
    organiser = get_user_model().objects.filter(username="bantochuc").first()
    if contest is None or judge is None or organiser is None:
        return
    entries = [_entry(contest, organiser, *spec) for spec in ENTRIES]
    entries = [e for e in entries if e is not None]
    round_ = _round(contest)
    judge_invite(contest=contest, judge=judge, by=organiser)
    result = assign_all(round_=round_, by=organiser)
    if stdout is not None:
        stdout.write(
            f"Live judging demo: “{ROUND_NAME}” with {len(entries)} entries for {JUDGE}"
            f" ({result.created} new assignments)."
        )


def _entry(contest, organiser, school_code, title, problem, plan, expected):
    existing = Entry.objects.filter(contest=contest, title=title).first()
    if existing is not None:
        return existing
    school = School.objects.filter(code=school_code).first()
    teacher = (
        Membership.objects.filter(school=school, role=Role.TEACHER).select_related("user").order_by("pk").first()
        if school
        else None
    )
    if teacher is None:
        return None
    data = {"title": title, "problem": problem, "plan": plan, "expected_result": expected}
    entry, _created = entry_save(contest=contest, school=school, user=teacher.user, client_id=uuid.uuid4(), data=data)
    entry = entry_submit(entry=entry, user=teacher.user)
    if entry.status == EntryStatus.SUBMITTED:
        entry = entry_endorse(entry=entry, user=teacher.user)
    return entry_check(entry=entry, user=organiser, eligible=True)


def _round(contest) -> Round:
    round_ = Round.objects.filter(contest=contest, name=ROUND_NAME).first()
    now = timezone.now()
    if round_ is None:
        order = (
            Round.objects.filter(contest=contest).order_by("-order").values_list("order", flat=True).first() or 0
        ) + 1
        round_ = Round(contest=contest, order=order, name=ROUND_NAME, mode=RoundMode.LIVE, status=RoundStatus.OPEN)
        round_.full_clean()
        round_.save()
        for i, (name, guidance, levels) in enumerate(CRITERIA, start=1):
            Criterion.objects.create(
                round=round_,
                order=i,
                name=name,
                help_text=guidance,
                levels=[{"score": s, "description": d} for s, d in levels],
                min_score=Decimal(0),
                max_score=Decimal(10),
                weight=Decimal(1),
            )
    round_.status = RoundStatus.OPEN
    round_.opens_at, round_.closes_at = now - timedelta(days=1), now + timedelta(days=60)
    round_.save(update_fields=["status", "opens_at", "closes_at"])
    return round_

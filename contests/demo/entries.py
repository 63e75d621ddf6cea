"""Demo contests and entries of the 2022 report, made through the entry services.

- `sang-kien-tiet-kiem-nuoc-hoan-kiem-2022`: 27 water initiatives from the 21 primary and
  lower-secondary schools of Hoàn Kiếm, all eligible (judged in demo_judging).
- `khau-hieu-truong-hoc-xanh-hoan-kiem-2022`: slogans from all 39 schools (a few hundred,
  some near-duplicates across schools); most eligible, the others in every other state.
- `sang-kien-giam-nhua-nam-tu-liem-2022`: 20 plastic-reduction initiatives from the 5 named
  Nam Từ Liêm schools, all eligible, presentation order 1..20 for the live showcase.
- Two contests of the Nam Từ Liêm programme open at seeding time (opened 7 days ago,
  closing in 60 days), a slogan and an initiative one, with a few entries in the states
  before checking, so `make run` users and the browser test can submit.

The 2022 contests are replayed with `at=` inside their windows, then closed. Idempotent:
a contest that already has entries is left as it is (the open ones get a fresh window).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from contests.demo import entries_data as data
from contests.demo.entries_making import (
    at_hanoi,
    entry_make,
    programme_named,
    students_by_school,
    teachers_by_school,
)
from contests.entries.services import (
    contest_create,
    contest_status_set,
    entries_presentation_order_set,
    entry_check,
    entry_endorse,
    entry_return,
    entry_withdraw,
)
from contests.enums import ContestKind, ContestStatus
from contests.models import Contest
from schools.enums import SchoolLevel
from schools.models import Programme, School

DEMO_LOGINS = []

GREEN_SCHOOL = "truong-hoc-xanh-hoan-kiem-2022"
PLASTIC = "nhua-gia-tri-thap-nam-tu-liem-2022"
WATER = "sang-kien-tiet-kiem-nuoc-hoan-kiem-2022"
SLOGANS = "khau-hieu-truong-hoc-xanh-hoan-kiem-2022"
PLASTIC_CONTEST = "sang-kien-giam-nhua-nam-tu-liem-2022"
OPEN_SLOGANS = "khau-hieu-noi-khong-voi-nhua-nam-tu-liem"
OPEN_INITIATIVES = "sang-kien-lop-hoc-khong-rac-nhua-nam-tu-liem"
PLASTIC_SCHOOLS = [
    "ntl-thcs-nam-tu-liem",
    "ntl-thcs-cau-dien",
    "ntl-thcs-tay-mo",
    "ntl-thcs-me-tri",
    "ntl-thcs-my-dinh-2",
]
SLOGANS_PER_SCHOOL = 7  # 39 × 7 = 273, plus the near-duplicates


def seed(*, stdout=None, password=None):
    if not Programme.objects.filter(slug__in=[GREEN_SCHOOL, PLASTIC]).count() == 2:
        return
    organiser = get_user_model().objects.filter(username="bantochuc").first()
    _seed_water(organiser)
    _seed_slogans(organiser)
    _seed_plastic(get_user_model().objects.filter(username="btc.nhua").first() or organiser)
    _seed_open(organiser)
    if stdout is not None:
        counts = {c.slug: c.entries.count() for c in Contest.objects.order_by("slug")}
        stdout.write("Contest entries: " + ", ".join(f"{slug} {n}" for slug, n in counts.items()) + ".")


# --- the water initiatives -------------------------------------------------------------


def _seed_water(organiser) -> None:
    contest = contest_create(
        programme=programme_named(GREEN_SCHOOL),
        slug=WATER,
        kind=ContestKind.INITIATIVE,
        title="Cuộc thi Sáng kiến bảo tồn nguồn nước – tiết kiệm nước trong trường học",
        code_prefix="NUOC",
        summary=(
            "Cuộc thi trong khuôn khổ chương trình “Xây dựng Trường học Xanh – Vì một Hà Nội Xanh”, năm học "
            "2022–2023, dành cho học sinh 21 trường tiểu học và THCS quận Hoàn Kiếm. Ban tổ chức chọn 10 sáng kiến "
            "xuất sắc để hỗ trợ triển khai tại trường."
        ),
        rules="Mỗi nhóm từ 2 đến 5 học sinh cùng trường, có giáo viên hướng dẫn. Mỗi trường gửi tối đa 3 sáng kiến.",
        eligible_levels=[SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY],
        opens_at=at_hanoi(2023, 1, 3, 7, 30),
        closes_at=at_hanoi(2023, 2, 28, 17, 0),
        max_entries_per_school=3,
        status=ContestStatus.OPEN,
        prize_tiers=[("Sáng kiến xuất sắc được hỗ trợ triển khai", 10)],
    )
    if contest.entries.exists():
        return
    teachers, students = teachers_by_school(), students_by_school()
    schools = list(
        School.objects.filter(
            enrolments__programme__slug=GREEN_SCHOOL, level__in=[SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY]
        ).order_by("code")
    )
    places = schools + schools[:6]  # 21 schools, six of them with a second initiative
    for index, (school, (title, problem, plan, expected)) in enumerate(
        zip(places, data.WATER_INITIATIVES, strict=True)
    ):
        team = students.get(school.pk, [])[(index // 21) * 3 : (index // 21) * 3 + 3]
        at = at_hanoi(2023, 1, 10, 9, 0) + timedelta(days=index * 1.5)
        entry = entry_make(
            contest,
            school,
            teachers[school.pk],
            at,
            members=team,
            title=title,
            problem=problem,
            plan=plan,
            expected_result=expected,
        )
        entry_check(entry=entry, user=organiser, eligible=True, at=at_hanoi(2023, 3, 3, 10, 0))
    contest_status_set(contest=contest, status=ContestStatus.CLOSED)


# --- the slogans -----------------------------------------------------------------------


def _slogan_texts() -> list[str]:
    calls, reasons = data.SLOGAN_CALLS, data.SLOGAN_REASONS
    texts, seen = [], set()
    step = 0
    while len(texts) < SLOGANS_PER_SCHOOL * 39:
        call = calls[step % len(calls)]
        reason = reasons[(step * 7 + step // len(calls)) % len(reasons)]
        text = f"{call} – {reason}"
        if text not in seen:
            seen.add(text)
            texts.append(text)
        step += 1
    return texts


def _seed_slogans(organiser) -> None:
    contest = contest_create(
        programme=programme_named(GREEN_SCHOOL),
        slug=SLOGANS,
        kind=ContestKind.SLOGAN,
        title="Cuộc thi sáng tạo khẩu hiệu “Trường học Xanh – Vì một Hà Nội Xanh”",
        code_prefix="KH",
        summary=(
            "Khơi gợi tính sáng tạo của học sinh 39 trường mầm non, tiểu học và THCS quận Hoàn Kiếm để tìm câu "
            "khẩu hiệu chung của chương trình: tiết kiệm điện, tiết kiệm nước và bảo vệ nguồn nước, phân loại và "
            "giảm thiểu rác thải, trồng và chăm sóc cây xanh."
        ),
        rules="Khẩu hiệu bằng tiếng Việt, tối đa 150 ký tự. Mỗi học sinh gửi tối đa 3 câu. Giáo viên gửi thay "
        "cho học sinh mầm non.",
        opens_at=at_hanoi(2022, 11, 14, 7, 30),
        closes_at=at_hanoi(2022, 12, 16, 17, 0),
        max_entries_per_student=3,
        slogan_max_length=150,
        status=ContestStatus.OPEN,
        prize_tiers=[("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 3), ("Giải Khuyến khích", 5)],
    )
    if contest.entries.exists():
        return
    teachers, students = teachers_by_school(), students_by_school()
    schools = list(School.objects.filter(enrolments__programme__slug=GREEN_SCHOOL).order_by("code"))
    texts = _slogan_texts()
    check_at = at_hanoi(2022, 12, 20, 9, 0)
    number = 0
    for s_index, school in enumerate(schools):
        teacher = teachers[school.pk]
        pupils = students.get(school.pk, [])
        for k in range(SLOGANS_PER_SCHOOL):
            text = texts[s_index * SLOGANS_PER_SCHOOL + k]
            authors = [pupils[k % len(pupils)]] if pupils else []
            at = at_hanoi(2022, 11, 15, 8, 0) + timedelta(hours=number * 2.3)
            number += 1
            _slogan_entry(
                contest, school, teacher, organiser, at, number, authors=authors, text=text, check_at=check_at
            )
    # Near-duplicates sent by pupils of different schools, all eligible.
    for d_index, (original, variant) in enumerate(data.SLOGAN_NEAR_DUPLICATES):
        for offset, text in ((d_index * 2, original), (d_index * 2 + 17, variant)):
            school = schools[offset % len(schools)]
            at = at_hanoi(2022, 12, 1, 8, 0) + timedelta(hours=offset)
            entry = entry_make(contest, school, teachers[school.pk], at, text=text)
            entry_check(entry=entry, user=organiser, eligible=True, at=check_at)
    contest_status_set(contest=contest, status=ContestStatus.CLOSED)


def _slogan_entry(contest, school, teacher, organiser, at, number, *, authors, text, check_at) -> None:
    """The `number`-th slogan, taken to a state by its place in each run of 40: never
    submitted (7), withdrawn (11, 31), returned (19), endorsed only (23), ineligible (3,
    27), else eligible."""
    state = number % 40
    if state == 7:  # never submitted
        entry_make(contest, school, teacher, at, members=authors, submit=False, text=text)
        return
    entry = entry_make(contest, school, teacher, at, members=authors, text=text)
    if state in (11, 31):
        entry_withdraw(entry=entry, user=teacher, at=at + timedelta(hours=1))
    elif state == 19:
        entry_return(
            entry=entry,
            user=teacher,
            at=at + timedelta(hours=3),
            comment="Câu khẩu hiệu dài, em rút gọn lại và kiểm tra chính tả nhé.",
        )
    elif state == 23:
        pass  # endorsed by the school, not yet checked
    elif state in (3, 27):
        reason = data.INELIGIBLE_REASONS[(number // 40) % len(data.INELIGIBLE_REASONS)]
        entry_check(entry=entry, user=organiser, eligible=False, reason=reason, at=check_at)
    else:
        entry_check(entry=entry, user=organiser, eligible=True, at=check_at)


# --- the plastic initiatives -----------------------------------------------------------


def _seed_plastic(organiser) -> None:
    schools = {s.code: s for s in School.objects.filter(code__in=PLASTIC_SCHOOLS)}
    contest = contest_create(
        programme=programme_named(PLASTIC),
        slug=PLASTIC_CONTEST,
        kind=ContestKind.INITIATIVE,
        title="Cuộc thi Sáng kiến giảm thiểu, tái chế rác thải nhựa giá trị thấp",
        code_prefix="NTL",
        summary=(
            "Cuộc thi phát động tại 5 trường THCS Nam Từ Liêm, Cầu Diễn, Tây Mỗ, Mễ Trì và Mỹ Đình 2. Các sáng kiến "
            "được trình bày và chấm trực tiếp ngày 09/12/2022; trao giải tại Ngày hội tổng kết 17/12/2022."
        ),
        rules="Mỗi trường gửi 4 sáng kiến do nhóm học sinh thực hiện, có giáo viên hướng dẫn.",
        eligible_schools=[schools[code] for code in PLASTIC_SCHOOLS],
        opens_at=at_hanoi(2022, 11, 7, 7, 30),
        closes_at=at_hanoi(2022, 12, 5, 17, 0),
        max_entries_per_school=4,
        status=ContestStatus.OPEN,
        prize_tiers=[
            ("Giải Đặc biệt", 1),
            ("Giải Nhất", 2),
            ("Giải Nhì", 4),
            ("Giải Ba", 5),
            ("Giải Khuyến khích", 8),
        ],
    )
    if contest.entries.exists():
        return
    teachers, students = teachers_by_school(), students_by_school()
    student_user = get_user_model().objects.filter(username="hs.caudien").first()
    entries = []
    for index, (title, problem, plan, expected) in enumerate(data.PLASTIC_INITIATIVES):
        school = schools[PLASTIC_SCHOOLS[index % 5]]
        pupils = students.get(school.pk, [])
        team = pupils[(index // 5) * 3 : (index // 5) * 3 + 3]
        at = at_hanoi(2022, 11, 14, 9, 0) + timedelta(days=index)
        fields = {"title": title, "problem": problem, "plan": plan, "expected_result": expected}
        teacher = teachers[school.pk]
        lead = team[0] if team else None
        if lead is not None and lead.user_id and lead.user == student_user:
            # The demo pupil sent this one; the school endorsed it.
            entry = entry_make(contest, school, student_user, at, members=team, **fields)
            entry = entry_endorse(entry=entry, user=teacher, at=at + timedelta(days=1))
        else:
            entry = entry_make(contest, school, teacher, at, members=team, **fields)
        entry_check(entry=entry, user=organiser, eligible=True, at=at_hanoi(2022, 12, 6, 9, 0))
        entries.append(entry)
    # The showcase order: schools take turns (the order they were made in).
    entries_presentation_order_set(contest=contest, entries=entries)
    contest_status_set(contest=contest, status=ContestStatus.CLOSED)


# --- the contests open now -------------------------------------------------------------


def _window(contest) -> None:
    now = timezone.now()
    contest.opens_at, contest.closes_at = now - timedelta(days=7), now + timedelta(days=60)
    contest.status = ContestStatus.OPEN
    contest.save(update_fields=["opens_at", "closes_at", "status"])


def _seed_open(organiser) -> None:
    now = timezone.now()
    programme = programme_named(PLASTIC)
    slogans = contest_create(
        programme=programme,
        slug=OPEN_SLOGANS,
        kind=ContestKind.SLOGAN,
        title="Khẩu hiệu “Nói không với nhựa dùng một lần”",
        code_prefix="KHN",
        summary="Học sinh 24 trường THCS Nam Từ Liêm gửi khẩu hiệu kêu gọi giảm rác thải nhựa giá trị thấp.",
        rules="Tối đa 120 ký tự. Mỗi học sinh gửi tối đa 5 câu.",
        opens_at=now - timedelta(days=7),
        closes_at=now + timedelta(days=60),
        max_entries_per_student=5,
        slogan_max_length=120,
        status=ContestStatus.OPEN,
        prize_tiers=[("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 3)],
    )
    initiatives = contest_create(
        programme=programme,
        slug=OPEN_INITIATIVES,
        kind=ContestKind.INITIATIVE,
        title="Sáng kiến “Lớp học không rác nhựa”",
        code_prefix="LHX",
        summary="Mỗi nhóm học sinh đề xuất một sáng kiến giảm rác nhựa giá trị thấp trong lớp học của mình.",
        rules="Mỗi trường gửi tối đa 10 sáng kiến; mỗi học sinh tham gia tối đa 3 nhóm.",
        opens_at=now - timedelta(days=7),
        closes_at=now + timedelta(days=60),
        max_entries_per_school=10,
        max_entries_per_student=3,
        status=ContestStatus.OPEN,
        prize_tiers=[("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 3)],
    )
    _window(slogans)
    _window(initiatives)
    teachers, students = teachers_by_school(), students_by_school()
    schools = {s.code: s for s in School.objects.filter(code__in=PLASTIC_SCHOOLS)}
    cau_dien = schools["ntl-thcs-cau-dien"]
    # A pupil of Cầu Diễn with a login card (not the demo pupil): their entries wait for the school.
    pupil = next((s for s in students.get(cau_dien.pk, []) if s.user_id and s.user.username != "hs.caudien"), None)
    at = now - timedelta(days=3)
    if not slogans.entries.exists():
        _open_slogans(slogans, schools, teachers, pupil, at, organiser)
    if not initiatives.entries.exists():
        _open_initiatives(initiatives, schools, teachers, pupil, at)


def _open_slogans(slogans, schools, teachers, pupil, at, organiser) -> None:
    """The pupil's slogan waiting for the school, and one per state before the results."""
    texts = iter(data.OPEN_SLOGANS)
    cau_dien = schools["ntl-thcs-cau-dien"]
    if pupil is not None:
        entry_make(slogans, cau_dien, pupil.user, at, members=[pupil], text=next(texts))
    for code, step in (
        ("ntl-thcs-me-tri", "endorsed"),
        ("ntl-thcs-nam-tu-liem", "eligible"),
        ("ntl-thcs-tay-mo", "returned"),
        ("ntl-thcs-my-dinh-2", "draft"),
        ("ntl-thcs-my-dinh-2", "withdrawn"),
    ):
        school, teacher = schools[code], teachers[schools[code].pk]
        entry = entry_make(slogans, school, teacher, at, submit=step != "draft", text=next(texts))
        if step == "eligible":
            entry_check(entry=entry, user=organiser, eligible=True)
        elif step == "returned":
            entry_return(entry=entry, user=teacher, comment="Câu hơi dài, em thử viết gọn hơn nhé.")
        elif step == "withdrawn":
            entry_withdraw(entry=entry, user=teacher)


def _open_initiatives(initiatives, schools, teachers, pupil, at) -> None:
    """The pupil's initiative waiting for the school, a draft, and one submitted by a teacher."""
    (t1, t2, t3) = data.OPEN_INITIATIVES
    cau_dien = schools["ntl-thcs-cau-dien"]
    if pupil is not None:
        entry_make(
            initiatives,
            cau_dien,
            pupil.user,
            at,
            members=[pupil],
            title=t1[0],
            problem=t1[1],
            plan=t1[2],
            expected_result=t1[3],
        )
    me_tri = schools["ntl-thcs-me-tri"]
    entry_make(initiatives, me_tri, teachers[me_tri.pk], at, submit=False, title=t2[0], problem=t2[1])
    tay_mo = schools["ntl-thcs-tay-mo"]
    entry_make(
        initiatives, tay_mo, teachers[tay_mo.pk], at, title=t3[0], problem=t3[1], plan=t3[2], expected_result=t3[3]
    )

"""Demo judging and results of the three 2022 contests, made through the services.

- Plastic (`sang-kien-giam-nhua-nam-tu-liem-2022`): the live showcase of 09/12/2022, five
  criteria 0–10, five judges (giamkhao and four more) scoring all 20 entries; every entry
  has a distinct total, so the tiers are exactly 1 special, 2 first, 4 second, 5 third and
  8 consolation; published (17/12/2022, the festival).
- Water (`sang-kien-tiet-kiem-nuoc-hoan-kiem-2022`): three panels of two judges, each
  scoring 9 of the 27 initiatives, and a linking judge scoring 3 of each panel, so the
  design is connected; the panels differ in leniency, so the adjusted ranking differs from
  the raw means. The single tier selects 10; published.
- Slogans (`khau-hieu-truong-hoc-xanh-hoan-kiem-2022`): a blind screening round (pass or
  fail, three judges; 2 of 3 passes advance: 20 slogans) and a final rubric round of three
  judges, left at the chair's decision step: two slogans have identical score sheets
  across the Nhì/Ba boundary, a flagged tie for the organiser to resolve and publish.

Rounds and criteria are organisers' configuration (Wagtail admin): created here as rows.
Sheets go through `evaluation_save`, assignments through `assign_all`/`assign_panel`,
results through `round_advance`/`results_publish`. Idempotent: a contest that already
has rounds is left as it is.
"""

import random
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from contests.entries.services import contest_status_set
from contests.enums import AdvanceRule, Aggregation, ContestStatus, EntryStatus, RoundMode, RoundStatus
from contests.judging.services import evaluation_save
from contests.judging.services_assignments import assign_all, assign_panel, judge_invite
from contests.models import Contest, Criterion, Entry, Round
from contests.results.services import results_publish, round_advance
from home.demo_password import DEMO_PASSWORD
from schools.services import user_create

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PLASTIC_CONTEST = "sang-kien-giam-nhua-nam-tu-liem-2022"
WATER = "sang-kien-tiet-kiem-nuoc-hoan-kiem-2022"
SLOGANS = "khau-hieu-truong-hoc-xanh-hoan-kiem-2022"

PLASTIC_JUDGES = [
    ("giamkhao", "Vũ Quang Huy"),
    ("gk.lan", "Nguyễn Thị Lan"),
    ("gk.hung", "Trần Quốc Hùng"),
    ("gk.mai", "Lê Thị Mai"),
    ("gk.duc", "Phạm Minh Đức"),
]
GREEN_JUDGES = [
    ("gk.thuy", "Đặng Thị Thủy"),
    ("gk.nam", "Hoàng Văn Nam"),
    ("gk.ha", "Bùi Thu Hà"),
    ("gk.tuan", "Ngô Anh Tuấn"),
    ("gk.linh", "Vũ Khánh Linh"),
    ("gk.son", "Đỗ Hồng Sơn"),
    ("gk.chung", "Trịnh Văn Chung"),
]
DEMO_LOGINS = [
    ("gk.lan", "Giám khảo – chương trình nhựa giá trị thấp (đã chấm vòng thi trình bày)"),
    ("gk.thuy", "Giám khảo – chương trình Trường học Xanh Hoàn Kiếm (sáng kiến nước, khẩu hiệu)"),
]
PLASTIC_CRITERIA = ["Sáng tạo", "Tính hữu ích", "Khả năng lan tỏa", "Tính khả thi", "Trình bày"]
WATER_CRITERIA = ["Tính sáng tạo", "Hiệu quả tiết kiệm nước", "Tính khả thi", "Khả năng nhân rộng"]
SLOGAN_CRITERIA = ["Ý nghĩa, đúng chủ đề", "Sáng tạo, độc đáo", "Ngắn gọn, dễ nhớ"]
SLOGAN_TIE = (3, 4)  # final ranks with identical sheets: across the Nhì (2) / Ba (3) boundary


def _at(*args) -> datetime:
    return datetime(*args, tzinfo=HANOI)


def seed(*, stdout=None, password=None):
    User = get_user_model()
    organiser = User.objects.filter(username="bantochuc").first()
    if organiser is None or not Contest.objects.filter(slug__in=[PLASTIC_CONTEST, WATER, SLOGANS]).count() == 3:
        return
    password_hash = make_password(password or DEMO_PASSWORD)
    plastic = _seed_plastic(User.objects.filter(username="btc.nhua").first() or organiser, password_hash)
    water = _seed_water(organiser, password_hash)
    slogans = _seed_slogans(organiser, password_hash)
    if stdout is not None:
        stdout.write(f"Judging: plastic {plastic}, water {water}, slogans {slogans}.")


# --- helpers ---------------------------------------------------------------------------


def _judges(people, password_hash) -> list:
    User = get_user_model()
    users = []
    for username, full_name in people:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(
                username=username, full_name=full_name, email=f"{username}@example.org", password_hash=password_hash
            )
        users.append(user)
    return users


def _round(contest, order, name, *, mode, criteria=(), opens, closes, **fields) -> Round:
    round = Round.objects.create(
        contest=contest, order=order, name=name, mode=mode, opens_at=opens, closes_at=closes, **fields
    )
    for number, criterion in enumerate(criteria, start=1):
        Criterion.objects.create(
            round=round, order=number, name=criterion, min_score=Decimal(0), max_score=Decimal(10), weight=Decimal(1)
        )
    return round


def _status(round, status) -> None:
    round.status = status
    round.save(update_fields=["status"])


def _score(round, judge, entry, values, at, passed=None) -> None:
    criteria = list(round.criteria.order_by("order"))
    scores = {c.pk: Decimal(str(v)) for c, v in zip(criteria, values, strict=True)}
    evaluation_save(round_=round, judge=judge, entry=entry, scores=scores, passed=passed, submit=True, now=at)


def _assigned(round) -> list[tuple]:
    return list(round.assignments.select_related("judge", "entry").order_by("entry__code", "judge__username"))


# --- plastic: the live showcase ----------------------------------------------------------


def plastic_values(rank: int, judge_index: int) -> list[int]:
    """Five criterion scores of a judge for the entry ranked `rank` (1–20). The entry's 25
    scores add up to 215 − 5·(rank − 1): distinct totals, so no tie anywhere. The first
    judge is a little lenient and the last a little strict on one criterion."""
    total = 215 - 5 * (rank - 1)
    base, extra = divmod(total, 25)
    values = [base + (1 if (judge_index * 5 + c + rank * 7) % 25 < extra else 0) for c in range(5)]
    if judge_index == 0:
        values[rank % 5] += 1
    elif judge_index == 4:
        values[rank % 5] -= 1
    return values


def _seed_plastic(organiser, password_hash) -> str:
    contest = Contest.objects.get(slug=PLASTIC_CONTEST)
    if contest.rounds.exists():
        return "already judged"
    judges = _judges(PLASTIC_JUDGES, password_hash)
    for judge in judges:
        judge_invite(contest=contest, judge=judge, by=organiser)
    contest_status_set(contest=contest, status=ContestStatus.JUDGING)
    round = _round(
        contest,
        1,
        "Thi trình bày trực tiếp 09/12/2022",
        mode=RoundMode.LIVE,
        criteria=PLASTIC_CRITERIA,
        opens=_at(2022, 12, 9, 7, 30),
        closes=_at(2022, 12, 9, 17, 0),
        status=RoundStatus.OPEN,
        aggregation=Aggregation.AUTO,
    )
    assign_all(round_=round, by=organiser)
    entries = list(contest.entries.filter(status=EntryStatus.ELIGIBLE).order_by("presentation_order", "code"))
    ranks = list(range(1, len(entries) + 1))
    random.Random(20221209).shuffle(ranks)
    rank_of = {entry.pk: rank for entry, rank in zip(entries, ranks, strict=True)}
    order = {judge.pk: index for index, judge in enumerate(judges)}
    for position, a in enumerate(_assigned(round)):
        at = _at(2022, 12, 9, 8, 0 + position // 10)
        _score(round, a.judge, a.entry, plastic_values(rank_of[a.entry_id], order[a.judge_id]), at)
    _status(round, RoundStatus.CLOSED)
    snapshot = results_publish(round=round, user=organiser, at=_at(2022, 12, 17, 8, 0))
    return f"{len(snapshot.rows)} ranked, published"


# --- water: panels with a linking judge -----------------------------------------------------

WATER_LENIENCY = [6, -2, 0, 3, -5, -1]  # the six panel judges, in points of S
WATER_SPREAD = [0.5, -0.5, 0.3, -0.3]  # per criterion; sums to zero, so S is unchanged


def water_values(quality: int, leniency: int) -> list[Decimal]:
    """Four criterion scores giving S = quality + leniency exactly (S = 10 × mean value)."""
    mean = Decimal(quality + leniency) / 10
    return [mean + Decimal(str(d)) for d in WATER_SPREAD]


def _seed_water(organiser, password_hash) -> str:
    contest = Contest.objects.get(slug=WATER)
    if contest.rounds.exists():
        return "already judged"
    judges = _judges(GREEN_JUDGES, password_hash)
    panel_judges, linking = judges[:6], judges[6]
    for judge in judges:
        judge_invite(contest=contest, judge=judge, by=organiser)
    contest_status_set(contest=contest, status=ContestStatus.JUDGING)
    round = _round(
        contest,
        1,
        "Chấm sáng kiến theo tiểu ban",
        mode=RoundMode.RUBRIC,
        criteria=WATER_CRITERIA,
        opens=_at(2023, 3, 6, 7, 30),
        closes=_at(2023, 3, 20, 17, 0),
        status=RoundStatus.OPEN,
        aggregation=Aggregation.ADJUSTED,
    )
    entries = list(contest.entries.filter(status=EntryStatus.ELIGIBLE).order_by("code"))
    qualities = [88 - 2 * i for i in range(len(entries))]  # distinct: no tie at the 10th place
    random.Random(2023).shuffle(qualities)
    quality = {entry.pk: q for entry, q in zip(entries, qualities, strict=True)}
    leniency = {judge.pk: b for judge, b in zip(panel_judges, WATER_LENIENCY, strict=True)}
    leniency[linking.pk] = 0
    for p in range(3):
        panel = entries[p::3]
        assign_panel(round_=round, judges=panel_judges[2 * p : 2 * p + 2], entries=panel, by=organiser)
        assign_panel(round_=round, judges=[linking], entries=panel[:3], by=organiser)
    for position, a in enumerate(_assigned(round)):
        at = _at(2023, 3, 10 + position // 20, 9, 0)
        _score(round, a.judge, a.entry, water_values(quality[a.entry_id], leniency[a.judge_id]), at)
    _status(round, RoundStatus.CLOSED)
    results_publish(round=round, user=organiser, at=_at(2023, 3, 24, 9, 0))
    selected = contest.entries.filter(status=EntryStatus.SELECTED).count()
    return f"{selected} selected, published"


# --- slogans: screening, then a final left at the chair's decision --------------------------


def slogan_values(rank: int) -> list[int]:
    """Three criterion scores (the same from each final judge) of the slogan ranked `rank`."""
    total = 29 - rank if rank <= SLOGAN_TIE[0] else 30 - rank  # ranks 3 and 4 share 26
    base, extra = divmod(total, 3)
    return [base + (1 if c < extra else 0) for c in range(3)]


def _seed_slogans(organiser, password_hash) -> str:
    contest = Contest.objects.get(slug=SLOGANS)
    if contest.rounds.exists():
        return "already judged"
    User = get_user_model()
    green = _judges(GREEN_JUDGES, password_hash)
    screeners = [User.objects.get(username="gv.ngosilien"), green[0], green[1]]
    finalists = [green[2], green[3], green[4]]
    for judge in [*screeners, *finalists]:
        # The first final judge chairs the jury: he decides the boundary tie the final leaves.
        judge_invite(contest=contest, judge=judge, by=organiser, is_chair=judge == finalists[0])
    contest_status_set(contest=contest, status=ContestStatus.JUDGING)
    screening = _round(
        contest,
        1,
        "Sơ khảo",
        mode=RoundMode.SCREENING,
        blind=True,
        opens=_at(2022, 12, 21, 7, 30),
        closes=_at(2022, 12, 28, 17, 0),
        status=RoundStatus.OPEN,
        advance_rule=AdvanceRule.THRESHOLD,
        advance_threshold=Decimal("60"),
    )
    final = _round(
        contest,
        2,
        "Chung khảo",
        mode=RoundMode.RUBRIC,
        criteria=SLOGAN_CRITERIA,
        opens=_at(2023, 1, 4, 7, 30),
        closes=_at(2023, 1, 11, 17, 0),
        status=RoundStatus.DRAFT,
        aggregation=Aggregation.AUTO,
    )
    # Screening: every screener reads every eligible slogan (except their own school's).
    _screen(screening, screeners, organiser)
    advanced = round_advance(round=screening, user=organiser)
    # The final: three other judges, every finalist.
    _status(final, RoundStatus.OPEN)
    assign_panel(round_=final, judges=finalists, entries=list(Entry.objects.filter(pk__in=advanced)), by=organiser)
    ranks = list(range(1, len(advanced) + 1))
    random.Random(2023_01_04).shuffle(ranks)
    rank_of = dict(zip(sorted(advanced), ranks, strict=True))
    for position, a in enumerate(_assigned(final)):
        _score(final, a.judge, a.entry, slogan_values(rank_of[a.entry_id]), _at(2023, 1, 5, 9, position // 20))
    _status(final, RoundStatus.CLOSED)
    return f"{len(advanced)} advanced to the final; a boundary tie waits for the chair"


def _screen(round, judges, organiser) -> None:
    """20 slogans pass with every judge, 15 with one judge only (a split), the rest fail."""
    assign_panel(round_=round, judges=judges, entries=list(_eligible(round)), by=organiser)
    codes = [e.code for e in _eligible(round)]
    good = set(codes[5::12][:20])
    split = set(codes[9::12][:15]) - good
    order = {judge.pk: index for index, judge in enumerate(judges)}
    for position, a in enumerate(_assigned(round)):
        passed = a.entry.code in good or (a.entry.code in split and order[a.judge_id] == 0)
        at = _at(2022, 12, 22 + position // 200, 9, 0)
        _score(round, a.judge, a.entry, [], at, passed=passed)
    _status(round, RoundStatus.CLOSED)


def _eligible(round):
    return Entry.objects.filter(contest_id=round.contest_id, status=EntryStatus.ELIGIBLE).order_by("code")

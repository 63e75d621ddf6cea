"""The demo contests of the 2022 report (contests/demo/entries.py), loaded by seed_demo."""

from io import StringIO

from django.db.models import Count

from contests.demo.entries import OPEN_INITIATIVES, OPEN_SLOGANS, PLASTIC_CONTEST, SLOGANS, WATER, seed
from contests.entries.selectors import contest_accepts_entries
from contests.enums import ENTRY_IN_JUDGING, EntryStatus
from contests.models import Contest, Entry
from home.models import User


def _statuses(slug) -> dict[str, int]:
    rows = Entry.objects.filter(contest__slug=slug).values_list("status").annotate(n=Count("pk")).order_by()
    return dict(rows)


def test_demo_water_contest_has_27_eligible_initiatives_from_21_schools(seeded):
    entries = Entry.objects.filter(contest__slug=WATER)

    assert entries.count() == 27
    assert entries.values("school").distinct().count() == 21
    assert set(_statuses(WATER)) <= set(ENTRY_IN_JUDGING)  # eligible, then judged (demo_judging)
    assert list(Contest.objects.get(slug=WATER).prize_tiers.values_list("name", "count")) == [
        ("Sáng kiến xuất sắc được hỗ trợ triển khai", 10)
    ]


def test_demo_plastic_contest_has_20_eligible_initiatives_from_the_5_named_schools(seeded):
    entries = Entry.objects.filter(contest__slug=PLASTIC_CONTEST)
    contest = Contest.objects.get(slug=PLASTIC_CONTEST)

    assert entries.count() == 20
    assert set(entries.values_list("school__name", flat=True)) == {
        "Trường THCS Nam Từ Liêm",
        "Trường THCS Cầu Diễn",
        "Trường THCS Tây Mỗ",
        "Trường THCS Mễ Trì",
        "Trường THCS Mỹ Đình 2",
    }
    assert set(_statuses(PLASTIC_CONTEST)) <= set(ENTRY_IN_JUDGING)
    assert sorted(entries.values_list("presentation_order", flat=True)) == list(range(1, 21))
    assert list(contest.prize_tiers.values_list("name", "count")) == [
        ("Giải Đặc biệt", 1),
        ("Giải Nhất", 2),
        ("Giải Nhì", 4),
        ("Giải Ba", 5),
        ("Giải Khuyến khích", 8),
    ]
    assert contest.closes_at.date().isoformat() == "2022-12-05"


def test_demo_slogans_come_from_all_39_schools_in_every_state(seeded):
    entries = Entry.objects.filter(contest__slug=SLOGANS)
    statuses = _statuses(SLOGANS)

    assert entries.count() >= 250
    assert entries.values("school").distinct().count() == 39
    assert sum(statuses.get(s, 0) for s in ENTRY_IN_JUDGING) > entries.count() * 3 // 4
    assert {
        EntryStatus.DRAFT,
        EntryStatus.RETURNED,
        EntryStatus.ENDORSED,
        EntryStatus.INELIGIBLE,
        EntryStatus.WITHDRAWN,
    } <= set(statuses)
    assert not entries.filter(status=EntryStatus.INELIGIBLE, ineligible_reason="").exists()
    assert entries.filter(text="Moi giot nuoc deu quy - giu tron su song").exists()


def test_demo_open_contests_accept_entries_from_cau_dien(seeded):
    student = User.objects.get(username="hs.caudien")

    for slug in (OPEN_SLOGANS, OPEN_INITIATIVES):
        contest = Contest.objects.get(slug=slug)
        assert contest_accepts_entries(contest)
        assert student.has_perm("contests.submit_entry", contest)
    assert EntryStatus.SUBMITTED in _statuses(OPEN_SLOGANS)


def test_demo_entries_seed_twice_adds_nothing(seeded):
    before = Entry.objects.count()

    seed(stdout=StringIO())

    assert Entry.objects.count() == before

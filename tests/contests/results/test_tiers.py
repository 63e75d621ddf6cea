"""Prize tiers filled by count, ties at every boundary, top-N and threshold selection."""

from decimal import Decimal

import pytest

from contests.results.tiers import FLAG, PROMOTE, SELECTED, Tier, allocate, select_threshold, select_top_n

# The plastic showcase: 1 special, 2 first, 4 second, 5 third, 8 consolation = 20 prizes.
SHOWCASE = [
    Tier("DB", "Đặc biệt", 1),
    Tier("N", "Nhất", 2),
    Tier("NH", "Nhì", 4),
    Tier("B", "Ba", 5),
    Tier("KK", "Khuyến khích", 8),
]
# 1-based places at which each tier ends: 1, 3, 7, 12, 20. The showcase's 20 entries, and a
# 21st for the last boundary (prize / no prize).
BOUNDARIES = [(1, "DB", "N"), (3, "N", "NH"), (7, "NH", "B"), (12, "B", "KK"), (20, "KK", None)]


def singles(n):
    return [[f"E{i:02d}"] for i in range(1, n + 1)]


def with_tie_at(n, place):
    """n entries in rank order, the entries at `place` and `place + 1` tied."""
    groups = singles(n)
    tied = groups[place - 1] + groups[place]
    return groups[: place - 1] + [tied] + groups[place + 1 :]


def members(allocation):
    return {tier: len(ids) for tier, ids in allocation.members.items()}


def test_allocate_twenty_without_ties_fills_1_2_4_5_8():
    allocation = allocate(singles(20), SHOWCASE)

    assert allocation.members == {
        "DB": ["E01"],
        "N": ["E02", "E03"],
        "NH": ["E04", "E05", "E06", "E07"],
        "B": ["E08", "E09", "E10", "E11", "E12"],
        "KK": [f"E{i}" for i in range(13, 21)],
    }
    assert allocation.boundary_ties == []


@pytest.mark.parametrize(("place", "upper", "lower"), BOUNDARIES)
def test_allocate_flag_policy_leaves_a_boundary_tie_to_the_chair(place, upper, lower):
    entries = 20 if place < 20 else 21
    allocation = allocate(with_tie_at(entries, place), SHOWCASE, FLAG)

    tied = [f"E{place:02d}", f"E{place + 1:02d}"]
    for entry in tied:
        placement = allocation.placements[entry]
        assert (placement.tier_id, placement.flags, placement.candidates) == (None, ["boundary_tie"], [upper, lower])
    tie = allocation.boundary_ties[0]
    assert (tie.entry_ids, tie.first_place, tie.last_place, tie.promoted) == (tied, place, place + 1, False)
    # Everybody else keeps the tier of their place; the two undecided places are in no tier yet.
    expected = {"DB": 1, "N": 2, "NH": 4, "B": 5, "KK": 8}
    expected[upper] -= 1
    if lower is not None:
        expected[lower] -= 1
    assert members(allocation) == expected
    assert len(allocation.placements) == entries


@pytest.mark.parametrize(("place", "upper", "lower"), BOUNDARIES)
def test_allocate_promote_policy_lifts_the_tie_and_shrinks_the_next_tier(place, upper, lower):
    allocation = allocate(with_tie_at(20 if place < 20 else 21, place), SHOWCASE, PROMOTE)

    for entry in (f"E{place:02d}", f"E{place + 1:02d}"):
        assert allocation.placements[entry].tier_id == upper
        assert allocation.placements[entry].flags == ["promoted_tie"]
    expected = {"DB": 1, "N": 2, "NH": 4, "B": 5, "KK": 8}
    expected[upper] += 1
    if lower is not None:
        expected[lower] -= 1
    assert members(allocation) == expected
    assert allocation.boundary_ties[0].promoted is True


def test_allocate_showcase_three_tied_for_places_2_to_4():
    groups = [["E01"], ["E02", "E03", "E04"]] + singles(20)[4:]

    flagged = allocate(groups, SHOWCASE, FLAG)
    promoted = allocate(groups, SHOWCASE, PROMOTE)

    # Flag: places 2–3 (Nhất) and 4 (Nhì) wait for the chair; E05–E07 are Nhì.
    assert flagged.placements["E03"].candidates == ["N", "NH"]
    assert members(flagged) == {"DB": 1, "N": 0, "NH": 3, "B": 5, "KK": 8}
    # Promote: all three are Nhất; Nhì shrinks to 3 (E05–E07); Ba and KK unchanged.
    assert promoted.members["N"] == ["E02", "E03", "E04"]
    assert promoted.members["NH"] == ["E05", "E06", "E07"]
    assert members(promoted) == {"DB": 1, "N": 3, "NH": 3, "B": 5, "KK": 8}


def test_allocate_a_tie_spanning_three_tiers_is_never_pushed_down():
    groups = [["E01", "E02", "E03", "E04"]] + singles(20)[4:]

    promoted = allocate(groups, SHOWCASE, PROMOTE)
    flagged = allocate(groups, SHOWCASE, FLAG)

    assert promoted.members["DB"] == ["E01", "E02", "E03", "E04"]
    assert promoted.members["N"] == [] and promoted.members["NH"] == ["E05", "E06", "E07"]
    assert flagged.placements["E01"].candidates == ["DB", "N", "NH"]


def test_allocate_a_tie_inside_one_tier_is_no_boundary():
    groups = [["E01"], ["E02"], ["E03"], ["E04", "E05"]] + singles(20)[5:]

    allocation = allocate(groups, SHOWCASE, FLAG)

    assert allocation.placements["E04"].tier_id == "NH" and allocation.placements["E05"].flags == []
    assert allocation.boundary_ties == []


def test_allocate_refuses_an_unknown_policy():
    with pytest.raises(ValueError):
        allocate(singles(3), SHOWCASE, "push_down")


def test_select_top_n_ten_of_27_with_a_tie_at_ten():
    groups = with_tie_at(27, 10)

    flagged = select_top_n(groups, 10, FLAG)
    promoted = select_top_n(groups, 10, PROMOTE)

    assert len(flagged.members[SELECTED]) == 9
    assert flagged.placements["E10"].flags == ["boundary_tie"] and flagged.placements["E11"].candidates == [
        SELECTED,
        None,
    ]
    assert len(promoted.members[SELECTED]) == 11
    assert promoted.tier_of("E12") is None


def test_select_top_n_without_tie():
    allocation = select_top_n(singles(27), 10)
    assert allocation.members[SELECTED] == [f"E{i:02d}" for i in range(1, 11)]


def test_select_threshold_takes_every_entry_at_or_above_it():
    groups = [["A"], ["B", "C"], ["D"], ["E"]]
    scores = {"A": Decimal("90.00"), "B": Decimal("70.00"), "C": Decimal("70.00"), "D": Decimal("69.99"), "E": None}

    allocation = select_threshold(groups, scores, Decimal("70.00"))

    assert allocation.members[SELECTED] == ["A", "B", "C"]
    assert allocation.tier_of("D") is None and allocation.tier_of("E") is None
    assert allocation.boundary_ties == []

"""Prize tiers, top-N selection and threshold advancement (DESIGN §5). Pure: no database.

`allocate(groups, tiers, policy)` fills the tiers in rank order with their counts.
`groups` are the ranked groups of the cascade (best first; a group of several entries
is still tied). Positions are counted from 0; tier k holds positions
[count₀ + … + count_(k−1), … + count_k). A group whose positions fall in one tier (or
past the last tier) gets that tier (or None). A group that straddles a boundary:

- policy ``flag``: every entry of it gets tier None for now, the flag ``boundary_tie``
  and `candidates` (the tier ids its positions cover, None meaning "no prize"); the
  places stay undecided until the chair records a decision (which splits the group in
  the cascade). Positions after the group are unaffected.
- policy ``promote``: every entry of it gets the best tier it covers and the flag
  ``promoted_tie``; the entries after it keep their positions, so the next tier shrinks
  by the overflow (and the one after, if the overflow is larger). At the last tier the
  prize simply holds more entries than its count.

Ties never push an entry down. `select_top_n(groups, n, policy)` is `allocate` with a
single tier of n places ("select 10 of 27"; a tie at N is flagged or all are taken);
`select_threshold(groups, scores, threshold)` selects every entry whose 2-decimal score
is at or above the threshold (entries equal on it are always on the same side).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

FLAG, PROMOTE = "flag", "promote"
SELECTED = "selected"


@dataclass(frozen=True)
class Tier:
    tier_id: Hashable
    name: str
    count: int


@dataclass
class Placement:
    tier_id: Hashable | None
    flags: list[str] = field(default_factory=list)
    candidates: list = field(default_factory=list)  # tier ids a boundary tie could get (None: no prize)


@dataclass(frozen=True)
class BoundaryTie:
    entry_ids: list
    first_place: int  # 1-based place of the group's first position
    last_place: int
    candidates: list  # tier ids covered, best first; None = no prize
    promoted: bool


@dataclass
class Allocation:
    placements: dict  # entry_id -> Placement
    members: dict  # tier_id -> [entry ids] (decided only), in rank order
    boundary_ties: list[BoundaryTie]
    policy: str

    def tier_of(self, entry_id) -> Hashable | None:
        placement = self.placements.get(entry_id)
        return placement.tier_id if placement else None


def allocate(groups: Sequence[Sequence], tiers: Sequence[Tier], policy: str = FLAG) -> Allocation:
    if policy not in (FLAG, PROMOTE):
        raise ValueError(f"unknown tie policy {policy!r}")
    bounds = []  # (first position, end position, tier id)
    start = 0
    for tier in tiers:
        if tier.count < 0:
            raise ValueError("a tier count cannot be negative")
        if tier.count:
            bounds.append((start, start + tier.count, tier.tier_id))
        start += tier.count

    def tier_at(position: int):
        for low, high, tier_id in bounds:
            if low <= position < high:
                return tier_id
        return None

    placements: dict = {}
    members: dict = {tier.tier_id: [] for tier in tiers}
    boundary: list[BoundaryTie] = []
    position = 0
    for group in groups:
        covered: list = []
        for p in range(position, position + len(group)):
            tier_id = tier_at(p)
            if tier_id not in covered:
                covered.append(tier_id)
        if len(covered) == 1:
            for e in group:
                placements[e] = Placement(covered[0])
                if covered[0] is not None:
                    members[covered[0]].append(e)
        elif policy == PROMOTE:
            best = covered[0]
            for e in group:
                placements[e] = Placement(best, ["promoted_tie"], list(covered))
                members[best].append(e)
            boundary.append(BoundaryTie(list(group), position + 1, position + len(group), list(covered), True))
        else:
            for e in group:
                placements[e] = Placement(None, ["boundary_tie"], list(covered))
            boundary.append(BoundaryTie(list(group), position + 1, position + len(group), list(covered), False))
        position += len(group)
    return Allocation(placements=placements, members=members, boundary_ties=boundary, policy=policy)


def select_top_n(groups: Sequence[Sequence], n: int, policy: str = FLAG) -> Allocation:
    """Top-N selection: tier id ``"selected"`` for the selected entries."""
    return allocate(groups, [Tier(SELECTED, SELECTED, n)], policy)


def select_threshold(groups: Sequence[Sequence], scores: Mapping, threshold: Decimal) -> Allocation:
    """Every entry whose (2-decimal) score is ≥ threshold; entries without a score are not."""
    passing = sum(1 for group in groups for e in group if scores.get(e) is not None and scores[e] >= threshold)
    return allocate(groups, [Tier(SELECTED, SELECTED, passing)], FLAG)

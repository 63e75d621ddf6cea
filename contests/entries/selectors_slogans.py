"""Reading near-duplicate slogans of a contest (organisers' check, across schools)."""

from dataclasses import dataclass

from contests.entries.slogans import similar_pairs
from contests.enums import ContestKind, EntryStatus
from contests.models import Contest, Entry

# Drafts and withdrawn slogans are nobody's copy.
_LEFT_OUT = (EntryStatus.DRAFT, EntryStatus.WITHDRAWN)


@dataclass(frozen=True)
class DuplicatePair:
    first: Entry
    second: Entry
    score: float


def contest_slogans(contest: Contest) -> list[Entry]:
    return list(
        Entry.objects.filter(contest=contest)
        .exclude(status__in=_LEFT_OUT)
        .exclude(text="")
        .select_related("school")
        .order_by("code")
    )


def duplicate_pairs(contest: Contest, *, threshold: int | None = None) -> list[DuplicatePair]:
    """Pairs of slogans of different schools at least the contest's threshold similar, best first.

    One query, whatever the number of slogans."""
    if contest.kind != ContestKind.SLOGAN:
        return []
    entries = contest_slogans(contest)
    pairs = similar_pairs(
        [entry.text for entry in entries],
        [entry.school_id for entry in entries],
        threshold=contest.duplicate_threshold if threshold is None else threshold,
    )
    return [DuplicatePair(entries[p.first], entries[p.second], p.score) for p in pairs]

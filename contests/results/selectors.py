"""Reads of results: the chair's ranking page, published snapshots, the public winners.

Query counts do not grow with the entries: entries, team members and media are fetched
in bulk (select_related/prefetch inside). Public names follow the consent rule: a
student's name only with both consents (`Student.public_name`), else initials and class;
the school is always shown with the entry.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from contests.enums import ENTRY_NOT_COUNTED, ContestStatus, MediaKind, MediaStatus
from contests.models import Award, Contest, Entry, EntryMedia, EntryMember, ResultSnapshot, Round
from contests.results.ranking import round_ranking, snapshot_hash


def contest_get(slug: str) -> Contest | None:
    return Contest.objects.select_related("programme").filter(slug=slug).first()


def round_of_contest(contest: Contest, order: int) -> Round | None:
    return Round.objects.select_related("contest__programme").filter(contest=contest, order=order).first()


def round_has_next(round: Round) -> bool:
    return Round.objects.filter(contest_id=round.contest_id, order__gt=round.order).exists()


def entries_by_id(ids) -> dict[int, Entry]:
    return {e.pk: e for e in Entry.objects.filter(pk__in=list(ids)).select_related("school")}


def snapshots_of_round(round: Round) -> list[ResultSnapshot]:
    return list(ResultSnapshot.objects.filter(round=round).select_related("created_by").order_by("-created_at"))


def snapshot_get(contest: Contest, pk: int) -> ResultSnapshot | None:
    return ResultSnapshot.objects.select_related("round", "created_by").filter(round__contest=contest, pk=pk).first()


def published_snapshot(contest: Contest) -> ResultSnapshot | None:
    """The contest's published snapshot (publishing unpublishes the older ones)."""
    return (
        ResultSnapshot.objects.select_related("round")
        .filter(round__contest=contest, is_published=True)
        .order_by("-published_at", "-pk")
        .first()
    )


def tie_decisions_of(round: Round) -> list:
    return list(round.tie_decisions.select_related("decided_by").order_by("-decided_at"))


def contests_for_results(user) -> list[Contest]:
    """Contests whose rankings the user may open (organisers of the programme, chairs)."""
    contests = Contest.objects.select_related("programme").prefetch_related(
        Prefetch("rounds", queryset=Round.objects.order_by("order"))
    )
    return [c for c in contests.order_by("-opens_at", "title") if user.has_perm("contests.view_ranking", c)]


def public_contests():
    """Contests announced to the public (every status but draft), with their entry counts."""
    counted = ~Q(entries__status__in=ENTRY_NOT_COUNTED)
    published = Q(rounds__snapshots__is_published=True)
    return (
        Contest.objects.exclude(status=ContestStatus.DRAFT)
        .select_related("programme")
        .annotate(
            entry_count=Count("entries", filter=counted, distinct=True),
            published_count=Count("rounds__snapshots", filter=published, distinct=True),
        )
        .order_by("-opens_at", "title")
    )


# --- the ranking (contests.results.ranking, by the aggregation), read through one adapter ----

DISAGREEMENT = "disagreement"
BOUNDARY_TIE = "boundary_tie"
FLAG_LABELS = {
    DISAGREEMENT: _("judges disagree"),
    BOUNDARY_TIE: _("tied at a prize boundary"),
    "promoted_tie": _("tied: all promoted"),
    "advance_tie": _("tied at the line to advance"),
    "unresolved_tie": _("tied"),
    "not_comparable": _("not comparable (other panel)"),
    "no_scores": _("no score sheets"),
    "split_verdict": _("judges split"),
}
METHOD_LABELS = {
    "mean": _("Mean of judges' scores"),
    "adjusted": _("Adjusted for judge leniency (least squares)"),
    "screening": _("Screening: share of judges who pass the entry"),
}


def ranking_of(round: Round):
    """contests.results.ranking.round_ranking (the aggregation's documented API; 10 queries)."""

    return round_ranking(round)


def snapshot_hash_of(data) -> str:
    return snapshot_hash(data)


def rows_of(ranking) -> list[dict]:
    return [
        {
            "entry_id": row.entry_id,
            "rank": row.rank,
            "score": row.score,
            "std_error": row.std_error,
            "spread": row.spread,
            "median": row.median,
            "tier": row.tier,
            "advances": row.advances,
            "verdict": row.verdict,
            "passes": row.passes,
            "fails": row.fails,
            "flags": list(row.flags),
            "trace": list(row.trace),
        }
        for row in ranking.rows
    ]


def method_of(ranking) -> str:
    return ranking.method


def method_label(ranking) -> str:
    return str(METHOD_LABELS.get(ranking.method, ranking.method))


def is_adjusted(ranking) -> bool:
    return ranking.method == "adjusted"


def connected(ranking) -> bool:
    return bool(ranking.connected)


def tied_groups(ranking) -> list[list[int]]:
    """Entry ids the declared steps left tied: what the chair may order."""
    return [list(group) for group in ranking.tie_groups]


def boundary_ties(ranking) -> list[list[int]]:
    """Unresolved ties that straddle a prize boundary (tie policy "flag")."""
    return [list(group) for group in ranking.boundary_ties]


def advance_ties(ranking) -> list[list[int]]:
    return [list(group) for group in ranking.advance_ties]


def leniencies(ranking) -> list[tuple[str, float]]:
    return list(ranking.leniencies)


# --- public results -----------------------------------------------------------------


@dataclass
class Winner:
    entry: Entry
    team: list[str]
    thumbnails: list[int] = field(default_factory=list)  # EntryMedia ids with a ready thumbnail
    score: float | None = None
    rank: int | None = None


@dataclass
class TierWinners:
    tier: object
    winners: list[Winner]


@dataclass
class PublishedResults:
    contest: Contest
    snapshot: ResultSnapshot
    tiers: list[TierWinners]
    selection: bool


def team_names(entry: Entry) -> list[str]:
    """Public names of the team (prefetched members): consent, else initials and class."""
    return [member.student.public_name for member in entry.members.all()]


def snapshot_rows_by_entry(snapshot: ResultSnapshot) -> dict[int, dict]:
    return {row["entry_id"]: row for row in snapshot.rows}


def published_results(contest: Contest) -> PublishedResults | None:
    """Winners by tier of the published snapshot, with team names and thumbnails (5 queries)."""
    snapshot = published_snapshot(contest)
    if snapshot is None:
        return None
    members = EntryMember.objects.select_related("student__classroom").order_by("-is_lead", "student__display_name")
    media = EntryMedia.objects.filter(kind=MediaKind.IMAGE, status=MediaStatus.READY).exclude(thumbnail="")
    awards = (
        Award.objects.filter(contest=contest, snapshot=snapshot)
        .select_related("tier", "entry__school")
        .prefetch_related(
            Prefetch("entry__members", queryset=members),
            Prefetch("entry__media", queryset=media.order_by("position", "pk")),
        )
        .order_by("tier__order", "entry__code")
    )
    rows = snapshot_rows_by_entry(snapshot)
    tiers: dict[int, TierWinners] = {}
    for award in awards:
        row = rows.get(award.entry_id, {})
        winner = Winner(
            entry=award.entry,
            team=team_names(award.entry),
            thumbnails=[m.pk for m in award.entry.media.all()],
            score=row.get("score"),
            rank=row.get("rank"),
        )
        tiers.setdefault(award.tier_id, TierWinners(tier=award.tier, winners=[])).winners.append(winner)
    for group in tiers.values():
        group.winners.sort(key=lambda w: (w.rank is None, w.rank or 0, w.entry.code))
    tier_count = contest.prize_tiers.count()
    return PublishedResults(contest=contest, snapshot=snapshot, tiers=list(tiers.values()), selection=tier_count == 1)


def public_parameters(parameters: dict) -> dict:
    """The snapshot's parameters without anything per judge (ids, leniencies): the method,
    the tie-break and tier settings, and the size of each connected component."""
    public = {k: v for k, v in parameters.items() if k not in ("judges", "components")}
    public["components"] = [
        {"entries": len(c.get("entry_ids", [])), "judges": len(c.get("judge_ids", []))}
        for c in parameters.get("components", [])
    ]
    return public


def public_rows(snapshot: ResultSnapshot) -> list[dict]:
    """The snapshot's rows for the public: code, title, school, rank, score, tier, team."""
    rows = snapshot.rows
    members = EntryMember.objects.select_related("student__classroom").order_by("-is_lead", "student__display_name")
    entries = {
        e.pk: e
        for e in Entry.objects.filter(pk__in=[r["entry_id"] for r in rows])
        .select_related("school")
        .prefetch_related(Prefetch("members", queryset=members))
    }
    tiers = {t.order: t.name for t in snapshot.round.contest.prize_tiers.all()}
    out = []
    for row in rows:
        entry = entries.get(row["entry_id"])
        if entry is None:
            continue
        out.append(
            {
                "code": entry.code,
                "title": entry.title or entry.text,
                "school": entry.school.name,
                "rank": row.get("rank"),
                "score": row.get("score"),
                "tier": tiers.get(row.get("tier")),
                "team": team_names(entry),
            }
        )
    return out


# --- the chair's ranking page -------------------------------------------------------


@dataclass
class RankingRow:
    rank: int | None
    entry: Entry
    score: float | None
    std_error: float | None
    spread: float | None
    median: float | None
    tier_name: str | None
    flags: list[str]
    flag_labels: list[str]
    trace: list[str]
    disagreement: bool
    boundary_tie: bool
    advances: bool | None
    verdict: str | None
    passes: int | None
    fails: int | None


@dataclass
class RankingView:
    ranking: object
    rows: list[RankingRow]
    method: str
    method_label: str
    connected: bool
    adjusted: bool
    boundary_ties: list[list[Entry]]
    disagreeing: list[Entry]
    leniencies: list[tuple[str, float]]
    tiers: list
    advance_ties: list[list[Entry]]
    problems: int
    screening: bool


def _flag_labels(flags) -> list[str]:
    """Labels of a row's flags; disagreement is shown with the spread, and a tie flagged
    more precisely (boundary, promoted, advance line) is not also called "tied"."""
    precise = {BOUNDARY_TIE, "promoted_tie", "advance_tie"} & set(flags)
    return [FLAG_LABELS.get(f, f) for f in flags if f != DISAGREEMENT and not (f == "unresolved_tie" and precise)]


def ranking_view(round: Round) -> RankingView:
    """The ranking of `round` (from contests.results.ranking) joined to its entries in bulk."""
    ranking = ranking_of(round)
    raw = rows_of(ranking)
    entries = entries_by_id(r["entry_id"] for r in raw)
    tiers = list(ranking.tiers)  # [{"id", "order", "name", "count"}], loaded with the ranking
    tier_names = {t["order"]: t["name"] for t in tiers}
    rows = []
    for r in raw:
        entry = entries.get(r["entry_id"])
        if entry is None:
            continue
        rows.append(
            RankingRow(
                rank=r["rank"],
                entry=entry,
                score=r["score"],
                std_error=r["std_error"],
                spread=r["spread"],
                median=r["median"],
                tier_name=tier_names.get(r["tier"]),
                flags=r["flags"],
                flag_labels=_flag_labels(r["flags"]),
                trace=r["trace"],
                disagreement=DISAGREEMENT in r["flags"],
                boundary_tie=BOUNDARY_TIE in r["flags"],
                advances=r["advances"],
                verdict=r["verdict"],
                passes=r["passes"],
                fails=r["fails"],
            )
        )
    return RankingView(
        ranking=ranking,
        rows=rows,
        method=method_of(ranking),
        method_label=method_label(ranking),
        connected=connected(ranking),
        adjusted=is_adjusted(ranking),
        boundary_ties=[[entries[pk] for pk in group if pk in entries] for group in boundary_ties(ranking)],
        disagreeing=[row.entry for row in rows if row.disagreement],
        leniencies=leniencies(ranking),
        tiers=tiers,
        advance_ties=[[entries[pk] for pk in group if pk in entries] for group in advance_ties(ranking)],
        problems=len(ranking.problems),
        screening=ranking.method == "screening",
    )

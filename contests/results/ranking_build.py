"""The ranking's types and its assembly from loaded rows. Pure: no database.

`contests.results.ranking.round_ranking` loads a round's rows and calls `build_ranking`; the
documented API (Ranking, RankingRow, JudgeRow, snapshot_hash) is re-exported there.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal

from contests.enums import AdvanceRule, RoundMode
from contests.results.aggregation import aggregate, round2
from contests.results.tiebreak import Candidate, break_ties, describe, trace_messages
from contests.results.tiers import Tier, allocate, select_threshold, select_top_n

SCREENING = "screening"
HUNDRED = Decimal(100)


@dataclass
class RankingRow:
    entry_id: int
    code: str
    title: str
    school_id: int
    score: Decimal | None = None
    std_error: Decimal | None = None
    mean: Decimal | None = None
    median: Decimal | None = None
    spread: Decimal | None = None
    n_judges: int = 0
    rank: int | None = None
    tier: int | None = None  # PrizeTier.order
    tier_id: int | None = None
    tier_name: str = ""
    candidate_tiers: list = field(default_factory=list)  # orders (None: no prize) of a boundary tie
    advances: bool | None = None
    flags: list[str] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)
    trace_codes: list[dict] = field(default_factory=list)
    component: int | None = None
    excluded_conflicts: int = 0
    passes: int | None = None
    fails: int | None = None
    verdict: str | None = None


@dataclass
class JudgeRow:
    judge_id: int
    name: str
    n: int
    mean: Decimal
    leniency: Decimal | None
    std_error: Decimal | None


@dataclass
class Ranking:
    round_id: int
    contest_id: int
    mode: str
    method: str
    parameters: dict
    connected: bool
    components: list[dict]
    rows: list[RankingRow]
    judges: list[JudgeRow]
    tiers: list[dict]
    tie_groups: list[list[int]] = field(default_factory=list)
    unresolved_ties: list[list[int]] = field(default_factory=list)
    boundary_ties: list[list[int]] = field(default_factory=list)
    promoted_ties: list[list[int]] = field(default_factory=list)
    advance_ties: list[list[int]] = field(default_factory=list)
    excluded: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)

    @property
    def leniencies(self) -> list[tuple[str, float]]:
        return [(j.name, float(j.leniency)) for j in self.judges if j.leniency is not None]

    def row_for(self, entry_id: int) -> RankingRow | None:
        return next((row for row in self.rows if row.entry_id == entry_id), None)

    def as_snapshot(self) -> dict:
        """{"method", "parameters", "rows"}: JSON-native, decimals as "72.50" strings."""
        parameters = dict(self.parameters)
        parameters.update(
            round_id=self.round_id,
            contest_id=self.contest_id,
            mode=self.mode,
            connected=self.connected,
            components=self.components,
            tiers=self.tiers,
            judges=[
                {"judge_id": j.judge_id, "n": j.n, "mean": _s(j.mean), "leniency": _s(j.leniency)} for j in self.judges
            ],
            excluded_conflicts=len(self.excluded),
            boundary_ties=self.boundary_ties,
            unresolved_ties=self.unresolved_ties,
        )
        rows = []
        for row in self.rows:
            data = {name: getattr(row, name) for name in ROW_FIELDS}  # already JSON-native, but:
            for key in DECIMAL_FIELDS:
                data[key] = _s(data[key])
            data["candidate_tiers"] = list(data["candidate_tiers"])
            rows.append(data)
        return {"method": self.method, "parameters": _jsonable(parameters), "rows": rows}


ROW_FIELDS = [f.name for f in fields(RankingRow)]
DECIMAL_FIELDS = ("score", "std_error", "mean", "median", "spread")


def snapshot_hash(data: dict) -> str:
    """sha256 of the canonical JSON of `data` (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _s(value) -> str | None:
    return None if value is None else f"{value:.2f}"


def _jsonable(value):
    """What a JSON round trip gives back (tuples → lists), so stored data hashes the same."""
    return json.loads(json.dumps(value, allow_nan=False))


def _criterion_named(criteria: dict, name: str):
    wanted = (name or "").strip().casefold()
    return next((c for c in criteria.values() if wanted and c.name.strip().casefold() == wanted), None)


def _screening(kept, entries):
    """Per entry: passes, fails, score = % passing, verdict by majority."""
    passes, fails = defaultdict(int), defaultdict(int)
    for _pk, _judge, entry_id, _s_value, passed in kept:
        (passes if passed else fails)[entry_id] += 1
    out = {}
    for entry_id in entries:
        p, f = passes[entry_id], fails[entry_id]
        n = p + f
        verdict = None if n == 0 else ("pass" if p > f else "fail" if f > p else "split")
        score = None if n == 0 else (HUNDRED * p / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        out[entry_id] = (p, f, n, score, verdict)
    return out


def build_ranking(
    *, round, contest, entries, criteria, counted, sheets, kept, excluded, problems, decisions, tiers, names
) -> Ranking:
    """entries: id → (code, title, school id); kept: (evaluation id, judge, entry, S, passed)."""
    screening = round.mode == RoundMode.SCREENING
    rows = {
        e: RankingRow(entry_id=e, code=code, title=title, school_id=school)
        for e, (code, title, school) in entries.items()
    }
    for item in excluded:
        rows[item["entry_id"]].excluded_conflicts += 1
    parameters = {
        "tie_break": list(contest.tie_break_steps),
        "priority_criterion": contest.priority_criterion,
        "tie_policy": contest.tie_policy,
        "advance_rule": round.advance_rule,
    }
    if screening:
        scoring = _screening_scoring(rows, kept, entries, names)
    else:
        scoring = _aggregated_scoring(rows, round, contest, criteria, counted, sheets, kept, entries, names)
    parameters.update(scoring.parameters)

    cascade = break_ties(scoring.candidates, scoring.steps, decisions)
    parameters.update(steps=cascade.steps, ignored_steps=cascade.ignored_steps)
    unresolved = _apply_cascade(rows, cascade, entries, screening)

    ranking = Ranking(
        round_id=round.pk,
        contest_id=contest.pk,
        mode=round.mode,
        method=scoring.method,
        parameters=parameters,
        connected=scoring.connected,
        components=scoring.components,
        rows=[],
        judges=scoring.judges,
        tiers=[{"id": t.pk, "order": t.order, "name": t.name, "count": t.count} for t in tiers],
        tie_groups=cascade.chair_groups,
        unresolved_ties=unresolved,
        excluded=excluded,
        problems=problems,
    )
    if tiers and not screening and not getattr(round, "has_later", False):
        _apply_tiers(ranking, rows, cascade.groups, tiers, contest.tie_policy)
    _apply_advance(ranking, rows, cascade.groups, round, contest.tie_policy)
    ranked = sorted((r for r in rows.values() if r.rank is not None), key=lambda r: (r.rank, r.code))
    ranking.rows = ranked + sorted((r for r in rows.values() if r.rank is None), key=lambda r: r.code)
    return ranking


@dataclass
class _Scoring:
    """What scoring a round gives the ranking besides the rows (filled in place): the
    cascade's candidates and steps, and what the snapshot records."""

    method: str
    parameters: dict  # added to the ranking's parameters
    candidates: list[Candidate]
    judges: list[JudgeRow]
    steps: list[str]  # the tie-break steps to apply
    connected: bool = True
    components: list[dict] = field(default_factory=list)


def _screening_scoring(rows, kept, entries, names) -> _Scoring:
    """A screening round: votes, not marks; no tie-break step (a verdict needs no strict order)."""
    candidates = []
    for entry_id, (p, f, n, score, verdict) in _screening(kept, entries).items():
        row = rows[entry_id]
        row.passes, row.fails, row.n_judges, row.score, row.verdict = p, f, n, score, verdict
        if verdict == "split":
            row.flags.append("split_verdict")
        candidates.append(Candidate(entry_id, score))
    votes: dict = defaultdict(list)
    for _pk, judge_id, _e, _s_value, passed in kept:
        votes[judge_id].append(bool(passed))
    judges = []
    for judge_id, cast in votes.items():  # mean: the % of entries the judge passed
        share = HUNDRED * sum(cast) / len(cast)
        judges.append(JudgeRow(judge_id, names.get(judge_id, str(judge_id)), len(cast), round2(share), None, None))
    judges.sort(key=lambda j: (j.name, j.judge_id))
    parameters = {"method": SCREENING, "verdict": "majority of judges; equal votes: split"}
    return _Scoring(SCREENING, parameters, candidates, judges, steps=[])


def _aggregated_scoring(rows, round, contest, criteria, counted, sheets, kept, entries, names) -> _Scoring:
    """A scored round: the round's aggregation of S, and what the contest's tie-break steps need."""
    result = aggregate([(j, e, s) for _pk, j, e, s, _p in kept], method=round.aggregation, entry_ids=list(entries))
    connected = result.connected
    parameters = dict(result.parameters, complete=result.complete, sigma=result.sigma)
    components = [{"entry_ids": c.entry_ids, "judge_ids": c.judge_ids} for c in result.components]
    priority = _criterion_named(criteria, contest.priority_criterion)
    extra = _per_entry_extras(kept, sheets, counted, priority)
    candidates = []
    for entry_id, agg in result.entries.items():
        row = rows[entry_id]
        row.score, row.std_error = round2(agg.score), round2(agg.std_error)
        row.mean, row.median, row.spread = round2(agg.mean), round2(agg.median), round2(agg.spread)
        row.n_judges, row.component = agg.n, agg.component
        if agg.n == 0:
            row.flags.append("no_scores")
        if agg.disagreement:
            row.flags.append("disagreement")
        if not connected and agg.n:
            row.flags.append("not_comparable")
        prio, top, by_judge = extra.get(entry_id, (None, 0, {}))
        candidates.append(Candidate(entry_id, row.score, agg.median, prio, top, by_judge))
    judges = [
        JudgeRow(
            judge_id,
            names.get(judge_id, str(judge_id)),
            j.n,
            round2(j.mean),
            round2(j.leniency),
            round2(j.std_error),
        )
        for judge_id, j in result.judges.items()
    ]
    judges.sort(key=lambda j: (j.name, j.judge_id))
    steps = list(contest.tie_break_steps)
    return _Scoring(result.method, parameters, candidates, judges, steps, connected, components)


def _apply_cascade(rows, cascade, entries, screening) -> list[list]:
    """Ranks and translated traces onto the rows; returns the groups still tied (flagged
    on a scored round only: a screening verdict does not need a strict order)."""
    messages = trace_messages()

    def label(entry_id):
        return entries[entry_id][0]

    for entry_id, row in rows.items():
        row.rank = cascade.ranks.get(entry_id)
        row.trace_codes = cascade.trace.get(entry_id, [])
        row.trace = [describe(item, label, messages) for item in row.trace_codes]
    unresolved = [list(g) for g in cascade.unresolved]
    for group in unresolved if not screening else ():
        for e in group:
            rows[e].flags.append("unresolved_tie")
    return unresolved


def _per_entry_extras(kept, sheets, counted, priority):
    """entry → (priority criterion mean on 0–100, count of top marks, {judge: S})."""
    prio_sum, prio_n, top, by_judge = defaultdict(Decimal), defaultdict(int), defaultdict(int), defaultdict(dict)
    tops = [(c.pk, c.max_score) for c in counted]
    for pk, judge_id, entry_id, s, _passed in kept:
        sheet = sheets.get(pk, {})
        by_judge[entry_id][judge_id] = float(s)
        top[entry_id] += sum(1 for pk_, high in tops if sheet.get(pk_) == high)
        if priority is not None and priority.pk in sheet:
            prio_sum[entry_id] += (
                HUNDRED * (sheet[priority.pk] - priority.min_score) / (priority.max_score - priority.min_score)
            )
            prio_n[entry_id] += 1
    return {e: (float(prio_sum[e] / prio_n[e]) if prio_n[e] else None, top[e], by_judge[e]) for e in by_judge}


def _apply_tiers(ranking, rows, groups, tiers, policy) -> None:
    allocation = allocate(groups, [Tier(t.pk, t.name, t.count) for t in tiers], policy)
    by_id = {t.pk: t for t in tiers}
    for entry_id, placement in allocation.placements.items():
        row = rows[entry_id]
        tier = by_id.get(placement.tier_id)
        if tier is not None:
            row.tier, row.tier_id, row.tier_name = tier.order, tier.pk, tier.name
        row.flags.extend(placement.flags)
        row.candidate_tiers = [by_id[t].order if t in by_id else None for t in placement.candidates]
    for tie in allocation.boundary_ties:
        (ranking.promoted_ties if tie.promoted else ranking.boundary_ties).append(list(tie.entry_ids))


def _apply_advance(ranking, rows, groups, round, policy) -> None:
    if round.advance_rule == AdvanceRule.TOP_N and round.advance_count:
        allocation = select_top_n(groups, round.advance_count, policy)
    elif round.advance_rule == AdvanceRule.THRESHOLD and round.advance_threshold is not None:
        allocation = select_threshold(groups, {e: r.score for e, r in rows.items()}, round.advance_threshold)
    else:
        if round.mode == RoundMode.SCREENING:
            for row in rows.values():
                row.advances = {"pass": True, "fail": False}.get(row.verdict)
        return
    for entry_id, row in rows.items():
        placement = allocation.placements.get(entry_id)
        if placement is None:
            row.advances = False
        elif "boundary_tie" in placement.flags:
            row.advances = None
            row.flags.append("advance_tie")
        else:
            row.advances = placement.tier_id is not None
    ranking.advance_ties = [list(t.entry_ids) for t in allocation.boundary_ties if not t.promoted]

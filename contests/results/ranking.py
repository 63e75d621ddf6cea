"""A round's ranking from the database: the bridge to the pure judging mathematics.

Stable API (used by the chair's pages, publishing, awards, the API and
`manage.py contest_results`):

    round_ranking(round, *, include_drafts=False) -> Ranking
    snapshot_hash(data) -> str     sha256 of the canonical JSON (sorted keys, no spaces, UTF-8)

`Ranking` (dataclass): round_id, contest_id, mode ("screening" | "rubric" | "live"),
method ("mean" | "adjusted" | "screening"), parameters (dict), connected (bool),
components [{"entry_ids", "judge_ids"}], rows [RankingRow] (ranked first, by rank,
then code; unranked last), judges [JudgeRow], tiers [{"id", "order", "name", "count"}],
tie_groups (entry-id lists the declared steps left tied: what the chair may order),
unresolved_ties (still tied after the chair's decisions), boundary_ties (unresolved
ties straddling a prize boundary under tie_policy=flag: publishing waits for the
chair), promoted_ties, advance_ties (ties at a top-N line under flag), excluded
(conflicted evaluations: judge_id, entry_id, reason), problems (sheets whose stored
total differs from S recomputed from the criterion scores, or incomplete sheets).
Properties: `leniencies` [(judge name, b)] (adjusted only); methods `row_for(entry_id)`,
`as_snapshot()` → {"method", "parameters", "rows"}, JSON-native (decimals as strings
with 2 places), what ResultSnapshot stores and snapshot_hash hashes.

`JudgeRow`: judge_id, name, n, mean (their mean S; screening: % passed), leniency and
std_error (adjusted method only, else None).

`RankingRow`: entry_id, code, title, school_id, score (Decimal, 2 places: the ranked
value), std_error, mean, median, spread (Decimal 2 places or None), n_judges, rank,
tier (PrizeTier.order), tier_id, tier_name, candidate_tiers (orders, for a boundary
tie; None = no prize), advances (True/False; None: manual rule or undecided), flags
(disagreement, boundary_tie, promoted_tie, advance_tie, unresolved_tie (not in screening),
not_comparable, no_scores, split_verdict), trace (translated sentences), trace_codes (machine-readable,
see contests.results.tiebreak), component, excluded_conflicts, and for screening rounds
passes, fails, verdict ("pass" | "fail" | "split" | None).

Rules: only SUBMITTED evaluations count (drafts too with include_drafts, if complete);
a conflicted judge's evaluation never counts (a ConflictOfInterest row naming the
entry's school or the entry, or a teacher/student Membership of the entry's school);
S is recomputed with `contests.judging.scoring.sheet_score` from the stored criterion scores.
Tie decisions: the latest TieDecision whose entry_ids contain a whole tied group orders
it (the cascade's last step); adjusted scores are not clipped to 0–100.
Entries: those assigned or evaluated in the round, except draft/withdrawn/ineligible.
Prize tiers apply to the contest's last round only; the round's advance rule
(top N / threshold) gives `advances`. Screening rounds: score = % of judges passing,
verdict by majority. Always 10 queries, whatever the number of entries.

The types and the assembly (pure, no database) live in `contests.results.ranking_build`; the
mathematics in `contests.judging.scoring`, `.aggregation`, `.tiebreak` and `.tiers`.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from contests.enums import ENTRY_NOT_COUNTED, EvaluationStatus, RoundMode
from contests.judging.scoring import sheet_score
from contests.models import (
    Assignment,
    ConflictOfInterest,
    Criterion,
    CriterionScore,
    Entry,
    Evaluation,
    PrizeTier,
    Round,
    TieDecision,
)
from contests.results.ranking_build import SCREENING, JudgeRow, Ranking, RankingRow, build_ranking, snapshot_hash
from contests.results.tiebreak import Decision
from schools.enums import SCHOOL_ROLES
from schools.models import Membership

# --- loading ------------------------------------------------------------------------


def _load(round: Round, include_drafts: bool):
    later = Round.objects.filter(contest_id=OuterRef("contest_id"), order__gt=OuterRef("order"))
    round = Round.objects.select_related("contest").annotate(has_later=Exists(later)).get(pk=round.pk)
    statuses = [EvaluationStatus.SUBMITTED] + ([EvaluationStatus.DRAFT] if include_drafts else [])
    evaluations = Evaluation.objects.filter(round=round, status__in=statuses)
    in_round = Q(pk__in=Assignment.objects.filter(round=round).values("entry_id")) | Q(
        pk__in=Evaluation.objects.filter(round=round).values("entry_id")
    )
    judge_ids = evaluations.values("judge_id")
    return {
        "round": round,
        "criteria": list(Criterion.objects.filter(round=round).order_by("order", "pk")),
        "entries": list(
            Entry.objects.filter(in_round, contest_id=round.contest_id)
            .exclude(status__in=ENTRY_NOT_COUNTED)
            .order_by("code")
            .values_list("pk", "code", "title", "text", "school_id")
        ),
        "evaluations": list(evaluations.values_list("pk", "judge_id", "entry_id", "total", "passed", "status")),
        "scores": list(
            CriterionScore.objects.filter(evaluation__in=evaluations.values("pk")).values_list(
                "evaluation_id", "criterion_id", "value"
            )
        ),
        "conflicts": list(
            ConflictOfInterest.objects.filter(contest_id=round.contest_id).values_list(
                "judge_id", "school_id", "entry_id"
            )
        ),
        "members": set(
            Membership.objects.filter(role__in=SCHOOL_ROLES, user_id__in=judge_ids).values_list("user_id", "school_id")
        ),
        "decisions": list(
            TieDecision.objects.filter(round=round).order_by("-decided_at", "-pk").values_list("pk", "entry_ids")
        ),
        "tiers": list(PrizeTier.objects.filter(contest_id=round.contest_id).order_by("order")),
        "names": dict(
            (pk, full or user)
            for pk, full, user in get_user_model()
            .objects.filter(pk__in=judge_ids)
            .values_list("pk", "full_name", "username")
        ),
    }


def _ids(raw) -> list[int]:
    """A TieDecision's entry ids as ints ([] when the stored value is not a list of ids)."""
    try:
        return [int(x) for x in raw] if isinstance(raw, list) else []
    except (TypeError, ValueError):
        return []


def _conflict_reason(judge_id, entry_id, school_id, school_conflicts, entry_conflicts, members) -> str | None:
    if (judge_id, entry_id) in entry_conflicts:
        return "entry"
    if (judge_id, school_id) in school_conflicts:
        return "school"
    if (judge_id, school_id) in members:
        return "member_of_school"
    return None


def round_ranking(round: Round, *, include_drafts: bool = False) -> Ranking:
    data = _load(round, include_drafts)
    round, contest = data["round"], data["round"].contest
    entries = {pk: (code, title or text, school_id) for pk, code, title, text, school_id in data["entries"]}
    criteria = {c.pk: c for c in data["criteria"]}
    counted = [c for c in data["criteria"] if c.counted]
    specs = [(c.pk, c.min_score, c.max_score, c.weight) for c in counted]
    sheets: dict = defaultdict(dict)
    for evaluation_id, criterion_id, value in data["scores"]:
        sheets[evaluation_id][criterion_id] = value
    school_conflicts = {(j, s) for j, s, e in data["conflicts"] if s is not None}
    entry_conflicts = {(j, e) for j, s, e in data["conflicts"] if e is not None}

    kept, excluded, problems = [], [], []  # kept: (evaluation id, judge, entry, S or None, passed)
    for pk, judge_id, entry_id, total, passed, status in data["evaluations"]:
        if entry_id not in entries:
            continue
        reason = _conflict_reason(
            judge_id, entry_id, entries[entry_id][2], school_conflicts, entry_conflicts, data["members"]
        )
        if reason:
            excluded.append({"judge_id": judge_id, "entry_id": entry_id, "reason": reason})
            continue
        if round.mode == RoundMode.SCREENING:
            if passed is not None:
                kept.append((pk, judge_id, entry_id, None, passed))
            continue
        sheet = sheets.get(pk, {})
        if any(pk_ not in sheet for pk_, *_rest in specs):
            if status == EvaluationStatus.SUBMITTED:
                problems.append({"evaluation_id": pk, "problem": "incomplete"})
            continue
        s = sheet_score((sheet[pk_], low, high, weight, True) for pk_, low, high, weight in specs)
        if s is None:
            continue
        if status == EvaluationStatus.SUBMITTED and (total is None or Decimal(total) != s):
            problems.append(
                {"evaluation_id": pk, "problem": "total_mismatch", "stored": str(total), "computed": str(s)}
            )
        kept.append((pk, judge_id, entry_id, s, passed))

    return build_ranking(
        round=round,
        contest=contest,
        entries=entries,
        criteria=criteria,
        counted=counted,
        sheets=sheets,
        kept=kept,
        excluded=excluded,
        problems=problems,
        decisions=[Decision(pk, ids) for pk, ids in ((pk, _ids(raw)) for pk, raw in data["decisions"]) if ids],
        tiers=data["tiers"],
        names=data["names"],
    )


__all__ = ["SCREENING", "JudgeRow", "Ranking", "RankingRow", "round_ranking", "snapshot_hash"]

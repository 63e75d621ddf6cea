"""The declared tie-break cascade (DESIGN §5). Pure: no database.

Entries are ranked by their score rounded to 2 decimals (always the first key; a
"score" in the contest's list is a no-op). Entries equal on it form a tied group, which
the contest's declared steps split in order; each split group goes on to the next step:

- ``median``: the median of the entry's S (higher first);
- ``priority_criterion``: the mean over its judges of the named criterion's value
  normalised to 0–100 (higher first; skipped when the contest names none);
- ``top_marks``: how many criterion marks at the criterion's maximum it received;
- ``head_to_head``: for each pair in the group, among the judges who scored both, the
  entry more of them scored higher beats the other; entries are ordered by wins − losses
  within the group (an entry that beats both others of a 3-way tie goes first);
- ``chair`` (always last, whatever the list says): the latest TieDecision whose
  entry_ids contain the whole group orders it (positions in that list).

`Cascade.chair_groups` are the groups the declared steps left tied (what the chair may
order, whether or not a decision exists). Entries still tied after every step share a
rank (competition ranking "1, 2, 2, 4").
Entries without a score are not ranked (rank None, listed last, in input order).

Trace (per entry, machine-readable, JSON-safe; ids as given):
  {"step": "score", "code": "unique" | "tied", "value": "72.50", "tied_with": [...]}
  {"step": <step>, "code": "separated", "value": "...", "ahead_of": [...], "behind": [...]}
  {"step": <step>, "code": "equal", "value": "..."}            (the step did not split)
  {"step": "unresolved", "code": "tied", "tied_with": [...]}    (needs the chair)
`describe(item, label)` gives the translated sentence (label maps an id to its code).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

STEPS = ("score", "median", "priority_criterion", "top_marks", "head_to_head", "chair")
KEY_STEPS = ("median", "priority_criterion", "top_marks")


@dataclass(frozen=True)
class Candidate:
    entry_id: Hashable
    score: Decimal | None  # already rounded to 2 decimals
    median: float | None = None
    priority: float | None = None  # 0–100, None when no priority criterion
    top_marks: int = 0
    judge_scores: Mapping = field(default_factory=dict)  # judge_id -> S, for head-to-head


@dataclass(frozen=True)
class Decision:
    decision_id: Hashable
    entry_ids: Sequence  # best first


@dataclass
class Cascade:
    groups: list[list]  # ranked groups, best first; a group of several is still tied
    ranks: dict  # entry_id -> rank (None: not ranked)
    trace: dict  # entry_id -> list of trace items
    steps: list[str]  # the steps applied, in order (after "score")
    ignored_steps: list[str]
    chair_groups: list[list] = field(default_factory=list)  # groups still tied when the chair's step came

    @property
    def unresolved(self) -> list[list]:
        return [g for g in self.groups if len(g) > 1]


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{Decimal(repr(round(float(value), 9))):.2f}"


def _partition(group: list, value: Callable) -> list[tuple]:
    """Split by a value, higher first, None last; returns [(value, [ids]), ...]."""
    keyed: dict = {}
    for entry_id in group:
        keyed.setdefault(value(entry_id), []).append(entry_id)
    present = sorted((v for v in keyed if v is not None), reverse=True)
    return [(v, keyed[v]) for v in present] + ([(None, keyed[None])] if None in keyed else [])


def _rounded(value, places=4):
    return None if value is None else round(float(value), places)


def head_to_head_net(group: list, scores: Mapping[Hashable, Mapping]) -> dict:
    """wins − losses of each entry against the others of its group (shared judges only)."""
    net = dict.fromkeys(group, 0)
    for i, x in enumerate(group):
        for y in group[i + 1 :]:
            sx, sy = scores[x], scores[y]
            shared = set(sx) & set(sy)
            x_higher = sum(1 for j in shared if _rounded(sx[j]) > _rounded(sy[j]))
            y_higher = sum(1 for j in shared if _rounded(sy[j]) > _rounded(sx[j]))
            if x_higher > y_higher:
                net[x] += 1
                net[y] -= 1
            elif y_higher > x_higher:
                net[y] += 1
                net[x] -= 1
    return net


def break_ties(candidates: Iterable[Candidate], steps: Sequence[str], decisions: Iterable[Decision] = ()) -> Cascade:
    """Rank the candidates; `decisions` latest first (the first containing a group wins)."""
    by_id = {c.entry_id: c for c in candidates}
    decisions = list(decisions)
    applied, ignored = _declared_steps(steps)
    trace: dict = {entry_id: [] for entry_id in by_id}
    chair_groups: list[list] = []

    def split(step: str, group: list):
        return _split(step, group, by_id, decisions)

    scored = [e for e, c in by_id.items() if c.score is not None]
    groups: list[list] = []
    for value, members in _partition(scored, lambda e: by_id[e].score):
        for e in members:
            others = [x for x in members if x != e]
            trace[e].append(
                {"step": "score", "code": "tied" if others else "unique", "value": f"{value:.2f}", "tied_with": others}
            )
        groups.extend(_refine(members, applied, split, trace, chair_groups))
    unranked = [e for e, c in by_id.items() if c.score is None]
    return Cascade(
        groups=groups,
        ranks=_competition_ranks(groups, unranked),
        trace=trace,
        steps=applied,
        ignored_steps=ignored,
        chair_groups=chair_groups,
    )


def _declared_steps(steps: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the steps to apply, the unknown ones): known steps once each, in order, "score"
    dropped (always first anyway) and "chair" moved to the end."""
    applied, ignored = [], []
    for step in steps:
        if step in STEPS and step not in ("score", "chair") and step not in applied:
            applied.append(step)
        elif step not in STEPS:
            ignored.append(step)
    applied.append("chair")
    return applied, ignored


def _split(step: str, group: list, by_id: Mapping, decisions: list[Decision]) -> list[tuple] | None:
    """One step's partition of a tied group, best first; None when the step does not apply
    (no priority criterion, no chair's decision covering the whole group)."""
    if step == "median":
        return _partition(group, lambda e: _rounded(by_id[e].median))
    if step == "priority_criterion":
        if all(by_id[e].priority is None for e in group):
            return None
        return _partition(group, lambda e: _rounded(by_id[e].priority))
    if step == "top_marks":
        return _partition(group, lambda e: by_id[e].top_marks)
    if step == "head_to_head":
        net = head_to_head_net(group, {e: by_id[e].judge_scores for e in group})
        return _partition(group, lambda e: net[e])
    for decision in decisions:  # chair
        order = list(decision.entry_ids)
        if all(e in order for e in group):
            return [(decision.decision_id, [e]) for e in sorted(group, key=order.index)]
    return None


def _refine(group: list, remaining: list[str], split: Callable, trace: dict, chair_groups: list) -> list[list]:
    """Split a tied group by the `remaining` steps in turn, each part going on to the next
    step; returns the ranked groups and appends to each member's `trace` (and, when the
    chair's step is reached, the group to `chair_groups`)."""
    if len(group) == 1:
        return [group]
    if not remaining:
        for e in group:
            trace[e].append({"step": "unresolved", "code": "tied", "tied_with": [x for x in group if x != e]})
        return [group]
    step, rest = remaining[0], remaining[1:]
    if step == "chair":
        chair_groups.append(list(group))
    parts = split(step, group)
    if parts is None:
        return _refine(group, rest, split, trace, chair_groups)
    if len(parts) == 1:
        for e in group:
            trace[e].append({"step": step, "code": "equal", "value": _value(step, parts[0][0])})
        return _refine(group, rest, split, trace, chair_groups)
    result, above = [], []
    for value, members in parts:
        below = [x for x in group if x not in members and x not in above]
        for e in members:
            trace[e].append(
                {
                    "step": step,
                    "code": "separated",
                    "value": _value(step, value),
                    "ahead_of": below,
                    "behind": above,
                }
            )
        above = above + members
        result.extend(_refine(members, rest, split, trace, chair_groups))
    return result


def _competition_ranks(groups: list[list], unranked: list) -> dict:
    """entry_id → rank, "1, 2, 2, 4" over the ranked groups; None for the unranked."""
    ranks: dict = {}
    position = 1
    for group in groups:
        for e in group:
            ranks[e] = position
        position += len(group)
    for e in unranked:
        ranks[e] = None
    return ranks


def _value(step: str, value) -> str:
    if step == "chair":
        return str(value)
    if step == "head_to_head":
        return f"{value:+d}"
    return _fmt(value)


def step_label(step: str) -> str:
    return {
        "score": _("Score"),
        "median": _("Median"),
        "priority_criterion": _("Priority criterion"),
        "top_marks": _("Number of top marks"),
        "head_to_head": _("Head-to-head"),
        "chair": _("The chair's decision"),
    }.get(step, step)


def trace_messages() -> dict:
    """The translated sentence templates, looked up once (pass to `describe` in loops)."""
    return {
        "steps": {step: step_label(step) for step in STEPS},
        "unique": _("Score %(value)s: not tied."),
        "tied": _("Score %(value)s: tied with %(entries)s."),
        "unresolved": _("Still tied with %(entries)s: the chair decides."),
        "equal": _("%(step)s: still equal."),
        "between": _("%(step)s: ahead of %(ahead)s, behind %(behind)s."),
        "ahead": _("%(step)s: ahead of %(ahead)s."),
        "behind": _("%(step)s: behind %(behind)s."),
    }


def describe(item: Mapping, label: Callable[[Hashable], str] = str, messages: dict | None = None) -> str:
    """One translated sentence for a trace item; `label` turns an entry id into its code."""
    m = messages or trace_messages()

    def names(ids) -> str:
        return ", ".join(label(x) for x in ids)

    step, code = item["step"], item["code"]
    if step == "score":
        if code == "unique":
            return m["unique"] % {"value": item["value"]}
        return m["tied"] % {"value": item["value"], "entries": names(item["tied_with"])}
    if step == "unresolved":
        return m["unresolved"] % {"entries": names(item["tied_with"])}
    name = m["steps"].get(step, step)
    what = name if step == "chair" else f"{name} ({item['value']})"
    if code == "equal":
        return m["equal"] % {"step": what}
    ahead, behind = item["ahead_of"], item["behind"]
    if ahead and behind:
        return m["between"] % {"step": what, "ahead": names(ahead), "behind": names(behind)}
    if ahead:
        return m["ahead"] % {"step": what, "ahead": names(ahead)}
    return m["behind"] % {"step": what, "behind": names(behind)}

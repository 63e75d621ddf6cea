"""Import paper score sheets of a contest: `round,judge,entry_code,criterion,score`.

Contract (DESIGN §7): all or nothing; every bad row is listed with its line and a
reason. `round` is the round's order (1, 2…) or name; `judge` a username of an invited
judge; `criterion` a criterion name of the round. One sheet is (round, judge, entry);
every counted criterion of the round must be given. Imported sheets are submitted (the
judge signed the paper). The natural key of a sheet is (round, judge, entry): a sheet
already submitted with the same scores is unchanged, so importing the same file twice
changes nothing; one submitted with other scores is an error. A missing assignment is
made, unless the judge is in conflict with the entry (an error).
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contests.enums import ContestStatus, EvaluationStatus, RoundStatus
from contests.judging.selectors import conflicted_pairs, eligible_entries
from contests.judging.services import evaluation_submit_paper
from contests.models import Entry, Evaluation, JudgeInvitation, Round
from schools.imports.pipeline import run_import
from schools.imports.reading import Column
from schools.imports.result import ImportResult
from schools.imports.values import fold

COLUMNS = [
    Column("round", True, gettext_lazy("The round: its number (1, 2…) or its name.")),
    Column("judge", True, gettext_lazy("The judge's username.")),
    Column("entry_code", True, gettext_lazy("The entry code, for example NTL-007.")),
    Column("criterion", True, gettext_lazy("The criterion name, as in the rubric.")),
    Column("score", True, gettext_lazy("The score, within the criterion's range; a decimal comma or dot is fine.")),
]
EXAMPLE_ROWS = [["1", "giamkhao", "NTL-001", "Sáng tạo", "8,5"], ["1", "giamkhao", "NTL-001", "Trình bày", "9"]]


@dataclass
class Sheet:
    line: int
    round: Round
    judge: object
    entry: Entry
    scores: dict = field(default_factory=dict)  # criterion pk → (Decimal, line)
    existing: Evaluation | None = None


@dataclass
class ScoreImportResult(ImportResult):
    """An ImportResult that tells rows (one per criterion) from sheets (judge × entry)."""

    lines: int = 0

    def summary(self) -> str:
        if not self.ok:
            return super().summary()
        values = {
            "lines": self.lines,
            "sheets": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            return (
                _(
                    "The file is valid: %(lines)s row(s), %(sheets)s sheet(s): %(created)s to create, "
                    "%(updated)s to update, %(unchanged)s unchanged."
                )
                % values
            )
        return (
            _(
                "Imported %(lines)s row(s), %(sheets)s sheet(s): %(created)s created, %(updated)s updated, "
                "%(unchanged)s unchanged."
            )
            % values
        )


def import_scores(file, *, contest, user=None, dry_run: bool = False) -> ScoreImportResult:
    known = _known(contest)
    lines = 0

    def validate(rows, result: ImportResult) -> list[Sheet]:
        nonlocal lines
        lines = len(rows)
        if _refuse_decided(rows, result, known, contest):
            return []
        return _validate(rows, result, known)

    result = run_import(file, columns=COLUMNS, validate=validate, write=_write, dry_run=dry_run)
    return ScoreImportResult(**vars(result), lines=lines if result.ok else 0)


def _refuse_decided(rows, result: ImportResult, known, contest) -> bool:
    """A file for a decided round (or a contest whose results are published) is refused
    once, with one message, instead of once per row."""
    if contest.status == ContestStatus.RESULTS_PUBLISHED:
        result.error(None, _("The results of this contest are published: no score can be imported any more."))
        return True
    decided = []
    for row in rows:
        round_ = known.by_order.get(row["round"].strip()) or known.by_name.get(fold(row["round"]))
        if round_ is not None and round_.status == RoundStatus.DECIDED and round_ not in decided:
            decided.append(round_)
    for round_ in decided:
        result.error(
            None,
            _("The round “%(name)s” is decided: its scores can no longer change. Nothing was imported.")
            % {"name": round_.name},
        )
    return bool(decided)


@dataclass
class _Known:
    """What the rows are checked against, loaded once per import."""

    by_order: dict  # "1" → Round
    by_name: dict  # folded name → Round
    criteria: dict  # round pk → {folded name: Criterion}
    judges: dict  # lower-case username → invited judge
    entries: dict  # lower-case code → Entry
    conflicts: set  # (judge pk, entry pk) in conflict of interest


def _known(contest) -> _Known:
    rounds = list(Round.objects.filter(contest=contest).prefetch_related("criteria"))
    by_order = {str(r.order): r for r in rounds}
    by_name = {fold(r.name): r for r in rounds}
    criteria = {r.pk: {fold(c.name): c for c in r.criteria.all()} for r in rounds}
    judges = {
        inv.judge.username.lower(): inv.judge
        for inv in JudgeInvitation.objects.filter(contest=contest).select_related("judge")
    }
    entries = {e.code.lower(): e for e in Entry.objects.filter(contest=contest)}
    conflicts = conflicted_pairs(contest, list(judges.values()))
    return _Known(by_order, by_name, criteria, judges, entries, conflicts)


def _validate(rows, result: ImportResult, known: _Known) -> list[Sheet]:
    """Every row checked, then gathered into sheets; each bad row adds its errors and is skipped."""
    sheets: dict[tuple, Sheet] = {}
    for row in rows:
        before = len(result.errors)
        round_, judge, entry, criterion, value = _check_row(row, result, known)
        if len(result.errors) > before:
            continue
        key = (round_.pk, judge.pk, entry.pk)
        sheet = sheets.setdefault(key, Sheet(row.line, round_, judge, entry))
        if criterion.pk in sheet.scores:
            result.error(
                row.line,
                _("“%(name)s” is given twice for this judge and entry (line %(line)s).")
                % {"name": criterion.name, "line": sheet.scores[criterion.pk][1]},
            )
            continue
        sheet.scores[criterion.pk] = (value, row.line)
    _check_complete(sheets, result, known)
    _check_existing(sheets, result)
    return list(sheets.values())


def _check_row(row, result: ImportResult, known: _Known) -> tuple:
    """(round, judge, entry, criterion, score) of one row, each None when it is wrong: a
    known round (decided ones are refused before, by _refuse_decided), an invited judge not
    in conflict with the entry, a score in range."""
    round_ = known.by_order.get(row["round"].strip()) or known.by_name.get(fold(row["round"]))
    if round_ is None:
        result.error(row.line, _("Unknown round “%(value)s”: write its number or name.") % {"value": row["round"]})
    judge = known.judges.get(row["judge"].strip().lower())
    if judge is None:
        result.error(row.line, _("“%(value)s” is not a judge of this contest.") % {"value": row["judge"]})
    entry = known.entries.get(row["entry_code"].strip().lower())
    if entry is None:
        result.error(row.line, _("Unknown entry code “%(value)s”.") % {"value": row["entry_code"]})
    criterion = None
    if round_ is not None:
        criterion = known.criteria[round_.pk].get(fold(row["criterion"]))
        if criterion is None:
            result.error(
                row.line,
                _("The round “%(round)s” has no criterion “%(value)s”.")
                % {"round": round_.name, "value": row["criterion"]},
            )
    value = _number(row["score"])
    if value is None:
        result.error(row.line, _("“%(value)s” is not a score.") % {"value": row["score"]})
    elif criterion is not None and not criterion.min_score <= value <= criterion.max_score:
        result.error(
            row.line,
            _("The score %(value)s of “%(name)s” is outside %(min)s–%(max)s.")
            % {
                "value": row["score"],
                "name": criterion.name,
                "min": _plain(criterion.min_score),
                "max": _plain(criterion.max_score),
            },
        )
    if judge is not None and entry is not None and (judge.pk, entry.pk) in known.conflicts:
        result.error(
            row.line,
            _("%(judge)s has a conflict of interest with %(code)s: the score cannot count.")
            % {"judge": judge.username, "code": entry.code},
        )
    return round_, judge, entry, criterion, value


def _check_complete(sheets: dict, result: ImportResult, known: _Known) -> None:
    """Every counted criterion of the round is given on each sheet."""
    for sheet in sheets.values():
        missing = [c.name for c in known.criteria[sheet.round.pk].values() if c.counted and c.pk not in sheet.scores]
        if missing:
            result.error(
                sheet.line,
                _("The sheet of %(judge)s for %(code)s lacks: %(missing)s.")
                % {"judge": sheet.judge.username, "code": sheet.entry.code, "missing": ", ".join(missing)},
            )


def _number(text: str) -> Decimal | None:
    text = (text or "").strip().replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        return None
    return value


def _plain(number: Decimal) -> str:
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _check_existing(sheets: dict, result: ImportResult) -> None:
    if not sheets:
        return
    round_ids = {k[0] for k in sheets}
    stored = {
        (e.round_id, e.judge_id, e.entry_id): e
        for e in Evaluation.objects.filter(round_id__in=round_ids).prefetch_related("scores")
    }
    for key, sheet in sheets.items():
        evaluation = stored.get(key)
        sheet.existing = evaluation
        if evaluation is None or evaluation.status == EvaluationStatus.DRAFT:
            continue
        same = evaluation.status == EvaluationStatus.SUBMITTED and {
            s.criterion_id: s.value for s in evaluation.scores.all()
        } == {pk: v for pk, (v, _line) in sheet.scores.items()}
        if not same:
            result.error(
                sheet.line,
                _("%(judge)s's sheet for %(code)s is already submitted with other scores; it is locked.")
                % {"judge": sheet.judge.username, "code": sheet.entry.code},
            )


def _write(sheets: list[Sheet]):
    created = updated = unchanged = 0
    now = timezone.now()
    positions = {}
    for sheet in sheets:
        if sheet.round.pk not in positions:
            positions[sheet.round.pk] = {e.pk: i for i, e in enumerate(eligible_entries(sheet.round), start=1)}
        evaluation = sheet.existing
        if evaluation is not None and evaluation.status == EvaluationStatus.SUBMITTED:
            unchanged += 1
            continue
        _evaluation, was_created = evaluation_submit_paper(
            round_=sheet.round,
            judge=sheet.judge,
            entry=sheet.entry,
            scores={pk: value for pk, (value, _line) in sheet.scores.items()},
            existing=evaluation,
            position=positions[sheet.round.pk].get(sheet.entry.pk, 0),
            now=now,
        )
        created += was_created
        updated += not was_created
    return created, updated, unchanged

"""Writes of score sheets (Evaluation with one CriterionScore per criterion).

Transitions: (none) → draft → submitted | abstained | recused. Only a draft changes;
a submitted, abstained or recused sheet is locked. A paper sheet imported by the
organisers (`evaluation_submit_paper`, from contests/judging/imports.py) goes from
(none) or draft straight to submitted.

Refused with a ValidationError and nothing changed: the round is not open (status or
window), the judge is not assigned to the entry or is in conflict with it, the sheet is
locked, a score is outside [min, max], or (on submit) a counted criterion has no score.

Idempotent: submitting again a sheet that is already submitted with exactly the same
scores and comment answers success and changes nothing (a dropped connection, a double
tap). The sheet row is created with get_or_create on the unique (round, judge, entry) and
locked with select_for_update, so two simultaneous submissions store one evaluation; the
total is always computed from the stored scores.
"""

import unicodedata
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contests.enums import EvaluationStatus, RoundMode
from contests.judging.scoring import sheet_score
from contests.judging.selectors import criteria_of, is_conflicted, round_is_open
from contests.models import Assignment, CriterionScore, Evaluation

LOCKED = (EvaluationStatus.SUBMITTED, EvaluationStatus.ABSTAINED, EvaluationStatus.RECUSED)


def _check_may_score(*, round_, judge, entry, now=None) -> None:
    if entry.contest_id != round_.contest_id:
        raise ValidationError(_("This entry is not in this round's contest."))
    if not round_is_open(round_, now):
        raise ValidationError(_("This round is not open for scoring: the score was not saved."))
    if is_conflicted(judge, entry):
        raise ValidationError(_("You have a conflict of interest with this entry and cannot score it."))
    if not Assignment.objects.filter(round=round_, judge=judge, entry=entry).exists():
        raise ValidationError(_("This entry is not assigned to you."))


def _check_values(criteria, scores: dict, *, complete: bool) -> dict:
    """criterion pk → Decimal or None, every given value within [min, max]."""
    errors = {}
    clean = {}
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None or value == "":
            if complete and criterion.counted:
                errors[f"c_{criterion.pk}"] = _("Give a score for “%(name)s”.") % {"name": criterion.name}
            clean[criterion.pk] = None
            continue
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except ArithmeticError:
            errors[f"c_{criterion.pk}"] = _("“%(value)s” is not a number.") % {"value": value}
            continue
        if not number.is_finite() or not criterion.min_score <= number <= criterion.max_score:
            errors[f"c_{criterion.pk}"] = _("The score for “%(name)s” must be between %(min)s and %(max)s.") % {
                "name": criterion.name,
                "min": _plain(criterion.min_score),
                "max": _plain(criterion.max_score),
            }
            continue
        if number != number.quantize(Decimal("0.01")):
            errors[f"c_{criterion.pk}"] = _("Scores have at most two decimals.")
            continue
        clean[criterion.pk] = number
    unknown = set(scores) - {c.pk for c in criteria}
    if unknown:
        errors["__all__"] = _("The score sheet names a criterion that is not in this round.")
    if errors:
        raise ValidationError(errors)
    return clean


def _plain(number: Decimal) -> str:
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _stored(evaluation) -> dict:
    return {s.criterion_id: s.value for s in evaluation.scores.all()}


def _same(evaluation, values: dict, comment: str, passed) -> bool:
    stored = _stored(evaluation)
    given = {pk: v for pk, v in values.items() if v is not None}
    return (
        stored.keys() == given.keys()
        and all(stored[pk] == given[pk] for pk in given)
        and (evaluation.comment or "") == comment
        and (passed is None or evaluation.passed == passed)
    )


def _sheet_row(*, round_, judge, entry, client_id):
    """The sheet row, created at most once, locked for this transaction."""
    defaults = {"client_id": client_id} if client_id else {}
    try:
        with transaction.atomic():
            evaluation, _created = Evaluation.objects.get_or_create(
                round=round_, judge=judge, entry=entry, defaults=defaults
            )
    except IntegrityError:  # lost the race to create it: the other one exists now
        evaluation = Evaluation.objects.get(round=round_, judge=judge, entry=entry)
    return Evaluation.objects.select_for_update().get(pk=evaluation.pk)


def _write_scores(evaluation, values: dict) -> None:
    stored = {s.criterion_id: s for s in evaluation.scores.all()}
    for pk, value in values.items():
        score = stored.get(pk)
        if value is None:
            if score is not None:
                score.delete()
        elif score is None:
            CriterionScore.objects.create(evaluation=evaluation, criterion_id=pk, value=value)
        elif score.value != value:
            score.value = value
            score.save(update_fields=["value"])


def total_from_stored(evaluation, criteria) -> Decimal | None:
    stored = {s.criterion_id: s.value for s in CriterionScore.objects.filter(evaluation=evaluation)}
    return sheet_score((stored.get(c.pk), c.min_score, c.max_score, c.weight, c.counted) for c in criteria)


@transaction.atomic
def evaluation_save(
    *,
    round_,
    judge,
    entry,
    scores: dict,
    comment: str = "",
    passed: bool | None = None,
    submit: bool = False,
    client_id=None,
    now=None,
) -> tuple[Evaluation, bool]:
    """Save a draft (partial scores allowed) or submit the sheet. Returns (sheet, changed).

    `scores` maps criterion pk → a value (Decimal, number or text) or None.
    """
    comment = unicodedata.normalize("NFC", (comment or "").strip())
    _check_may_score(round_=round_, judge=judge, entry=entry, now=now)
    criteria = criteria_of(round_)
    screening = round_.mode == RoundMode.SCREENING
    evaluation = _sheet_row(round_=round_, judge=judge, entry=entry, client_id=client_id)
    if evaluation.status in LOCKED:
        given = _check_values(criteria, scores, complete=False)
        if submit and evaluation.status == EvaluationStatus.SUBMITTED and _same(evaluation, given, comment, passed):
            return evaluation, False
        raise ValidationError(_("This score sheet has been submitted and is locked; it can no longer change."))
    values = _check_values(criteria, scores, complete=submit)
    if submit and screening and passed is None:
        raise ValidationError({"passed": _("Say whether the entry passes.")})
    _write_scores(evaluation, values)
    evaluation.comment = comment
    if passed is not None:
        evaluation.passed = passed
    if submit:
        evaluation.total = total_from_stored(evaluation, criteria)
        evaluation.status = EvaluationStatus.SUBMITTED
        evaluation.submitted_at = now or timezone.now()
    evaluation.full_clean()
    evaluation.save()
    return evaluation, True


def evaluation_submit_paper(
    *, round_, judge, entry, scores: dict, existing: Evaluation | None, position: int, now
) -> tuple[Evaluation, bool]:
    """Record a paper score sheet as submitted (the organisers' import; its caller holds the
    transaction and has checked the values, the round and the locks). Returns (sheet, created).

    Scored on paper on the day, so no open-round, assignment or conflict check here: the
    judge's assignment is made when missing, and the sheet's scores replace a draft's.
    """
    Assignment.objects.get_or_create(round=round_, judge=judge, entry=entry, defaults={"position": position})
    created = existing is None
    evaluation = Evaluation.objects.create(round=round_, judge=judge, entry=entry) if created else existing
    if not created:
        evaluation.scores.all().delete()
    CriterionScore.objects.bulk_create(
        CriterionScore(evaluation=evaluation, criterion_id=pk, value=value) for pk, value in scores.items()
    )
    evaluation.total = total_from_stored(evaluation, criteria_of(round_))
    evaluation.status = EvaluationStatus.SUBMITTED
    evaluation.submitted_at = now
    evaluation.comment = evaluation.comment or _("Imported from a paper score sheet.")
    evaluation.save()
    return evaluation, created


@transaction.atomic
def evaluation_withdraw(*, round_, judge, entry, status: str, comment: str, client_id=None, now=None) -> Evaluation:
    """Abstain or recuse with a comment; the sheet is then locked and never counts."""
    if status not in (EvaluationStatus.ABSTAINED, EvaluationStatus.RECUSED):
        raise ValidationError(_("Choose abstain or recuse."))
    comment = unicodedata.normalize("NFC", (comment or "").strip())
    if not comment:
        raise ValidationError({"comment": _("Write a short comment saying why.")})
    _check_may_score(round_=round_, judge=judge, entry=entry, now=now)
    evaluation = _sheet_row(round_=round_, judge=judge, entry=entry, client_id=client_id)
    if evaluation.status in LOCKED:
        if evaluation.status == status and evaluation.comment == comment:
            return evaluation
        raise ValidationError(_("This score sheet has been submitted and is locked; it can no longer change."))
    evaluation.status = status
    evaluation.comment = comment
    evaluation.total = None
    evaluation.submitted_at = now or timezone.now()
    evaluation.full_clean()
    evaluation.save()
    return evaluation

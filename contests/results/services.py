"""Writes of results: the chair's tie decisions, advancing entries, publishing. The only
place where round, entry (advanced/awarded/selected) and contest (results_published)
statuses change after judging.

Scores are never computed here: everything comes from `contests.results.ranking.round_ranking`
(helper module of the aggregation), read through the small adapter at the top.

Transitions (anything else is refused with a ValidationError, nothing changed):

    round open|closed → decided        round_advance (entries ADVANCED), results_publish
    entry eligible|advanced → advanced round_advance (to the next round)
    entry (in the ranking) → awarded   results_publish, in a prize tier
                          → selected   results_publish, in the tier of a selection contest
    entry awarded|selected → its status before publishing, when a republished snapshot
                          no longer places it in a tier (its award is removed)
    contest * → results_published      results_publish

A contest with exactly one prize tier is a *selection* ("10 of 27 selected for
support"): its entries become SELECTED, not AWARDED. Several tiers are prizes.

Publishing makes a new frozen ResultSnapshot (method, parameters, rows, sha256 of the
canonical JSON) and marks every older snapshot of the contest unpublished; snapshots are
never edited. It is refused while a boundary tie is unresolved, and for a disconnected
judge–entry design unless the chair confirms with a reason (kept in the parameters).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contests.enums import AdvanceRule, ContestStatus, EntryStatus, RoundStatus
from contests.models import Award, Entry, ResultSnapshot, Round, TieDecision
from contests.results.selectors import (
    advance_ties,
    boundary_ties,
    connected,
    ranking_of,
    rows_of,
    snapshot_hash_of,
    tied_groups,
)
from schools.services import nfc

# --- tie decisions ------------------------------------------------------------------


def tie_decision_record(*, round: Round, entry_ids: list, reason: str, user) -> TieDecision:
    """Record the chair's order of entries tied in the current ranking (best first)."""
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": _("Give the reason for this order: it is kept with the results.")})
    try:
        ordered = [int(pk) for pk in entry_ids]
    except (TypeError, ValueError):
        raise ValidationError(_("Choose the tied entries in order.")) from None
    if len(ordered) < 2 or len(set(ordered)) != len(ordered):
        raise ValidationError(_("Put each tied entry exactly once in the order."))
    ranking = ranking_of(round)
    if not any(set(group) == set(ordered) for group in tied_groups(ranking)):
        raise ValidationError(_("These entries are not tied in the current ranking."))
    decision = TieDecision(round=round, entry_ids=ordered, reason=reason, decided_by=user)
    decision.full_clean()
    decision.save()
    return decision


# --- advancing ----------------------------------------------------------------------


def _next_round(round: Round) -> Round | None:
    return Round.objects.filter(contest_id=round.contest_id, order__gt=round.order).order_by("order").first()


def advancing_entry_ids(round: Round, ranking, chosen=None) -> list[int]:
    """Who goes forward: by the ranking's `advances` (top N or threshold; ties at the line
    are flagged to the chair and must be ordered first), or the chair's manual choice."""
    rows = rows_of(ranking)
    if round.advance_rule in (AdvanceRule.TOP_N, AdvanceRule.THRESHOLD):
        if round.advance_rule == AdvanceRule.TOP_N and not round.advance_count:
            raise ValidationError(_("Set how many entries advance from this round."))
        if round.advance_rule == AdvanceRule.THRESHOLD and round.advance_threshold is None:
            raise ValidationError(_("Set the score needed to advance from this round."))
        if advance_ties(ranking):
            raise ValidationError(
                _("Entries are tied at the line to advance. Record the chair's order of the tied entries first.")
            )
        return [row["entry_id"] for row in rows if row["advances"]]
    ranked = {row["entry_id"] for row in rows}
    try:
        chosen = [int(pk) for pk in (chosen or [])]
    except (TypeError, ValueError):
        raise ValidationError(_("Choose the entries that advance.")) from None
    if not chosen:
        raise ValidationError(_("Choose the entries that advance."))
    if set(chosen) - ranked:
        raise ValidationError(_("Only entries ranked in this round can advance."))
    return chosen


@transaction.atomic
def round_advance(*, round: Round, user, entry_ids=None) -> list[int]:
    """Close a round's results: entries chosen by its rule become ADVANCED for the next round."""
    round = Round.objects.select_for_update().get(pk=round.pk)
    if round.status == RoundStatus.DECIDED:
        raise ValidationError(_("This round's results are already decided."))
    if _next_round(round) is None:
        raise ValidationError(_("There is no next round to advance entries to."))
    ranking = ranking_of(round)
    ids = advancing_entry_ids(round, ranking, entry_ids)
    if not ids:
        raise ValidationError(_("No entry reaches the rule to advance."))
    Entry.objects.filter(pk__in=ids, contest_id=round.contest_id).update(
        status=EntryStatus.ADVANCED, updated_at=timezone.now()
    )
    round.status = RoundStatus.DECIDED
    round.save(update_fields=["status"])
    return ids


# --- publishing ---------------------------------------------------------------------


def is_selection(contest) -> bool:
    return len(contest.prize_tiers.all()) == 1


def _tier_of_rows(contest, rows) -> dict[int, object]:
    """entry id → PrizeTier for the rows the snapshot places in a tier."""
    tiers = {tier.pk: tier for tier in contest.prize_tiers.all()}
    return {row["entry_id"]: tiers[row["tier_id"]] for row in rows if row.get("tier_id") in tiers}


def _check_publishable(ranking, *, confirm_disconnected: bool, reason: str) -> None:
    if boundary_ties(ranking):
        raise ValidationError(
            _(
                "Entries are tied at a prize boundary. Record the chair's order of the tied entries, "
                "with a reason, before publishing."
            )
        )
    if not connected(ranking) and not (confirm_disconnected and reason):
        raise ValidationError(
            _(
                "The judges and entries of this round are not connected, so scores of different panels "
                "cannot be compared. Confirm and give a reason to publish anyway."
            )
        )


def _sync_awards(*, contest, snapshot: ResultSnapshot, placed: dict, user, round: Round) -> None:
    selection = is_selection(contest)
    winner_status = EntryStatus.SELECTED if selection else EntryStatus.AWARDED
    before = {award.entry_id: award for award in Award.objects.filter(contest=contest)}
    for entry_id, tier in placed.items():
        award = before.pop(entry_id, None)
        if award is None:
            award = Award(contest=contest, entry_id=entry_id, tier=tier, decided_by=user, snapshot=snapshot)
            award.full_clean(validate_constraints=False)
            award.save()
        else:
            Award.objects.filter(pk=award.pk).update(tier=tier, snapshot=snapshot)
    now = timezone.now()
    Entry.objects.filter(pk__in=placed).update(status=winner_status, updated_at=now)
    # Entries that no longer hold a tier lose their award (and its certificates).
    dropped = list(before)
    if dropped:
        Award.objects.filter(pk__in=[a.pk for a in before.values()]).delete()
        # Back to how the entry came into this round: advanced from an earlier one, or eligible.
        earlier = Round.objects.filter(contest=contest, order__lt=round.order).exists()
        back = EntryStatus.ADVANCED if earlier else EntryStatus.ELIGIBLE
        Entry.objects.filter(pk__in=dropped).update(status=back, updated_at=now)


@transaction.atomic
def results_publish(
    *, round: Round, user, confirm_disconnected: bool = False, reason: str = "", at=None
) -> ResultSnapshot:
    """Freeze the current ranking of `round` as the contest's published results.
    `at` (the demo replays 2022) is the publication time; default now."""
    round = Round.objects.select_for_update().select_related("contest").get(pk=round.pk)
    contest = round.contest
    reason = nfc(reason)
    if _next_round(round) is not None:
        raise ValidationError(_("Only the last round's results are published. Advance the entries of this round."))
    ranking = ranking_of(round)
    _check_publishable(ranking, confirm_disconnected=confirm_disconnected, reason=reason)
    data = ranking.as_snapshot()
    if not connected(ranking):
        data["parameters"] = {**data.get("parameters", {}), "disconnected_confirmed": reason}
    now = at or timezone.now()
    snapshot = ResultSnapshot(
        round=round,
        method=data["method"],
        parameters=data.get("parameters", {}),
        rows=data["rows"],
        sha256=snapshot_hash_of(data),
        is_published=True,
        created_by=user,
        published_at=now,
    )
    snapshot.full_clean()
    ResultSnapshot.objects.filter(round__contest=contest, is_published=True).update(is_published=False)
    snapshot.save()
    _sync_awards(
        contest=contest, snapshot=snapshot, placed=_tier_of_rows(contest, data["rows"]), user=user, round=round
    )
    round.status = RoundStatus.DECIDED
    round.save(update_fields=["status"])
    contest.status = ContestStatus.RESULTS_PUBLISHED
    contest.save(update_fields=["status"])
    return snapshot


def snapshot_hash_check(snapshot: ResultSnapshot) -> bool:
    """The stored hash is reproducible from the stored method, parameters and rows."""
    data = {"method": snapshot.method, "parameters": snapshot.parameters, "rows": snapshot.rows}
    return snapshot_hash_of(data) == snapshot.sha256

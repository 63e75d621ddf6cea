"""Writes of judges, conflicts of interest and assignments.

Invariants:
- An invited judge holds a JUDGE membership scoped to the contest's programme.
- A judge who is a teacher or student of a school has an automatic conflict with that
  school in every contest they judge (made on invitation and again when assigning).
- No Assignment ever pairs a judge with an entry they are in conflict with; a conflict
  added later deletes such assignments (the evaluation stays, and never counts).
- Assignment.position is the entry's place in presentation order (presentation_order, then code).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from contests.enums import ConflictSource, RoundStatus
from contests.judging.selectors import conflicted_pairs, eligible_entries, invited_judges, member_school_ids
from contests.models import Assignment, ConflictOfInterest, JudgeInvitation
from schools.enums import Role
from schools.models import Membership
from schools.services import membership_grant


@dataclass
class AssignResult:
    created: int = 0
    skipped_conflicts: int = 0
    short: list = field(default_factory=list)  # (entry, judges it got) for entries below k


@transaction.atomic
def judge_invite(*, contest, judge, by=None, is_chair: bool = False) -> JudgeInvitation:
    """Invite a user to judge the contest (idempotent). Grants the JUDGE membership if missing."""
    if not judge.is_active:
        raise ValidationError(_("This account is inactive and cannot judge."))
    invitation, created = JudgeInvitation.objects.get_or_create(
        contest=contest, judge=judge, defaults={"is_chair": is_chair}
    )
    if not created and is_chair and not invitation.is_chair:
        invitation.is_chair = True
        invitation.save(update_fields=["is_chair"])
    if not Membership.objects.filter(user=judge, role=Role.JUDGE, programme=contest.programme).exists():
        membership_grant(user=judge, role=Role.JUDGE, programme=contest.programme)
    conflicts_sync_automatic(contest=contest, judge=judge)
    return invitation


def conflicts_sync_automatic(*, contest, judge) -> int:
    """Automatic conflicts with every school where the judge teaches or studies; returns how many were new."""
    created = 0
    for school_id in sorted(member_school_ids(judge)):
        _conflict, new = ConflictOfInterest.objects.get_or_create(
            judge=judge, contest=contest, school_id=school_id, defaults={"source": ConflictSource.AUTOMATIC}
        )
        created += new
        if new:
            _drop_conflicted_assignments(contest=contest, judge=judge, school_id=school_id)
    return created


def _drop_conflicted_assignments(*, contest, judge, school_id=None, entry_id=None) -> int:
    assignments = Assignment.objects.filter(round__contest=contest, judge=judge)
    if school_id:
        assignments = assignments.filter(entry__school_id=school_id)
    else:
        assignments = assignments.filter(entry_id=entry_id)
    deleted, _detail = assignments.delete()
    return deleted


@transaction.atomic
def conflict_add(
    *, contest, judge, source: str, by=None, school=None, entry=None, reason: str = ""
) -> ConflictOfInterest:
    """A declared (by the judge, reason required) or organiser conflict with a school or one entry.

    Removes the judge's assignments of the affected entries. Adding the same conflict
    again changes nothing.
    """
    reason = " ".join((reason or "").split())
    if (school is None) == (entry is None):
        raise ValidationError(_("Choose either a school or an entry."))
    if entry is not None and entry.contest_id != contest.pk:
        raise ValidationError(_("This entry is not in this contest."))
    if not JudgeInvitation.objects.filter(contest=contest, judge=judge).exists():
        raise ValidationError(_("This person is not a judge of this contest."))
    if source == ConflictSource.DECLARED and not reason:
        raise ValidationError({"reason": _("Say briefly why you are in conflict.")})
    lookup = {"school": school} if school is not None else {"entry": entry}
    conflict = ConflictOfInterest.objects.filter(judge=judge, contest=contest, **lookup).first()
    if conflict is None:
        conflict = ConflictOfInterest(
            judge=judge, contest=contest, source=source, reason=reason, created_by=by, **lookup
        )
        conflict.full_clean(exclude=["created_by"])
        conflict.save()
    _drop_conflicted_assignments(
        contest=contest,
        judge=judge,
        school_id=school.pk if school is not None else None,
        entry_id=entry.pk if entry is not None else None,
    )
    return conflict


def _check_round(round_) -> None:
    if round_.status in (RoundStatus.CLOSED, RoundStatus.DECIDED):
        raise ValidationError(_("This round is closed: its assignments can no longer change."))


def _positions(round_) -> dict[int, int]:
    return {entry.pk: i for i, entry in enumerate(eligible_entries(round_), start=1)}


def _create(round_, pairs, positions) -> int:
    existing = set(Assignment.objects.filter(round=round_).values_list("judge_id", "entry_id"))
    new = [
        Assignment(round=round_, judge_id=j, entry_id=e, position=positions.get(e, 0))
        for j, e in pairs
        if (j, e) not in existing
    ]
    Assignment.objects.bulk_create(new)
    return len(new)


def _prepare(round_, judges):
    _check_round(round_)
    for judge in judges:
        conflicts_sync_automatic(contest=round_.contest, judge=judge)
    return conflicted_pairs(round_.contest, judges)


@transaction.atomic
def assign_all(*, round_, by=None) -> AssignResult:
    """Every eligible entry to every invited judge, except conflicted pairs."""
    judges = invited_judges(round_.contest)
    if not judges:
        raise ValidationError(_("Invite judges to this contest first."))
    conflicts = _prepare(round_, judges)
    positions = _positions(round_)
    pairs = [(j.pk, e) for j in judges for e in positions]
    result = AssignResult()
    allowed = [p for p in pairs if p not in conflicts]
    result.skipped_conflicts = len(pairs) - len(allowed)
    result.created = _create(round_, allowed, positions)
    return result


@transaction.atomic
def assign_panel(*, round_, judges, entries, by=None) -> AssignResult:
    """A panel (a group of judges) gets a set of entries; conflicted pairs are skipped."""
    judges = list(judges)
    entries = list(entries)
    if not judges or not entries:
        raise ValidationError(_("Choose at least one judge and one entry."))
    invited = {j.pk for j in invited_judges(round_.contest)}
    if any(j.pk not in invited for j in judges):
        raise ValidationError(_("Only judges invited to this contest can be assigned."))
    positions = _positions(round_)
    if any(e.pk not in positions for e in entries):
        raise ValidationError(_("Only eligible entries of this contest can be assigned."))
    conflicts = _prepare(round_, judges)
    pairs = [(j.pk, e.pk) for j in judges for e in entries]
    allowed = [p for p in pairs if p not in conflicts]
    result = AssignResult(skipped_conflicts=len(pairs) - len(allowed))
    result.created = _create(round_, allowed, positions)
    return result


@transaction.atomic
def assign_balanced(*, round_, k: int | None = None, by=None) -> AssignResult:
    """k judges per entry (round.judges_per_entry by default), loads as even as possible.

    Deterministic: entries in presentation order; each takes the least-loaded judges
    who are free of conflict (ties by username). Existing assignments count. Entries
    that cannot get k judges are reported in `short`.
    """
    k = k or round_.judges_per_entry
    if not k or k < 1:
        raise ValidationError({"k": _("Give the number of judges per entry.")})
    judges = sorted(invited_judges(round_.contest), key=lambda j: (j.username, j.pk))
    if not judges:
        raise ValidationError(_("Invite judges to this contest first."))
    conflicts = _prepare(round_, judges)
    positions = _positions(round_)
    existing = set(Assignment.objects.filter(round=round_).values_list("judge_id", "entry_id"))
    load = {j.pk: 0 for j in judges}
    for judge_id, _entry_id in existing:
        if judge_id in load:
            load[judge_id] += 1
    order = {j.pk: i for i, j in enumerate(judges)}
    result = AssignResult()
    pairs = []
    entries = {e.pk: e for e in eligible_entries(round_)}
    for entry_id in positions:
        have = {j for j, e in existing if e == entry_id}
        candidates = [j.pk for j in judges if j.pk not in have and (j.pk, entry_id) not in conflicts]
        candidates.sort(key=lambda pk: (load[pk], order[pk]))
        chosen = candidates[: max(0, k - len(have))]
        for judge_id in chosen:
            load[judge_id] += 1
            pairs.append((judge_id, entry_id))
        if len(have) + len(chosen) < k:
            result.short.append((entries[entry_id], len(have) + len(chosen)))
    result.created = _create(round_, pairs, positions)
    return result

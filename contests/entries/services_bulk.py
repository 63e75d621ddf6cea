"""Writers of entries an organiser handles many at a time: a showcase's entries imported
from a file, and eligibility marked for a selection.

- `entry_import_save` creates an entry as the school handed it to the organisers: ENDORSED
  (submitted and endorsed by the importing organiser), with the showcase's own code when
  given, else numbered `<prefix>-<NNN>` as entry_save does. An existing entry is updated
  only while nobody has checked it (DRAFT, SUBMITTED, RETURNED, ENDORSED); the caller (the
  import) has validated every value and refuses a locked entry beforehand.
- `entries_check_bulk` runs `entry_check` for each selected entry: each entry's state rule
  is the service's own, so an entry that may not be checked now is skipped with its reason,
  never changed.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contests.entries.services import _insert_with_code, _set_members, clean_text, entry_check
from contests.enums import EntryStatus
from contests.models import Contest, Entry
from schools.models import School
from schools.services import classroom_get_or_create, student_create

IMPORT_FIELDS = ("title", "text", "problem", "plan", "expected_result", "video_url")
# An imported entry may be rewritten by a later import while nobody has checked it.
IMPORT_UPDATABLE = (EntryStatus.DRAFT, EntryStatus.SUBMITTED, EntryStatus.RETURNED, EntryStatus.ENDORSED)


@dataclass(frozen=True)
class NewStudent:
    """A team member the school does not know yet: made with the least data (name, class)."""

    name: str
    class_name: str


def _team(school: School, members: list, made: dict) -> list:
    """Students for `members` (Students, or NewStudent to create in the current school year's
    class); `made` keeps the ones created in this import so a name in two teams is one child."""
    team = []
    for member in members:
        if isinstance(member, NewStudent):
            key = (school.pk, member.class_name, member.name)
            if key not in made:
                classroom = classroom_get_or_create(school=school, name=member.class_name)
                made[key], _password = student_create(classroom=classroom, display_name=member.name)
            member = made[key]
        team.append(member)
    return team


@transaction.atomic
def entry_import_save(
    *,
    contest: Contest,
    school: School,
    user,
    data: dict,
    members: list,
    code: str = "",
    existing: Entry | None = None,
    made: dict | None = None,
    at: datetime | None = None,
) -> Entry:
    """Create (or, with `existing`, update) one imported entry and its team; the first member leads."""
    made = {} if made is None else made
    at = at or timezone.now()
    if existing is not None and existing.status not in IMPORT_UPDATABLE:
        raise ValidationError(
            _("The entry %(code)s is “%(status)s”: an import can no longer change it.")
            % {"code": existing.code, "status": existing.get_status_display()},
            code="locked",
        )
    entry = existing or Entry(
        contest=contest,
        school=school,
        created_by=user,
        status=EntryStatus.ENDORSED,
        submitted_by=user,
        submitted_at=at,
        endorsed_by=user,
        endorsed_at=at,
    )
    for name in IMPORT_FIELDS:
        value = data.get(name, "")
        setattr(entry, name, (value or "").strip() if name == "video_url" else clean_text(value))
    entry.full_clean(exclude=["code", "client_id", "students"])
    if entry.pk is not None:
        entry.save()
    elif code:
        entry.code = code
        entry.save()
    else:
        _insert_with_code(entry)
    team = _team(school, members, made)
    _set_members(entry, team, team[0] if team else None)
    return entry


@dataclass
class BulkCheck:
    """What a bulk check did: entries changed, unchanged (already in that state) and skipped with a reason."""

    changed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (entry, reason)


def entries_check_bulk(
    *, entries: list[Entry], user, eligible: bool, reason: str = "", at: datetime | None = None
) -> BulkCheck:
    """Mark each entry ELIGIBLE, or INELIGIBLE with one reason for all, through `entry_check`.

    Each entry stands alone: one that `entry_check` refuses (its state) is skipped with the
    service's message and the others still change. An entry already in the wanted state
    (with the same reason) is left untouched. No reason for INELIGIBLE refuses the whole
    action before anything changes.
    """
    reason = clean_text(reason)
    if not eligible and not reason:
        raise ValidationError({"reason": _("Give the reason the entry is not eligible.")}, code="required")
    wanted = EntryStatus.ELIGIBLE if eligible else EntryStatus.INELIGIBLE
    outcome = BulkCheck()
    for entry in entries:
        if entry.status == wanted and (eligible or entry.ineligible_reason == reason):
            outcome.unchanged.append(entry)
            continue
        try:
            entry_check(entry=entry, user=user, eligible=eligible, reason=reason, at=at)
        except ValidationError as error:
            outcome.skipped.append((entry, " ".join(error.messages)))
        else:
            outcome.changed.append(entry)
    return outcome

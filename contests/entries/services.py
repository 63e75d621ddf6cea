"""The only writers of Entry status (and of the entries themselves).

Transitions (each through one function below):

    (new) --entry_save--> DRAFT --entry_submit--> SUBMITTED --entry_endorse--> ENDORSED
    DRAFT, RETURNED --entry_submit--> SUBMITTED (ENDORSED at once when a teacher of the school submits)
    SUBMITTED, ENDORSED --entry_return--> RETURNED (with the school's comment; resubmittable)
    SUBMITTED, ENDORSED, ELIGIBLE, INELIGIBLE --entry_check--> ELIGIBLE | INELIGIBLE (organiser, reason)
    DRAFT, SUBMITTED, RETURNED, ENDORSED --entry_withdraw--> WITHDRAWN (before the deadline)

Permissions are checked by the callers (views, by name); these functions check the
contest's window, limits and eligibility, the team and the text. A ValidationError (in
Vietnamese through gettext) means nothing changed. `at` (default now) lets the demo
replay 2022 through the same rules.
"""

import re
import unicodedata
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contests.entries.rules import WITHDRAWABLE
from contests.entries.selectors import counted_entries, school_is_eligible
from contests.enums import ENTRY_CHECKABLE, ENTRY_EDITABLE, ContestKind, ContestStatus, EntryStatus
from contests.models import Contest, Entry, EntryMember, PrizeTier
from schools.enums import SchoolLevel
from schools.models import School, Student
from schools.predicates import is_teacher_of_school
from schools.services import student_consent_record

TEXT_FIELDS = ("title", "text", "problem", "plan", "expected_result")
LONG_TEXT_MAX = 5000
RETURNABLE = (EntryStatus.SUBMITTED, EntryStatus.ENDORSED)


def clean_text(value) -> str:
    """NFC, trimmed, line ends unified; HTML is kept as text (templates escape it)."""
    text = unicodedata.normalize("NFC", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "").strip()


# --- contests --------------------------------------------------------------------------


@transaction.atomic
def contest_create(
    *,
    programme,
    slug: str,
    kind: str,
    title: str,
    code_prefix: str,
    opens_at: datetime,
    closes_at: datetime,
    prize_tiers=(),
    eligible_schools=(),
    **fields,
) -> Contest:
    """Get or create a contest by slug, with its prize tiers [(name, count), …] (used by the demo)."""
    contest = Contest.objects.filter(slug=slug).first()
    if contest is not None:
        return contest
    contest = Contest(
        programme=programme,
        slug=slug,
        kind=kind,
        title=clean_text(title),
        code_prefix=code_prefix,
        opens_at=opens_at,
        closes_at=closes_at,
        **fields,
    )
    contest.full_clean()
    contest.save()
    if eligible_schools:
        contest.eligible_schools.set(eligible_schools)
    for order, (name, count) in enumerate(prize_tiers, start=1):
        PrizeTier.objects.create(contest=contest, order=order, name=clean_text(name), count=count)
    return contest


def contest_status_set(*, contest: Contest, status: str) -> Contest:
    contest.status = ContestStatus(status)
    contest.save(update_fields=["status"])
    return contest


# --- drafts ----------------------------------------------------------------------------


def _next_code(contest: Contest) -> str:
    pattern = re.compile(rf"^{re.escape(contest.code_prefix)}-(\d+)$")
    numbers = [int(m.group(1)) for code in contest.entries.values_list("code", flat=True) if (m := pattern.match(code))]
    return f"{contest.code_prefix}-{max(numbers, default=0) + 1:03d}"


def _insert_with_code(entry: Entry) -> Entry:
    """Allocate `<prefix>-<NNN>`: the contest row is locked (PostgreSQL) and a collision retried."""
    Contest.objects.select_for_update().filter(pk=entry.contest_id).first()
    for _attempt in range(5):
        entry.code = _next_code(entry.contest)
        try:
            with transaction.atomic():
                entry.save()
            return entry
        except IntegrityError:
            if Entry.objects.filter(client_id=entry.client_id).exists():
                raise
            entry.pk = None
    raise ValidationError(_("The entry could not be numbered; try again."), code="code")


def _check_members(school: School, members) -> list[Student]:
    members = list(dict.fromkeys(members))
    foreign = [s for s in members if s.school_id != school.pk or not s.active]
    if foreign:
        names = ", ".join(s.display_name for s in foreign)
        raise ValidationError(
            {
                "members": _("Team members must be students of %(school)s: %(names)s.")
                % {"school": school.name, "names": names}
            },
            code="foreign_member",
        )
    return members


def _set_members(entry: Entry, members: list[Student], lead: Student | None) -> None:
    wanted = {s.pk: s for s in members}
    EntryMember.objects.filter(entry=entry).exclude(student_id__in=wanted).delete()
    existing = set(EntryMember.objects.filter(entry=entry).values_list("student_id", flat=True))
    EntryMember.objects.bulk_create(
        [EntryMember(entry=entry, student=s, is_lead=False) for pk, s in wanted.items() if pk not in existing]
    )
    if members:
        lead_pk = lead.pk if lead is not None and lead.pk in wanted else members[0].pk
        EntryMember.objects.filter(entry=entry).update(is_lead=False)
        EntryMember.objects.filter(entry=entry, student_id=lead_pk).update(is_lead=True)


def _record_consents(*, entry: Entry, user, consents: dict, members: list[Student]) -> None:
    if not consents:
        return
    if not is_teacher_of_school(user, entry.school):
        raise ValidationError(_("Only a teacher of the school records consent."), code="consent_not_teacher")
    by_pk = {s.pk: s for s in members}
    for pk, (child, guardian) in consents.items():
        student = by_pk.get(pk)
        if student is None:
            continue  # only the team's consents are recorded here
        if (student.consent_child, student.consent_guardian) != (bool(child), bool(guardian)):
            entry_member_consent_record(entry=entry, student=student, child=child, guardian=guardian, user=user)


@transaction.atomic
def entry_save(
    *,
    contest: Contest,
    school: School,
    user,
    client_id,
    data: dict,
    members=None,
    lead=None,
    consents: dict | None = None,
) -> tuple[Entry, bool]:
    """Create the draft for `client_id`, or update it; saving never requires every field.

    Returns (entry, created). `data` holds any of title, text, problem, plan,
    expected_result, video_url; `members` (Students of `school`) replaces the team when
    given. `consents` {student pk: (child, guardian)} is recorded for team members by a
    teacher of the school. An entry that is no longer a draft or returned is refused.
    """
    entry = Entry.objects.select_for_update().filter(client_id=client_id).first()
    created = entry is None
    if entry is None:
        entry = Entry(contest=contest, school=school, client_id=client_id, created_by=user, status=EntryStatus.DRAFT)
    elif entry.contest_id != contest.pk or entry.school_id != school.pk:
        raise ValidationError(_("This form belongs to another entry."), code="mismatch")
    elif entry.status not in ENTRY_EDITABLE:
        raise ValidationError(
            _("This entry is “%(status)s” and can no longer be changed.") % {"status": entry.get_status_display()},
            code="locked",
        )
    for field in TEXT_FIELDS:
        if field in data:
            setattr(entry, field, clean_text(data[field]))
    if "video_url" in data:
        entry.video_url = (data["video_url"] or "").strip()
    if len(entry.title) > 200:
        raise ValidationError({"title": _("The title may have at most 200 characters.")}, code="too_long")
    for field in ("text", "problem", "plan", "expected_result"):
        if len(getattr(entry, field)) > LONG_TEXT_MAX:
            raise ValidationError({field: _("At most %(max)d characters.") % {"max": LONG_TEXT_MAX}}, code="too_long")
    if members is not None:
        members = _check_members(school, members)
    entry.full_clean(exclude=["code", "client_id", "students"])
    if created:
        _insert_with_code(entry)
    else:
        entry.save()
    if members is not None:
        _set_members(entry, members, lead)
        _record_consents(entry=entry, user=user, consents=consents or {}, members=members)
    return entry, created


def entry_member_consent_record(*, entry: Entry, student: Student, child: bool, guardian: bool, user) -> Student:
    """A teacher of the school records a team member's consent to show their name publicly.

    A preschool child is under 7: only the guardian's consent is asked, and the child's is
    never recorded as given by the child."""
    if student.school_id != entry.school_id or not entry.members.filter(student=student).exists():
        raise ValidationError(_("This student is not in the entry's team."), code="not_member")
    if not is_teacher_of_school(user, entry.school):
        raise ValidationError(_("Only a teacher of the school records consent."), code="consent_not_teacher")
    return student_consent_record(student=student, child=bool(child), guardian=bool(guardian), recorded_by=user)


# --- submitting ------------------------------------------------------------------------


def _check_window(contest: Contest, at: datetime) -> None:
    local = timezone.localtime(contest.closes_at).strftime("%H:%M %d/%m/%Y")
    if at < contest.opens_at:
        opens = timezone.localtime(contest.opens_at).strftime("%H:%M %d/%m/%Y")
        raise ValidationError(_("The contest opens for entries at %(time)s.") % {"time": opens}, code="not_open")
    if at >= contest.closes_at:
        raise ValidationError(
            _("The deadline has passed (%(time)s): entries are no longer accepted.") % {"time": local},
            code="deadline",
        )
    if contest.status != ContestStatus.OPEN:
        raise ValidationError(_("This contest is not open for entries."), code="not_open")


def _check_content(entry: Entry) -> None:
    contest = entry.contest
    errors = {}
    if contest.kind == ContestKind.SLOGAN:
        if not entry.text:
            errors["text"] = _("Write the slogan.")
        elif len(entry.text) > contest.slogan_max_length:
            errors["text"] = _("A slogan may have at most %(max)d characters; this one has %(count)d.") % {
                "max": contest.slogan_max_length,
                "count": len(entry.text),
            }
    else:
        required = {
            "title": _("Give the initiative a title."),
            "problem": _("Describe the problem."),
            "plan": _("Say what the team will do."),
            "expected_result": _("Say what result you expect."),
        }
        errors = {field: message for field, message in required.items() if not getattr(entry, field)}
    if errors:
        raise ValidationError(errors, code="incomplete")


def _check_limits(entry: Entry) -> None:
    contest = entry.contest
    if contest.max_entries_per_school is not None:
        used = counted_entries(contest, school=entry.school, exclude=entry)
        if used >= contest.max_entries_per_school:
            raise ValidationError(
                _("%(school)s has already sent %(count)d entries, the most this contest allows per school.")
                % {"school": entry.school.name, "count": used},
                code="school_limit",
            )
    if contest.max_entries_per_student is not None:
        for member in entry.members.select_related("student"):
            used = counted_entries(contest, student=member.student, exclude=entry)
            if used >= contest.max_entries_per_student:
                raise ValidationError(
                    _("%(name)s already has %(count)d entries in this contest, the most allowed per student.")
                    % {"name": member.student.display_name, "count": used},
                    code="student_limit",
                )


@transaction.atomic
def entry_submit(*, entry: Entry, user, at: datetime | None = None) -> Entry:
    """DRAFT or RETURNED → SUBMITTED (→ ENDORSED when a teacher of the school submits).

    Refused, changing nothing: outside the window, for a school not eligible, over the
    per-school or per-student limits, a slogan empty or too long, an initiative without
    its title, problem, plan or expected result, a student of a preschool submitting.
    """
    at = at or timezone.now()
    contest = Contest.objects.select_for_update().get(pk=entry.contest_id)
    entry = Entry.objects.select_for_update().select_related("school").get(pk=entry.pk)
    entry.contest = contest
    if entry.status not in ENTRY_EDITABLE:
        raise ValidationError(
            _("This entry is “%(status)s”: it cannot be submitted again.") % {"status": entry.get_status_display()},
            code="locked",
        )
    _check_window(contest, at)
    if not school_is_eligible(contest, entry.school):
        raise ValidationError(
            _("%(school)s is not among the schools of this contest.") % {"school": entry.school.name},
            code="ineligible_school",
        )
    teacher = bool(is_teacher_of_school(user, entry.school))
    if entry.school.level == SchoolLevel.PRESCHOOL and not teacher:
        raise ValidationError(_("A teacher submits the entries of a preschool."), code="preschool")
    _check_content(entry)
    _check_limits(entry)
    entry.status = EntryStatus.ENDORSED if teacher else EntryStatus.SUBMITTED
    entry.submitted_by, entry.submitted_at = user, at
    if teacher:
        entry.endorsed_by, entry.endorsed_at = user, at
    entry.review_comment = ""
    entry.save(
        update_fields=[
            "status",
            "submitted_by",
            "submitted_at",
            "endorsed_by",
            "endorsed_at",
            "review_comment",
            "updated_at",
        ]
    )
    return entry


@transaction.atomic
def entry_withdraw(*, entry: Entry, user, at: datetime | None = None) -> Entry:
    at = at or timezone.now()
    entry = Entry.objects.select_for_update().select_related("contest").get(pk=entry.pk)
    if entry.status not in WITHDRAWABLE:
        raise ValidationError(
            _("This entry is “%(status)s”: it can no longer be withdrawn.") % {"status": entry.get_status_display()},
            code="locked",
        )
    if at >= entry.contest.closes_at:
        raise ValidationError(_("The deadline has passed: the entry can no longer be withdrawn."), code="deadline")
    entry.status = EntryStatus.WITHDRAWN
    entry.save(update_fields=["status", "updated_at"])
    return entry


# --- the school and the organisers -----------------------------------------------------


@transaction.atomic
def entry_endorse(*, entry: Entry, user, at: datetime | None = None) -> Entry:
    """SUBMITTED → ENDORSED: a teacher of the school checked it and forwards it."""
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.status != EntryStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted entry can be endorsed; this one is “%(status)s”.")
            % {"status": entry.get_status_display()},
            code="state",
        )
    entry.status = EntryStatus.ENDORSED
    entry.endorsed_by, entry.endorsed_at = user, at or timezone.now()
    entry.save(update_fields=["status", "endorsed_by", "endorsed_at", "updated_at"])
    return entry


@transaction.atomic
def entry_return(*, entry: Entry, user, comment: str, at: datetime | None = None) -> Entry:
    """SUBMITTED or ENDORSED → RETURNED with the school's comment; it may be resubmitted."""
    comment = clean_text(comment)
    if not comment:
        raise ValidationError({"comment": _("Say what should be changed.")}, code="required")
    entry = Entry.objects.select_for_update().select_related("contest").get(pk=entry.pk)
    if entry.status not in RETURNABLE:
        raise ValidationError(
            _("This entry is “%(status)s”: it cannot be returned.") % {"status": entry.get_status_display()},
            code="state",
        )
    if (at or timezone.now()) >= entry.contest.closes_at:
        raise ValidationError(
            _("The deadline has passed: a returned entry could not be sent again. Endorse it, or ask the organisers."),
            code="deadline",
        )
    entry.status = EntryStatus.RETURNED
    entry.review_comment = comment
    entry.endorsed_by, entry.endorsed_at = None, None
    entry.save(update_fields=["status", "review_comment", "endorsed_by", "endorsed_at", "updated_at"])
    return entry


@transaction.atomic
def entry_check(*, entry: Entry, user, eligible: bool, reason: str = "", at: datetime | None = None) -> Entry:
    """An organiser marks the entry ELIGIBLE, or INELIGIBLE with a reason (may be changed later)."""
    reason = clean_text(reason)
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.status not in ENTRY_CHECKABLE:
        raise ValidationError(
            _("This entry is “%(status)s”: it cannot be checked now.") % {"status": entry.get_status_display()},
            code="state",
        )
    if not eligible and not reason:
        raise ValidationError({"reason": _("Give the reason the entry is not eligible.")}, code="required")
    entry.status = EntryStatus.ELIGIBLE if eligible else EntryStatus.INELIGIBLE
    entry.ineligible_reason = "" if eligible else reason
    entry.checked_by, entry.checked_at = user, at or timezone.now()
    entry.save(update_fields=["status", "ineligible_reason", "checked_by", "checked_at", "updated_at"])
    return entry


@transaction.atomic
def entries_presentation_order_set(*, contest: Contest, entries: list[Entry]) -> None:
    """Number the contest's entries 1..n in the given order (the live showcase's running order)."""
    if any(e.contest_id != contest.pk for e in entries):
        raise ValidationError(_("Every entry must belong to this contest."), code="foreign")
    Entry.objects.filter(contest=contest).update(presentation_order=None)
    for number, entry in enumerate(entries, start=1):
        Entry.objects.filter(pk=entry.pk).update(presentation_order=number)

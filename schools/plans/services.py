"""Writes of action plans: the only place a plan, its parts or its status change.

Allowed status transitions (anything else is refused with a ValidationError):

    draft → submitted            plan_submit (the checklist must be complete)
    submitted → returned         plan_return (at least one comment, on a section)
    submitted → approved         plan_approve
    returned → submitted         plan_submit
    approved → draft             plan_reopen (a reason is required and kept)

Parts are edited only while the plan is a draft or returned. Every edit carries the
`version` the form was loaded at; an edit against an older version is refused and
changes nothing (optimistic locking: one conditional UPDATE, safe on SQLite too).
Notices are written in the same transaction; e-mails are queued on commit.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from home.services import notice_send
from schools.enums import PLAN_EDITABLE, PlanSection, PlanStatus, Role
from schools.models import (
    ActionPlan,
    Activity,
    CoreTeamMember,
    Goal,
    Membership,
    PlanVersion,
    Programme,
    ReviewComment,
    School,
    Student,
)
from schools.plans.selectors import plan_checklist, plan_reviewers, plan_snapshot, plan_teachers
from schools.plans.tasks import send_plan_emails
from schools.services import nfc

TRANSITIONS = {
    PlanStatus.DRAFT: {PlanStatus.SUBMITTED},
    PlanStatus.SUBMITTED: {PlanStatus.RETURNED, PlanStatus.APPROVED},
    PlanStatus.RETURNED: {PlanStatus.SUBMITTED},
    PlanStatus.APPROVED: {PlanStatus.DRAFT},
}
MAX_ROWS = 50


class PlanConflict(ValidationError):
    """The plan changed since the form was loaded (another teacher saved first)."""


def _conflict() -> PlanConflict:
    return PlanConflict(
        _(
            "Someone else saved this plan after you opened it. Your changes were not saved: "
            "copy them, reload the page and enter them again."
        ),
        code="conflict",
    )


def _check_transition(plan: ActionPlan, to: str) -> None:
    if to not in TRANSITIONS.get(plan.status, set()):
        raise ValidationError(
            _("A plan that is “%(status)s” cannot become “%(to)s”.")
            % {"status": PlanStatus(plan.status).label, "to": PlanStatus(to).label},
            code="transition",
        )


def _move(plan: ActionPlan, to: str, **fields) -> ActionPlan:
    """Move the status with one conditional UPDATE, so two reviewers cannot both act."""
    _check_transition(plan, to)
    updated = ActionPlan.objects.filter(pk=plan.pk, status=plan.status, version=plan.version).update(
        status=to, version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise _conflict()
    plan.refresh_from_db()
    return plan


def _plan_url(plan: ActionPlan) -> str:
    return reverse("workspace:plan", args=[plan.programme_id, plan.school_id])


# Editing ----------------------------------------------------------------------------------


def _in_programme(programme: Programme, day) -> bool:
    return not (
        day is None
        or (programme.starts_on and day < programme.starts_on)
        or (programme.ends_on and day > programme.ends_on)
    )


def _dates_message(programme: Programme) -> str:
    return _("Dates must lie within the programme (%(start)s – %(end)s).") % {
        "start": programme.starts_on.strftime("%d/%m/%Y") if programme.starts_on else "…",
        "end": programme.ends_on.strftime("%d/%m/%Y") if programme.ends_on else "…",
    }


def _team_rows(plan: ActionPlan, rows: list[dict]) -> list[CoreTeamMember]:
    teacher_ids = set(
        Membership.objects.filter(role=Role.TEACHER, school=plan.school_id).values_list("user_id", flat=True)
    )
    student_ids = {int(r["person"][1:]) for r in rows if r["person"].startswith("s") and r["person"][1:].isdigit()}
    students = set(Student.objects.filter(pk__in=student_ids, school=plan.school_id).values_list("pk", flat=True))
    members, seen = [], set()
    for position, row in enumerate(rows):
        key, raw = row["person"][:1], row["person"][1:]
        pk = int(raw) if raw.isdigit() else None
        if (key == "u" and pk in teacher_ids) or (key == "s" and pk in students):
            if row["person"] in seen:
                raise ValidationError(_("A person is listed twice in the core team."), code="duplicate")
            seen.add(row["person"])
            members.append(
                CoreTeamMember(
                    plan=plan,
                    user_id=pk if key == "u" else None,
                    student_id=pk if key == "s" else None,
                    team_role=row["team_role"],
                    position=position,
                )
            )
        else:
            raise ValidationError(
                _("Core team members must be teachers or students of %(school)s.") % {"school": plan.school.name},
                code="other_school",
            )
    return members


def _goal_rows(plan: ActionPlan, rows: list[dict]) -> list[Goal]:
    return [
        Goal(
            plan=plan,
            text=nfc(row["text"]),
            indicator=nfc(row.get("indicator", "")),
            target_value=row.get("target_value"),
            unit=nfc(row.get("unit", "")),
            position=position,
        )
        for position, row in enumerate(rows)
    ]


def _activity_rows(plan: ActionPlan, rows: list[dict]) -> list[Activity]:
    activities = []
    for position, row in enumerate(rows):
        starts_on, ends_on = row.get("starts_on"), row.get("ends_on")
        for day in (starts_on, ends_on):
            if day is not None and not _in_programme(plan.programme, day):
                raise ValidationError(_dates_message(plan.programme), code="dates")
        if starts_on and ends_on and ends_on < starts_on:
            raise ValidationError(_("An activity cannot end before it starts."), code="dates")
        activities.append(
            Activity(
                plan=plan,
                kind=row["kind"],
                title=nfc(row["title"]),
                starts_on=starts_on,
                ends_on=ends_on,
                responsible=nfc(row.get("responsible", "")),
                status=row["status"],
                position=position,
            )
        )
    return activities


def _check_weeks(programme: Programme, baseline, final) -> None:
    for start in (baseline, final):
        if start and not (_in_programme(programme, start) and _in_programme(programme, ActionPlan.week_end(start))):
            raise ValidationError(_dates_message(programme), code="dates")
    if baseline and final and final <= ActionPlan.week_end(baseline):
        raise ValidationError(_("The final audit week must come after the baseline week."), code="weeks_order")


_ROW_BUILDERS = {
    PlanSection.TEAM: (_team_rows, CoreTeamMember),
    PlanSection.GOALS: (_goal_rows, Goal),
    PlanSection.ACTIVITIES: (_activity_rows, Activity),
}


def _plan_to_edit(*, programme: Programme, school: School, user, expected_version: int) -> ActionPlan:
    """The plan the form was loaded from, still at `expected_version` and editable; the
    first save (version 0) makes it."""
    existing = ActionPlan.objects.filter(programme=programme, school=school).first()
    if existing is None and expected_version != 0:
        raise _conflict()
    if existing is not None and expected_version not in (existing.version,):
        raise _conflict()
    plan = existing
    if plan is None:
        # The first save makes the plan; if another teacher's first save made it meanwhile,
        # this form was loaded before theirs: refuse rather than overwrite it.
        try:
            with transaction.atomic():
                plan = ActionPlan.objects.create(programme=programme, school=school, updated_by=user)
        except IntegrityError:
            raise _conflict() from None
    plan.programme, plan.school = programme, school
    if plan.status not in PLAN_EDITABLE:
        raise ValidationError(
            _("This plan is “%(status)s” and cannot be changed now.") % {"status": PlanStatus(plan.status).label},
            code="locked",
        )
    return plan


@transaction.atomic
def plan_section_save(
    *,
    programme: Programme,
    school: School,
    user,
    section: str,
    expected_version: int,
    rows: list[dict] | None = None,
    weeks: dict | None = None,
) -> ActionPlan:
    """Replace one section of the plan with what the form holds; nothing is required.

    `expected_version` 0 means "the plan did not exist when the form was loaded".
    Returns the plan with its new version. Refused: a stale version, a plan that is
    not editable, bad rows (dates, another school's people).
    """
    plan = _plan_to_edit(programme=programme, school=school, user=user, expected_version=expected_version)
    rows = rows or []
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("At most %(count)s rows per section.") % {"count": MAX_ROWS}, code="too_many")
    fields = {"updated_by_id": user.pk, "updated_at": timezone.now()}
    if section == PlanSection.WEEKS:
        weeks = weeks or {}
        baseline, final = weeks.get("baseline_week_starts_on"), weeks.get("final_week_starts_on")
        _check_weeks(programme, baseline, final)
        fields.update(baseline_week_starts_on=baseline, final_week_starts_on=final)
    elif section in _ROW_BUILDERS:
        build, model = _ROW_BUILDERS[section]
        objects = build(plan, rows)
        for obj in objects:
            obj.full_clean(exclude=["plan"])
    else:
        raise ValidationError(_("Unknown section."), code="section")
    updated = ActionPlan.objects.filter(pk=plan.pk, version=plan.version, status__in=PLAN_EDITABLE).update(
        version=F("version") + 1, **fields
    )
    if not updated:
        raise _conflict()
    if section in _ROW_BUILDERS:
        model.objects.filter(plan=plan).delete()
        model.objects.bulk_create(objects)
    plan.refresh_from_db()
    plan.programme, plan.school = programme, school
    return plan


# Status ------------------------------------------------------------------------------------


@transaction.atomic
def plan_submit(*, plan: ActionPlan, user, expected_version: int, at=None, notify: bool = True) -> PlanVersion:
    """Freeze the plan as a new numbered version and send it to review.

    `at` records when it happened and `notify=False` tells no one: the demo replays 2022.
    """
    if plan.version != expected_version:
        raise _conflict()
    _check_transition(plan, PlanStatus.SUBMITTED)
    missing = [item["label"] for item in plan_checklist(plan) if not item["done"]]
    if missing:
        raise ValidationError(
            _("The plan is not complete yet: %(missing)s.") % {"missing": "; ".join(str(m) for m in missing)},
            code="incomplete",
        )
    now = at or timezone.now()
    snapshot = plan_snapshot(plan)
    plan = _move(plan, PlanStatus.SUBMITTED, submitted_at=now, first_submitted_at=plan.first_submitted_at or now)
    number = (plan.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = PlanVersion.objects.create(
        plan=plan, number=number, snapshot=snapshot, submitted_by=user, submitted_at=now
    )
    if notify:
        _tell(plan, event="submitted", users=plan_reviewers(plan), number=number)
    return version


@transaction.atomic
def plan_return(*, plan: ActionPlan, user, comments: dict[str, str], notify: bool = True) -> ActionPlan:
    """Return a submitted plan with comments keyed by section (at least one)."""
    comments = {section: nfc(text) for section, text in comments.items() if nfc(text)}
    if not comments:
        raise ValidationError(_("Write at least one comment to say what needs changing."), code="no_comment")
    if set(comments) - set(PlanSection.values):
        raise ValidationError(_("Unknown section."), code="section")
    plan = _move(plan, PlanStatus.RETURNED)
    version = plan.versions.order_by("-number").first()
    ReviewComment.objects.bulk_create(
        ReviewComment(version=version, section=section, text=text, author=user) for section, text in comments.items()
    )
    if notify:
        _tell(plan, event="returned", users=plan_teachers(plan), number=version.number)
    return plan


@transaction.atomic
def plan_approve(*, plan: ActionPlan, user, at=None, notify: bool = True) -> ActionPlan:
    plan = _move(plan, PlanStatus.APPROVED, approved_at=at or timezone.now(), approved_by=user)
    number = plan.versions.order_by("-number").values_list("number", flat=True).first()
    if notify:
        _tell(plan, event="approved", users=plan_teachers(plan), number=number)
    return plan


@transaction.atomic
def plan_reopen(*, plan: ActionPlan, user, reason: str) -> ActionPlan:
    """Let an approved plan be edited again; the reason, who and when are kept on the plan."""
    reason = nfc(reason)
    if not reason:
        raise ValidationError(_("Say why the approved plan is reopened."), code="no_reason")
    return _move(
        plan,
        PlanStatus.DRAFT,
        reopen_reason=reason,
        reopened_at=timezone.now(),
        reopened_by=user,
        approved_at=None,
        approved_by=None,
    )


def _tell(plan: ActionPlan, *, event: str, users, number) -> None:
    """A notice in each person's workspace now, and an e-mail after the commit."""

    users = list(users)
    with override("vi"):
        message = _event_message(plan, event, number)
    notice_send(users=users, message=message, url=_plan_url(plan))
    ids = [u.pk for u in users if u.email]
    if ids:
        send_plan_emails.delay_on_commit(plan.pk, event, number, ids)


def _event_message(plan: ActionPlan, event: str, number) -> str:
    values = {"school": plan.school.name, "number": number}
    if event == "submitted":
        return _("%(school)s submitted its action plan (version %(number)s).") % values
    if event == "returned":
        return _("The action plan of %(school)s was returned with comments (version %(number)s).") % values
    return _("The action plan of %(school)s was approved (version %(number)s).") % values


@transaction.atomic
def programme_plan_deadline_set(*, programme: Programme, deadline) -> Programme:
    """The day by which schools submit their action plans (None: no deadline)."""
    if deadline and programme.starts_on and deadline < programme.starts_on:
        raise ValidationError(_("The deadline must not be before the programme starts."), code="deadline")
    programme.plan_deadline = deadline
    programme.full_clean()
    programme.save(update_fields=["plan_deadline"])
    return programme

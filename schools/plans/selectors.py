"""Reads of action plans: what a user may open, the checklist, snapshots, versions, coverage.

Every list here costs a constant number of queries, whatever the number of schools.
"""

import difflib
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from schools.enums import PLAN_NOT_STARTED, ActivityKind, ActivityStatus, PlanSection, PlanStatus, Role, TeamRole
from schools.models import ActionPlan, Area, CoreTeamMember, Enrolment, Membership, Programme, School, Student
from schools.monitoring.selectors import board_school_filter
from schools.selectors import memberships_of, programme_schools, programmes_visible_to, schools_visible_to

# Plan lookup -------------------------------------------------------------------------------


def plan_for_user(user, *, programme_pk: int, school_pk: int) -> ActionPlan | None:
    """The school's plan for the programme, or an unsaved one when not started.

    None (→ 404) unless the user may see the school and the school is enrolled in the
    programme. Whether they may see the plan itself is the rule `schools.view_plan`.
    """
    school = schools_visible_to(user).filter(pk=school_pk, enrolments__programme_id=programme_pk).first()
    if school is None:
        return None
    programme = Programme.objects.select_related("area", "school_year").get(pk=programme_pk)
    plan = ActionPlan.objects.filter(programme=programme, school=school).select_related("approved_by").first()
    plan = plan or ActionPlan(programme=programme, school=school, version=0)
    plan.programme, plan.school = programme, school
    return plan


def plan_with_parts(plan: ActionPlan) -> ActionPlan:
    """Loads the team, goals, activities, attachments and versions in five queries."""
    if plan.pk is None:
        return plan
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        [plan],
        Prefetch("team", queryset=CoreTeamMember.objects.select_related("user", "student__classroom")),
        "goals",
        "activities",
        "attachments",
        "versions",
    )
    return plan


def _parts(plan, name):
    return list(getattr(plan, name).all()) if plan.pk else []


def plan_checklist(plan: ActionPlan) -> list[dict]:
    """What a plan needs before it can be submitted, each with `done`."""
    goals = _parts(plan, "goals")
    return [
        {
            "key": PlanSection.TEAM,
            "label": _("at least one person in the core team"),
            "done": len(_parts(plan, "team")) >= 1,
        },
        {
            "key": PlanSection.GOALS,
            "label": _("at least one goal with an indicator and a target value"),
            "done": any(g.indicator and g.target_value is not None for g in goals),
        },
        {
            "key": PlanSection.ACTIVITIES,
            "label": _("at least one activity with its dates"),
            "done": any(a.starts_on for a in _parts(plan, "activities")),
        },
        {
            "key": PlanSection.WEEKS,
            "label": _("the baseline and final audit weeks"),
            "done": bool(plan.baseline_week_starts_on and plan.final_week_starts_on),
        },
    ]


def latest_comments(plan: ActionPlan) -> dict[str, list]:
    """Comments of the latest reviewed version, by section (what the teachers must fix)."""
    if plan.pk is None:
        return {}
    versions = _parts(plan, "versions")
    if not versions:
        return {}
    by_section: dict[str, list] = {}
    for comment in versions[-1].comments.select_related("author"):
        by_section.setdefault(comment.section, []).append(comment)
    return by_section


# People -----------------------------------------------------------------------------------


def team_choices(school: School) -> list:
    """Choices for a core-team row: teachers (u<id>) and students by class (s<id>)."""
    teachers = (
        get_user_model()
        .objects.filter(memberships__role=Role.TEACHER, memberships__school=school, is_active=True)
        .order_by("full_name")
        .distinct()
    )
    choices = [("", "—")]
    choices.append((_("Teachers"), [(f"u{t.pk}", t.get_full_name()) for t in teachers]))
    groups: dict[str, list] = {}
    students = list(
        Student.objects.filter(school=school, active=True)
        .select_related("classroom", "user")
        .order_by("classroom__grade", "classroom__name", "display_name", "pk")
    )
    for student, label in zip(students, student_labels(students), strict=True):
        groups.setdefault(student.classroom.name, []).append((f"s{student.pk}", label))
    for name, items in groups.items():
        choices.append((_("Students of %(class)s") % {"class": name}, items))
    return choices


def student_labels(students: list[Student]) -> list[str]:
    """How a picker names each student: "Name (class)", so a chosen option still says which one.

    Two students of one class with the same name are told apart by their login name, or
    failing that by a number in the list order ("An (6A, 2)").
    """
    counts: dict[tuple, int] = {}
    for student in students:
        key = (student.display_name.casefold(), student.classroom_id)
        counts[key] = counts.get(key, 0) + 1
    seen: dict[tuple, int] = {}
    labels = []
    for student in students:
        key = (student.display_name.casefold(), student.classroom_id)
        label = f"{student.display_name} ({student.classroom.name}"
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            label += f", {student.user.username if student.user_id else seen[key]}"
        labels.append(label + ")")
    return labels


def plan_teachers(plan: ActionPlan) -> list:
    users = get_user_model().objects.filter(
        memberships__role=Role.TEACHER, memberships__school=plan.school_id, is_active=True
    )
    return list(users.distinct())


def plan_reviewers(plan: ActionPlan) -> list:
    """Officers over the school's area (any node above it) and the programme's organisers."""
    path = plan.school.area.path
    prefixes = [path[:i] for i in range(4, len(path) + 1, 4)]
    memberships = Membership.objects.filter(
        Q(role=Role.OFFICER, area__path__in=prefixes)
        | Q(role=Role.ORGANISER, programme=plan.programme_id)
        | Q(role=Role.ORGANISER, programme__isnull=True)
    )
    return list(get_user_model().objects.filter(is_active=True, memberships__in=memberships).distinct())


# Snapshots and versions -------------------------------------------------------------------


def plan_snapshot(plan: ActionPlan) -> dict:
    """The plan as plain JSON: what a submitted version freezes."""

    def iso(day):
        return day.isoformat() if day else None

    team = []
    for member in _parts(plan, "team"):
        if member.user_id:
            team.append({"name": member.user.get_full_name(), "kind": "teacher", "class": "", "role": member.team_role})
        else:
            student = member.student
            team.append(
                {
                    "name": student.display_name,
                    "kind": "student",
                    "class": student.classroom.name,
                    "role": member.team_role,
                }
            )
    return {
        "school": plan.school.name,
        "programme": plan.programme.name,
        "team": team,
        "goals": [
            {
                "text": g.text,
                "indicator": g.indicator,
                "target": None if g.target_value is None else format(g.target_value.normalize(), "f"),
                "unit": g.unit,
            }
            for g in _parts(plan, "goals")
        ],
        "activities": [
            {
                "kind": a.kind,
                "title": a.title,
                "starts_on": iso(a.starts_on),
                "ends_on": iso(a.ends_on),
                "responsible": a.responsible,
                "status": a.status,
            }
            for a in _parts(plan, "activities")
        ],
        "weeks": {"baseline": iso(plan.baseline_week_starts_on), "final": iso(plan.final_week_starts_on)},
        "attachments": [a.original_name for a in _parts(plan, "attachments")],
    }


def _label(choices, value):
    return choices(value).label if value in choices.values else value


def _day(value):
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else "…"


def snapshot_lines(snapshot: dict) -> dict[str, list[str]]:
    """Each section of a snapshot as lines of text, in the current language."""
    weeks = snapshot.get("weeks") or {}
    return {
        PlanSection.TEAM: [
            f"{m['name']}{' (' + m['class'] + ')' if m.get('class') else ''} – {_label(TeamRole, m['role'])}"
            for m in snapshot.get("team", [])
        ],
        PlanSection.GOALS: [
            g["text"]
            + (f" — {g['indicator']}: {g['target'] or '…'} {g['unit']}".rstrip() if g.get("indicator") else "")
            for g in snapshot.get("goals", [])
        ],
        PlanSection.ACTIVITIES: [
            f"[{_label(ActivityKind, a['kind'])}] {a['title']} · {_day(a['starts_on'])} – {_day(a['ends_on'])}"
            f" · {a['responsible'] or '…'} · {_label(ActivityStatus, a['status'])}"
            for a in snapshot.get("activities", [])
        ],
        PlanSection.WEEKS: [
            _("Baseline week from %(day)s") % {"day": _day(weeks.get("baseline"))},
            _("Final week from %(day)s") % {"day": _day(weeks.get("final"))},
        ],
        PlanSection.ATTACHMENTS: list(snapshot.get("attachments", [])),
    }


@dataclass
class DiffRow:
    left: str | None
    right: str | None
    change: str  # same | changed | added | removed


def version_diff(old: dict, new: dict) -> list[dict]:
    """Side-by-side rows per section, each marked same, changed, added or removed."""
    old_lines, new_lines = snapshot_lines(old), snapshot_lines(new)
    sections = []
    for section in (s for s in PlanSection if s in old_lines):
        a, b = old_lines[section], new_lines[section]
        rows = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if tag == "equal":
                rows += [DiffRow(a[i], b[j], "same") for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
            elif tag == "delete":
                rows += [DiffRow(a[i], None, "removed") for i in range(i1, i2)]
            elif tag == "insert":
                rows += [DiffRow(None, b[j], "added") for j in range(j1, j2)]
            else:
                left, right = a[i1:i2], b[j1:j2]
                for k in range(max(len(left), len(right))):
                    lt = left[k] if k < len(left) else None
                    rt = right[k] if k < len(right) else None
                    rows.append(DiffRow(lt, rt, "changed" if lt and rt else ("removed" if lt else "added")))
        sections.append(
            {"key": section, "label": section.label, "rows": rows, "changed": any(r.change != "same" for r in rows)}
        )
    return sections


# Coverage ---------------------------------------------------------------------------------


def programme_for_coverage(user, *, pk: int) -> Programme | None:
    return programmes_visible_to(user).filter(pk=pk).first()


def plan_is_late(plan: ActionPlan | None, deadline: date | None, today: date) -> bool:
    """Late: first submitted after the deadline, or still not submitted once it has passed."""
    if deadline is None:
        return False
    if plan is None or plan.first_submitted_at is None:
        return today > deadline
    return timezone.localdate(plan.first_submitted_at) > deadline


def _coverage_schools(user, programme: Programme):
    """The enrolled schools the user sees on the programme's board (the same scope)."""

    scope = board_school_filter(user, programme)
    schools = programme_schools(programme).select_related("area")
    return schools if scope is None else schools.filter(scope)


def coverage_rows(user, programme: Programme, *, area=None, status: str = "") -> list[dict]:
    """Every enrolled school the user sees on the board, with its plan status and lateness (2 queries)."""
    schools = _coverage_schools(user, programme)
    if area is not None:
        schools = schools.filter(area__path__startswith=area.path)
    schools = list(schools.order_by("name"))
    plans = {p.school_id: p for p in ActionPlan.objects.filter(programme=programme, school__in=[s.pk for s in schools])}
    today = timezone.localdate()
    rows = []
    for school in schools:
        plan = plans.get(school.pk)
        row_status = plan.status if plan else PLAN_NOT_STARTED
        if status and row_status != status:
            continue
        rows.append(
            {
                "school": school,
                "plan": plan,
                "status": row_status,
                "status_label": status_label(row_status),
                "late": plan_is_late(plan, programme.plan_deadline, today),
            }
        )
    return rows


def status_label(value: str) -> str:
    return _("Not started") if value == PLAN_NOT_STARTED else PlanStatus(value).label


COVERAGE_STATUSES = [PLAN_NOT_STARTED, *PlanStatus.values]


def coverage_summary(rows: list[dict]) -> dict:
    counts = dict.fromkeys(COVERAGE_STATUSES, 0)
    for row in rows:
        counts[row["status"]] += 1
    filed = sum(1 for row in rows if row["plan"] is not None and row["plan"].first_submitted_at is not None)
    return {
        "total": len(rows),
        "filed": filed,
        "approved": counts[PlanStatus.APPROVED],
        "late": sum(1 for row in rows if row["late"]),
        "by_status": [{"status": s, "label": status_label(s), "count": counts[s]} for s in COVERAGE_STATUSES],
    }


def coverage_areas(user, programme: Programme) -> list:
    """Areas (wards) of the enrolled schools the user may see: the filter's choices."""

    ids = _coverage_schools(user, programme).values("area_id")
    return list(Area.objects.filter(pk__in=ids).order_by("name"))


def programme_plan_counts(programme: Programme, *, total: int | None = None) -> dict | None:
    """Aggregate plan counts of a published programme (public): None when unpublished."""
    if not programme.is_published:
        return None
    if total is None:
        total = Enrolment.objects.filter(programme=programme).count()
    counts = dict(
        ActionPlan.objects.filter(programme=programme, school__enrolments__programme=programme)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    started = sum(counts.values())
    return {
        "total": total,
        "not_started": total - started,
        "draft": counts.get(PlanStatus.DRAFT, 0),
        "submitted": counts.get(PlanStatus.SUBMITTED, 0) + counts.get(PlanStatus.RETURNED, 0),
        "approved": counts.get(PlanStatus.APPROVED, 0),
    }


# The person's plans -------------------------------------------------------------------------


def plans_of_user(user, *, school_roles_only: bool = False) -> list[dict]:
    """(programme, school, plan) per enrolment of the schools the user sees (2 queries).

    With `school_roles_only`, only the schools the user teaches or studies in. The plan
    is an unsaved one when not started (status "not_started").
    """
    if school_roles_only:
        schools = School.objects.filter(pk__in=[m.school_id for m in memberships_of(user) if m.school_id])
    else:
        schools = schools_visible_to(user)
    enrolments = list(
        Enrolment.objects.filter(school__in=schools)
        .select_related("programme__area", "school__area")
        .order_by("-programme__starts_on", "programme__name", "school__name")
    )
    plans = {
        (p.programme_id, p.school_id): p
        for p in ActionPlan.objects.filter(
            programme_id__in={e.programme_id for e in enrolments}, school_id__in={e.school_id for e in enrolments}
        )
    }
    rows = []
    for e in enrolments:
        plan = plans.get((e.programme_id, e.school_id)) or ActionPlan(programme=e.programme, school=e.school, version=0)
        plan.programme, plan.school = e.programme, e.school
        status = plan.status if plan.pk else PLAN_NOT_STARTED
        rows.append(
            {
                "programme": e.programme,
                "school": e.school,
                "plan": plan,
                "status": status,
                "status_label": status_label(status),
            }
        )
    return rows

"""Reads of contests and entries: which contests a user may enter, which entries they see.

Another school's entry, and a classmate's for a student, is never in a user's queryset,
so views answer 404 for it.
List selectors load what their pages show in a fixed number of queries.
"""

from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from contests.enums import ENTRY_NOT_COUNTED, ContestStatus, EntryStatus
from contests.models import Contest, Entry, EntryMember
from schools.enums import Role, SchoolLevel
from schools.models import School, Student
from schools.selectors import is_global_organiser, memberships_of, organised_programme_ids

# --- contests --------------------------------------------------------------------------


def submitting_memberships(user) -> list:
    """Memberships through which the user may submit: teachers, and students not of a preschool."""
    return [
        m
        for m in memberships_of(user)
        if m.school_id
        and (m.role == Role.TEACHER or (m.role == Role.STUDENT and m.school.level != SchoolLevel.PRESCHOOL))
    ]


def contest_accepts_entries(contest: Contest, *, at: datetime | None = None) -> bool:
    """Open for entries: its status is OPEN and `at` (now) lies in [opens_at, closes_at)."""
    at = at or timezone.now()
    return contest.status == ContestStatus.OPEN and contest.opens_at <= at < contest.closes_at


def contest_eligible_schools(contest: Contest) -> QuerySet[School]:
    """The programme's enrolled schools of `eligible_levels` (all when empty), narrowed to
    `eligible_schools` when any are chosen."""
    schools = School.objects.filter(enrolments__programme_id=contest.programme_id).select_related("area")
    if contest.eligible_levels:
        schools = schools.filter(level__in=contest.eligible_levels)
    chosen = list(contest.eligible_schools.values_list("pk", flat=True)) if contest.pk else []
    if chosen:
        schools = schools.filter(pk__in=chosen)
    return schools.order_by("name")


def school_is_eligible(contest: Contest, school: School) -> bool:
    if contest.eligible_levels and school.level not in contest.eligible_levels:
        return False
    return contest_eligible_schools(contest).filter(pk=school.pk).exists()


def _participant_school_ids(user) -> list[int]:
    return [m.school_id for m in memberships_of(user) if m.school_id and m.role in (Role.TEACHER, Role.STUDENT)]


def contests_of_participant(user) -> QuerySet[Contest]:
    """Contests (not drafts) of the programmes the user's schools are enrolled in."""
    school_ids = _participant_school_ids(user)
    return (
        Contest.objects.filter(programme__enrolments__school_id__in=school_ids)
        .exclude(status=ContestStatus.DRAFT)
        .select_related("programme")
        .distinct()
        .order_by("-closes_at", "title")
    )


def contests_open_to(user, *, at: datetime | None = None) -> list[Contest]:
    """Contests accepting entries now to which one of the user's schools may submit."""

    schools = [m.school for m in submitting_memberships(user)]
    at = at or timezone.now()
    candidates = contests_of_participant(user).filter(status=ContestStatus.OPEN, opens_at__lte=at, closes_at__gt=at)
    return [c for c in candidates if any(school_is_eligible(c, s) for s in schools)]


def contests_organised_by(user) -> QuerySet[Contest]:
    contests = Contest.objects.select_related("programme").order_by("-closes_at", "title")
    if is_global_organiser(user):
        return contests
    return contests.filter(programme_id__in=organised_programme_ids(user))


def contest_for_user(user, slug: str) -> Contest | None:
    """The contest if the user takes part in it (their school's programme) or organises it."""
    contest = contests_organised_by(user).filter(slug=slug).first()
    return contest or contests_of_participant(user).filter(slug=slug).first()


def submitter_schools(user, contest: Contest) -> list[School]:
    """The user's schools from which they may submit to this contest (eligible ones)."""

    schools = {m.school_id: m.school for m in submitting_memberships(user)}
    return [s for s in schools.values() if school_is_eligible(contest, s)]


# --- entries ---------------------------------------------------------------------------


def participant_entries_q(user) -> Q:
    """A teacher's: every entry of their schools; a student's: those of their school they
    created, submitted or are in the team of (the rule side: `is_student_author`)."""
    memberships = memberships_of(user)
    teacher_schools = [m.school_id for m in memberships if m.school_id and m.role == Role.TEACHER]
    student_schools = [m.school_id for m in memberships if m.school_id and m.role == Role.STUDENT]
    query = Q(school_id__in=teacher_schools)
    if student_schools:
        in_team = EntryMember.objects.filter(student__user=user).values("entry_id")
        authored = Q(created_by=user) | Q(submitted_by=user) | Q(pk__in=in_team)
        query |= Q(school_id__in=student_schools) & authored
    return query


def entries_visible_to(user) -> QuerySet[Entry]:
    """Entries the user takes part in (`participant_entries_q`) and those of the contests
    they organise: what `contests.view_entry` allows, so anything else answers 404."""
    entries = Entry.objects.select_related("contest", "contest__programme", "school")
    if not getattr(user, "is_authenticated", False):
        return entries.none()
    if is_global_organiser(user):
        return entries.all()
    query = participant_entries_q(user)
    programme_ids = organised_programme_ids(user)
    if programme_ids:
        query |= Q(contest__programme_id__in=programme_ids)
    return entries.filter(query)


def entry_get_for_user(user, pk: int) -> Entry | None:
    return entries_visible_to(user).filter(pk=pk).first()


def entry_by_client_id(user, client_id) -> Entry | None:
    return entries_visible_to(user).filter(client_id=client_id).first()


def _with_team(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    members = EntryMember.objects.select_related("student", "student__classroom").order_by("-is_lead", "pk")
    return entries.prefetch_related(Prefetch("members", queryset=members)).annotate(
        media_count=Count("media", distinct=True)
    )


def entries_of_user_in_contest(user, contest: Contest) -> QuerySet[Entry]:
    """The contest's entries the user takes part in (`participant_entries_q`)."""
    entries = Entry.objects.filter(participant_entries_q(user), contest=contest).select_related("school", "contest")
    return _with_team(entries).order_by("-updated_at")


def entries_to_endorse(user) -> QuerySet[Entry]:
    """Entries of the teacher's schools waiting for the school: submitted (oldest first)."""
    teacher_schools = [m.school_id for m in memberships_of(user) if m.role == Role.TEACHER]
    entries = Entry.objects.filter(school_id__in=teacher_schools, status=EntryStatus.SUBMITTED)
    return _with_team(entries.select_related("school", "contest")).order_by("submitted_at", "pk")


def counted_entries(
    contest: Contest, *, school: School | None = None, student: Student | None = None, exclude: Entry | None = None
) -> int:
    """Entries that count toward the limits (not drafts, withdrawn or ineligible ones)."""
    entries = Entry.objects.filter(contest=contest).exclude(status__in=ENTRY_NOT_COUNTED)
    if school is not None:
        entries = entries.filter(school=school)
    if student is not None:
        entries = entries.filter(members__student=student)
    if exclude is not None and exclude.pk:
        entries = entries.exclude(pk=exclude.pk)
    return entries.distinct().count()


def entries_for_organiser(
    contest: Contest, *, school: School | None = None, status: str = "", kind: str = ""
) -> QuerySet[Entry]:
    """Every entry of the contest for its organisers, filtered; team and file count loaded."""
    entries = Entry.objects.filter(contest=contest).select_related(
        "school", "contest", "submitted_by", "endorsed_by", "checked_by"
    )
    if school is not None:
        entries = entries.filter(school=school)
    if status:
        entries = entries.filter(status=status)
    if kind:
        entries = entries.filter(contest__kind=kind)
    return _with_team(entries).order_by("code", "pk")


def entry_status_counts(contest: Contest) -> dict[str, int]:
    rows = Entry.objects.filter(contest=contest).values_list("status").annotate(n=Count("pk")).order_by()
    return dict(rows)


def entry_detail(entry: Entry) -> Entry:
    """The entry with its team (students, classes) and files loaded."""
    return (
        _with_team(Entry.objects.filter(pk=entry.pk).select_related("contest", "contest__programme", "school"))
        .prefetch_related("media")
        .get()
    )


def school_students_for_team(school: School) -> QuerySet[Student]:
    """Active students of the school (any class), for choosing a team."""
    return (
        Student.objects.filter(school=school, active=True)
        .select_related("classroom", "user")
        .order_by("classroom__grade", "classroom__name", "display_name", "pk")
    )

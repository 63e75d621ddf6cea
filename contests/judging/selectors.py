"""Reads of judging: what a judge may open and score, and the organiser's overview.

A judge reaches an entry only through an Assignment in an OPEN round (status open and
within its window) of the entry's contest, and never when in conflict with the entry or
its school (a stored ConflictOfInterest, or a teacher/student membership of the school).
Everything else answers 404.
"""

from collections import defaultdict

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from contests.enums import ENTRY_IN_JUDGING, EntryStatus, EvaluationStatus, RoundStatus
from contests.models import (
    Assignment,
    ConflictOfInterest,
    Contest,
    Criterion,
    Entry,
    Evaluation,
    JudgeInvitation,
    Round,
)
from schools.enums import Role
from schools.models import Membership
from schools.selectors import is_global_organiser, organised_programme_ids

DONE = (EvaluationStatus.SUBMITTED, EvaluationStatus.ABSTAINED, EvaluationStatus.RECUSED)
# Rounds after the first take the entries that advanced, once any has.
ADVANCED_STATUSES = (EntryStatus.ADVANCED, EntryStatus.AWARDED, EntryStatus.SELECTED)


def open_rounds_q(now=None, prefix: str = "") -> Q:
    now = now or timezone.now()
    return (
        Q(**{f"{prefix}status": RoundStatus.OPEN})
        & (Q(**{f"{prefix}opens_at__isnull": True}) | Q(**{f"{prefix}opens_at__lte": now}))
        & (Q(**{f"{prefix}closes_at__isnull": True}) | Q(**{f"{prefix}closes_at__gt": now}))
    )


def round_is_open(round_, now=None) -> bool:
    now = now or timezone.now()
    return (
        round_.status == RoundStatus.OPEN
        and (round_.opens_at is None or round_.opens_at <= now)
        and (round_.closes_at is None or round_.closes_at > now)
    )


def member_school_ids(judge) -> set[int]:
    """Schools where the judge is a teacher or a student: automatic conflicts."""
    return set(
        Membership.objects.filter(user=judge, role__in=(Role.TEACHER, Role.STUDENT), school__isnull=False).values_list(
            "school_id", flat=True
        )
    )


def conflicts_of(judge, contest) -> tuple[set[int], set[int]]:
    """(school ids, entry ids) the judge may not judge in the contest."""
    schools, entries = set(member_school_ids(judge)), set()
    for school_id, entry_id in ConflictOfInterest.objects.filter(judge=judge, contest=contest).values_list(
        "school_id", "entry_id"
    ):
        if school_id:
            schools.add(school_id)
        if entry_id:
            entries.add(entry_id)
    return schools, entries


def is_conflicted(judge, entry) -> bool:
    schools, entries = conflicts_of(judge, entry.contest_id)
    return entry.school_id in schools or entry.pk in entries


def conflicted_pairs(contest, judges) -> set[tuple[int, int]]:
    """(judge id, entry id) pairs in conflict among the contest's entries (three queries)."""
    judge_ids = [j.pk for j in judges]
    schools = defaultdict(set)
    entries = defaultdict(set)
    for user_id, school_id in Membership.objects.filter(
        user_id__in=judge_ids, role__in=(Role.TEACHER, Role.STUDENT), school__isnull=False
    ).values_list("user_id", "school_id"):
        schools[user_id].add(school_id)
    for judge_id, school_id, entry_id in ConflictOfInterest.objects.filter(
        contest=contest, judge_id__in=judge_ids
    ).values_list("judge_id", "school_id", "entry_id"):
        if school_id:
            schools[judge_id].add(school_id)
        if entry_id:
            entries[judge_id].add(entry_id)
    pairs = set()
    for entry_id, school_id in Entry.objects.filter(contest=contest).values_list("pk", "school_id"):
        for judge_id in judge_ids:
            if school_id in schools[judge_id] or entry_id in entries[judge_id]:
                pairs.add((judge_id, entry_id))
    return pairs


def judge_may_score(judge, entry) -> bool:
    if not Assignment.objects.filter(judge=judge, entry=entry).filter(open_rounds_q(prefix="round__")).exists():
        return False
    return not is_conflicted(judge, entry)


def eligible_entries(round_):
    """Entries that go to this round, in presentation order (then code)."""
    entries = Entry.objects.filter(contest_id=round_.contest_id, status__in=ENTRY_IN_JUDGING)
    if round_.order > 1 and entries.filter(status__in=ADVANCED_STATUSES).exists():
        entries = entries.filter(status__in=ADVANCED_STATUSES)
    return entries.select_related("school").order_by(
        Coalesce("presentation_order", Value(32767), output_field=IntegerField()), "code"
    )


def invited_judges(contest) -> list:
    return [
        inv.judge
        for inv in JudgeInvitation.objects.filter(contest=contest).select_related("judge").order_by("judge__username")
    ]


# --- The judge's side ------------------------------------------------------------------


def rounds_of_judge(judge):
    """Open rounds with the judge's assignments, each with `assigned` and `done` counts (one query).

    `Exists`, not a join on assignments with DISTINCT: joined, PostgreSQL ran both count
    subqueries once per assignment row, quadratic in a judge's assignments (1,000: 8 s)."""
    assigned = (
        Assignment.objects.filter(round=OuterRef("pk"), judge=judge).values("round").annotate(n=Count("pk")).values("n")
    )
    done = (
        Evaluation.objects.filter(round=OuterRef("pk"), judge=judge, status__in=DONE)
        .filter(Exists(Assignment.objects.filter(round=OuterRef("round"), judge=judge, entry=OuterRef("entry"))))
        .values("round")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Round.objects.filter(open_rounds_q(), Exists(Assignment.objects.filter(round=OuterRef("pk"), judge=judge)))
        .select_related("contest")
        .annotate(
            assigned=Coalesce(Subquery(assigned, output_field=IntegerField()), 0),
            done=Coalesce(Subquery(done, output_field=IntegerField()), 0),
        )
        .order_by("contest__title", "order")
    )


def round_of_judge_or_404(judge, round_pk):
    round_ = rounds_of_judge(judge).filter(pk=round_pk).first()
    if round_ is None:
        raise Http404
    return round_


def assignments_of(judge, round_) -> list:
    """The judge's assignments in the round in presentation order, each with `evaluation` (or None);
    conflicted entries left out. Three queries whatever the number."""
    schools, entries = conflicts_of(judge, round_.contest_id)
    assignments = list(
        Assignment.objects.filter(round=round_, judge=judge)
        .exclude(entry__school_id__in=schools)
        .exclude(entry_id__in=entries)
        .select_related("entry", "entry__school")
        .order_by("position", "entry__code")
    )
    evaluations = {e.entry_id: e for e in Evaluation.objects.filter(round=round_, judge=judge)}
    for assignment in assignments:
        assignment.evaluation = evaluations.get(assignment.entry_id)
    return assignments


def assignment_or_404(judge, round_, entry_pk):
    assignment = (
        Assignment.objects.filter(round=round_, judge=judge, entry_id=entry_pk)
        .select_related("entry", "entry__school", "entry__contest")
        .first()
    )
    if assignment is None or is_conflicted(judge, assignment.entry):
        raise Http404
    return assignment


def criteria_of(round_) -> list:
    return list(Criterion.objects.filter(round=round_).order_by("order", "pk"))


def evaluation_of(judge, round_, entry):
    return Evaluation.objects.filter(round=round_, judge=judge, entry=entry).prefetch_related("scores").first()


def entry_for_judge(entry_pk):
    """The entry with its team and media (the caller has checked the assignment)."""
    return (
        Entry.objects.select_related("school", "contest")
        .prefetch_related("members__student__classroom", "media")
        .get(pk=entry_pk)
    )


# --- The organiser's side --------------------------------------------------------------


def contests_managed_by(user):
    contests = Contest.objects.select_related("programme").order_by("-opens_at", "title")
    if is_global_organiser(user):
        return contests

    return contests.filter(programme_id__in=organised_programme_ids(user))


def contest_managed_or_404(user, contest_pk):
    """A contest of the organiser's programmes; any other answers 404."""
    contest = contests_managed_by(user).filter(pk=contest_pk).first()
    if contest is None:
        raise Http404
    return contest


def progress_by_judge(contest) -> list[dict]:
    """Per round and judge: assigned and done counts (two queries)."""
    rounds = {r.pk: r for r in Round.objects.filter(contest=contest)}
    assigned = (
        Assignment.objects.filter(round__contest=contest)
        .values("round_id", "judge_id", "judge__username", "judge__full_name")
        .annotate(n=Count("pk"))
    )
    done = {
        (row["round_id"], row["judge_id"]): row["n"]
        for row in Evaluation.objects.filter(round__contest=contest, status__in=DONE)
        .values("round_id", "judge_id")
        .annotate(n=Count("pk"))
    }
    rows = []
    for row in assigned:
        round_ = rounds[row["round_id"]]
        rows.append(
            {
                "round": round_,
                "username": row["judge__username"],
                "name": row["judge__full_name"] or row["judge__username"],
                "assigned": row["n"],
                "done": min(done.get((row["round_id"], row["judge_id"]), 0), row["n"]),
            }
        )
    rows.sort(key=lambda r: (r["round"].order, r["username"]))
    return rows


def conflicts_in(contest):
    return (
        ConflictOfInterest.objects.filter(contest=contest)
        .select_related("judge", "school", "entry")
        .order_by("judge__username", "pk")
    )


def paper_sheets(round_, judge=None) -> list[dict]:
    """A paper score sheet per invited judge of the round's contest (or only `judge`): the
    entries assigned to them in the round, or, when none is assigned yet (a live showcase
    where every judge scores every entry), every entry of the round; conflicted entries left
    out either way. Each sheet: {"judge", "entries"}. Five queries whatever the numbers."""
    judges = invited_judges(round_.contest)
    if judge is not None:
        judges = [j for j in judges if j.pk == judge.pk]
    entries = list(eligible_entries(round_))
    assigned = defaultdict(list)
    for judge_id, entry_id in (
        Assignment.objects.filter(round=round_).order_by("position", "entry__code").values_list("judge_id", "entry_id")
    ):
        assigned[judge_id].append(entry_id)
    conflicts = conflicted_pairs(round_.contest, judges)
    by_pk = {e.pk: e for e in entries}
    sheets = []
    for person in judges:
        ids = assigned.get(person.pk) or [e.pk for e in entries]
        chosen = [by_pk[pk] for pk in ids if pk in by_pk and (person.pk, pk) not in conflicts]
        sheets.append({"judge": person, "entries": chosen})
    return sheets

"""Reads of implementation records of selected initiatives.

A selected initiative is an entry with status SELECTED (set by results_publish for a
selection contest: "10 of 27 selected for support"). Its record is made by the first
update; until then the pages show it as not started at 0 %.

Scope: entries of schools the user may see (own school, the officer's area, the
organiser's programmes) or of contests the user organises; others answer 404.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from contests.enums import EntryStatus
from contests.models import Contest, Entry, EntryMember, Indicator, Milestone
from schools.selectors import is_global_organiser, organised_programme_ids, schools_visible_to


def _selected() -> QuerySet[Entry]:
    return Entry.objects.filter(status=EntryStatus.SELECTED)


def _scope(user) -> Q | None:
    if not getattr(user, "is_authenticated", False):
        return None
    if is_global_organiser(user):
        return Q()
    query = Q(school__in=schools_visible_to(user).values("pk"))
    programme_ids = organised_programme_ids(user)
    if programme_ids:
        query |= Q(contest__programme_id__in=programme_ids)
    return query


def selected_entry_for_user(user, pk: int) -> Entry | None:
    scope = _scope(user)
    if scope is None:
        return None
    members = EntryMember.objects.select_related("student__classroom")
    return (
        _selected()
        .filter(scope, pk=pk)
        .select_related("school", "contest__programme", "implementation__updated_by")
        .prefetch_related(Prefetch("members", queryset=members))
        .first()
    )


def implementation_of(entry):
    """The entry's record, or None before its first update (no query: select_related above)."""
    try:
        return entry.implementation
    except Entry.implementation.RelatedObjectDoesNotExist:
        return None


def milestones_of(implementation) -> list[Milestone]:
    if implementation is None:
        return []
    return list(implementation.milestones.select_related("created_by").order_by("-date", "-pk"))


def indicators_of(implementation) -> list[Indicator]:
    if implementation is None:
        return []
    return list(implementation.indicators.order_by("name"))


def milestone_get(entry, pk: int) -> Milestone | None:
    return Milestone.objects.filter(implementation__entry=entry, pk=pk).first()


def selected_entries_of_contest(user, contest: Contest) -> list[Entry]:
    """The contest's selected initiatives the user may see, with their progress (four queries)."""
    scope = _scope(user)
    if scope is None:
        return []
    return list(
        _selected()
        .filter(scope, contest=contest)
        .select_related("school", "implementation")
        .prefetch_related(Prefetch("implementation__indicators", queryset=Indicator.objects.order_by("name")))
        .annotate(milestone_count=Count("implementation__milestones", distinct=True))
        .order_by("school__name", "code")
    )


def contests_with_selected(user) -> list[tuple[Contest, int]]:
    """(contest, number of selected initiatives the user may see) for the workspace, one query."""
    scope = _scope(user)
    if scope is None:
        return []
    rows = _selected().filter(scope).values("contest").annotate(count=Count("pk", distinct=True)).order_by()
    counts = {row["contest"]: row["count"] for row in rows}
    if not counts:
        return []
    contests = Contest.objects.filter(pk__in=counts).order_by("-opens_at", "title")
    return [(contest, counts[contest.pk]) for contest in contests]


def contest_get(slug: str) -> Contest | None:
    return Contest.objects.select_related("programme").filter(slug=slug).first()

"""Reads about audits scoped by who asks. The §5 figures are in results.py."""

from django.db.models import Count, QuerySet

from audits.models import AuditPeriod, AuditSession, WasteCategory
from schools.models import Programme
from schools.selectors import programmes_visible_to, school_get_for_user


def recordable_categories() -> list[WasteCategory]:
    """The leaves of the category tree that are not retired, in table order (one query)."""
    categories = list(WasteCategory.objects.order_by("sort_order", "code"))
    parents = {c.parent_id for c in categories if c.parent_id}
    return [c for c in categories if c.pk not in parents and not c.retired]


def periods_of_school(school) -> list[AuditPeriod]:
    return list(
        AuditPeriod.objects.filter(programme__enrolments__school=school)
        .select_related("programme")
        .order_by("programme__name", "starts_on")
    )


def period_of_school(school, pk) -> AuditPeriod | None:
    return AuditPeriod.objects.filter(programme__enrolments__school=school, pk=pk).select_related("programme").first()


def sessions_of_school(school) -> QuerySet[AuditSession]:
    return (
        AuditSession.objects.filter(school=school)
        .select_related("period__programme", "recorded_by", "verified_by")
        .annotate(line_count=Count("lines"))
        .order_by("-date")
    )


def session_get(school, pk) -> AuditSession | None:
    return AuditSession.objects.filter(school=school, pk=pk).select_related("period__programme", "school").first()


def session_lines(session) -> dict:
    """category pk → line."""
    return {line.category_id: line for line in session.lines.all()}


def school_for_user(user, pk):
    return school_get_for_user(user, pk=pk)


def programme_for_results(user, slug, *, school=None) -> Programme | None:
    """The programme with this slug (and this school enrolled, when given); None when unknown.

    Whether the user may see its results is the rule's business (audits.view_programme_results).
    """
    programmes = Programme.objects.select_related("area", "school_year").filter(slug=slug)
    if school is not None:
        programmes = programmes.filter(enrolments__school=school)
    return programmes.first()


def programmes_with_results_for(user) -> list[Programme]:
    return [p for p in programmes_visible_to(user).filter(audit_periods__isnull=False).distinct()]

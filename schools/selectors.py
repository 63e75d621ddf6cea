"""Reads about places and people. "What may this user see" lives here, once."""

from datetime import date

from django.db.models import Q, QuerySet

from schools.enums import Role, SchoolLevel
from schools.models import Area, Membership, Programme, School


def school_year_start_for(today: date) -> int:
    """The calendar year a Vietnamese school year containing `today` starts in (it runs from August)."""
    return today.year if today.month >= 8 else today.year - 1


def school_year_name_for(today: date) -> str:
    start = school_year_start_for(today)
    return f"{start}-{start + 1}"


def memberships_of(user) -> list[Membership]:
    """The user's memberships, loaded once per user object (one query per request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []  # an inactive account holds no role anywhere
    user = getattr(user, "_wrapped", user)  # request.user is a lazy wrapper: cache on the real user
    cached = user.__dict__.get("_memberships_cache")
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user).select_related("school", "area", "programme").order_by("role", "id")
        )
        user.__dict__["_memberships_cache"] = cached
    return cached


def forget_memberships(user) -> None:
    user.__dict__.pop("_memberships_cache", None)


def roles_of(user) -> set[str]:
    return {m.role for m in memberships_of(user)}


def areas_of(user, role: str = Role.OFFICER) -> list[Area]:
    return [m.area for m in memberships_of(user) if m.role == role and m.area is not None]


def is_global_organiser(user) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(m.role == Role.ORGANISER and m.programme_id is None for m in memberships_of(user))


def organised_programme_ids(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.role == Role.ORGANISER and m.programme_id}


def area_contains(area: Area, school: School) -> bool:
    """True when the school lies under the area node (or on it)."""
    return school.area.path.startswith(area.path)


def _under_areas(areas) -> Q:
    query = Q(pk__in=[])
    for area in areas:
        query |= Q(area__path__startswith=area.path)
    return query


def schools_visible_to(user) -> QuerySet[School]:
    """Schools the user may see: all for organisers, their area's for officers, their own otherwise."""
    schools = School.objects.select_related("area")
    if not getattr(user, "is_authenticated", False):
        return schools.none()
    if is_global_organiser(user):
        return schools.all()
    query = Q(pk__in=[m.school_id for m in memberships_of(user) if m.school_id])
    query |= _under_areas(areas_of(user))
    programme_ids = organised_programme_ids(user)
    if programme_ids:
        query |= Q(enrolments__programme_id__in=programme_ids)
    return schools.filter(query).distinct()


def school_get_for_user(user, *, pk) -> School | None:
    return schools_visible_to(user).filter(pk=pk).first()


def programmes_visible_to(user) -> QuerySet[Programme]:
    programmes = Programme.objects.select_related("school_year", "area")
    if is_global_organiser(user):
        return programmes.all()
    school_ids = [m.school_id for m in memberships_of(user) if m.school_id]
    query = Q(pk__in=organised_programme_ids(user)) | Q(enrolments__school_id__in=school_ids)
    query |= Q(pk__in=[m.programme_id for m in memberships_of(user) if m.role == Role.JUDGE and m.programme_id])
    for area in areas_of(user):
        query |= Q(enrolments__school__area__path__startswith=area.path)
    return programmes.filter(query).distinct()


def programme_schools(programme: Programme, *, school_ids=None) -> QuerySet[School]:
    """The programme's enrolled schools, or those of `school_ids` among them (a viewer's scope)."""
    schools = School.objects.filter(enrolments__programme=programme)
    return schools if school_ids is None else schools.filter(pk__in=school_ids)


def programme_school_counts_by_level(programme: Programme, *, school_ids=None) -> list[dict]:
    """Enrolled schools of a programme (or `school_ids` among them) per level, in the levels' order: one query.

    Each item is {"level", "label", "count"}; levels without schools are left out.
    """
    from django.db.models import Count

    counts = dict(
        programme_schools(programme, school_ids=school_ids)
        .values_list("level")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    return [
        {"level": level.value, "label": level.label, "count": counts[level.value]}
        for level in SchoolLevel
        if counts.get(level.value)
    ]

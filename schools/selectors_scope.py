"""What an organiser manages: their programmes, the schools enrolled in them, the areas they cover.

DESIGN §6: an organiser acts in *their* programmes. A global organiser (an organiser
membership without a programme) and a site administrator manage everything; a
programme organiser manages
- the programmes they organise and those programmes' enrolments and audit periods;
- the areas under their programmes' areas (a ward of the programme's district);
- the schools enrolled in their programmes, and the schools under their areas that no
  programme holds yet (a school just imported, waiting to be enrolled);
- the students, classes and yearly figures of those schools;
- the memberships of teachers, students, officers and judges within that scope, never
  an organiser's membership and never their own.

Every admin list, edit view, form choice, import row and membership grant asks these
selectors (through `scope_of` and the rules in schools/rules.py), so each scope is
written once. Shared catalogues (school years) are for global organisers only.
"""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from home.models import User
from schools.enums import Role
from schools.models import (
    Area,
    Classroom,
    Enrolment,
    Membership,
    Programme,
    School,
    SchoolYear,
    SchoolYearProfile,
    Student,
)
from schools.selectors import is_global_organiser, organised_programme_ids


def organised_programmes(user) -> QuerySet[Programme]:
    if is_global_organiser(user):
        return Programme.objects.all()
    return Programme.objects.filter(pk__in=organised_programme_ids(user))


def _covered_area_paths(user) -> list[str]:
    """The paths of the organised programmes' areas (one small query, memoised on the user)."""
    cached = user.__dict__.get("_covered_area_paths")
    if cached is None:
        ids = organised_programme_ids(user)
        cached = list(Area.objects.filter(programmes__pk__in=ids).values_list("path", flat=True)) if ids else []
        user.__dict__["_covered_area_paths"] = cached
    return cached


def _under(paths, field: str = "path") -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def organised_areas(user) -> QuerySet[Area]:
    if is_global_organiser(user):
        return Area.objects.all()
    enrolled_areas = School.objects.filter(enrolments__programme_id__in=organised_programme_ids(user))
    return Area.objects.filter(_under(_covered_area_paths(user)) | Q(pk__in=enrolled_areas.values("area_id")))


def organised_schools(user) -> QuerySet[School]:
    if is_global_organiser(user):
        return School.objects.all()
    enrolled = Q(enrolments__programme_id__in=organised_programme_ids(user))
    waiting = Q(enrolments__isnull=True) & _under(_covered_area_paths(user), "area__path")
    return School.objects.filter(pk__in=School.objects.filter(enrolled | waiting).values("pk"))


def organised_memberships(user) -> QuerySet[Membership]:
    if getattr(user, "is_superuser", False) and user.is_active:
        return Membership.objects.all()
    memberships = Membership.objects.exclude(user_id=user.pk)
    if is_global_organiser(user):
        return memberships
    return memberships.exclude(role=Role.ORGANISER).filter(
        Q(school__in=organised_schools(user))
        | Q(area__in=organised_areas(user))
        | Q(role=Role.JUDGE, programme__in=organised_programmes(user))
    )


def organised_users(user) -> QuerySet[User]:
    """Accounts an organiser may give a role to: none of their roles lies outside the organiser's scope."""
    users = User.objects.filter(is_active=True, is_superuser=False)
    if is_global_organiser(user):
        return users
    outside = Membership.objects.exclude(pk__in=organised_memberships(user).values("pk"))
    return users.exclude(pk=user.pk).exclude(pk__in=outside.values("user_id"))


def _of_schools(model):
    return lambda user: model.objects.filter(school__in=organised_schools(user))


def _of_programmes(model, through: str = "programme"):
    return lambda user: model.objects.filter(**{f"{through}__in": organised_programmes(user)})


def _global_only(model):
    GLOBAL_ONLY.add(model)
    return lambda user: model.objects.all() if is_global_organiser(user) else model.objects.none()


# Shared catalogues: only global organisers change them, everyone may pick their rows in a form.
GLOBAL_ONLY: set = set()


# model -> user -> the rows of that model the user manages. Other apps add theirs (register_scope).
SCOPES = {
    Programme: organised_programmes,
    Area: organised_areas,
    School: organised_schools,
    Membership: organised_memberships,
    User: organised_users,
    Enrolment: _of_programmes(Enrolment),
    Classroom: _of_schools(Classroom),
    Student: _of_schools(Student),
    SchoolYearProfile: _of_schools(SchoolYearProfile),
    SchoolYear: _global_only(SchoolYear),
}


def register_scope(model, through: str = "programme") -> None:
    """Give a model of another app its scope: the programme reached through `through`."""
    SCOPES[model] = _of_programmes(model, through)


def register_global_only(model) -> None:
    SCOPES[model] = _global_only(model)


def choosable(model, user) -> QuerySet:
    """The rows a form may offer the user for a relation: their scope, or all of a shared catalogue."""
    if model in GLOBAL_ONLY:
        return model._default_manager.all()
    return scope_of(model, user)


def scope_of(model, user) -> QuerySet:
    """The rows of `model` the user manages; every row for a model without a scope."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return model._default_manager.none()
    scope = SCOPES.get(model)
    return scope(user) if scope else model._default_manager.all()


def in_scope(user, obj) -> bool:
    return obj is not None and obj.pk is not None and scope_of(type(obj), user).filter(pk=obj.pk).exists()


def ids_in_scope(user, model) -> set[int]:
    """The ids of a (small) scope, read once per user object: an import checks every row against it."""
    cache = user.__dict__.setdefault("_ids_in_scope", {})
    if model not in cache:
        cache[model] = set(scope_of(model, user).values_list("pk", flat=True))
    return cache[model]


def grant_refusal(editor, *, user, role, school=None, area=None, programme=None) -> str | None:
    """Why `editor` may not give `user` this role with this scope, or None: nobody grants more than they hold.

    `editor=None` is the command line (a site administrator at the server). `user=None` is
    an account still to be created by an import.
    """
    if editor is None or (editor.is_superuser and editor.is_active):
        return None
    if user is not None and user.pk == editor.pk:
        return _("You cannot change your own roles: ask another organiser.")
    if is_global_organiser(editor):
        return None
    if role == Role.ORGANISER:
        return _("Only an organiser of every programme can grant the organiser role.")
    if role == Role.JUDGE and programme is None:
        return _("Only an organiser of every programme can make someone a judge of every programme.")
    if school is not None and school.pk not in ids_in_scope(editor, School):
        return _("The school “%(school)s” is not in a programme you organise.") % {"school": school.name}
    if area is not None and area.pk not in ids_in_scope(editor, Area):
        return _("The area “%(area)s” is outside the programmes you organise.") % {"area": area.name}
    if programme is not None and programme.pk not in ids_in_scope(editor, Programme):
        return _("You do not organise the programme “%(programme)s”.") % {"programme": programme.name}
    if user is not None and user.pk is not None and not organised_users(editor).filter(pk=user.pk).exists():
        return _("“%(username)s” holds roles outside the programmes you organise.") % {"username": user.username}
    return None

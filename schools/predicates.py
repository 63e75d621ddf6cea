"""The predicates of places and people: who is who towards a school, a programme, a row.

Permissions are named from these in schools/rules.py (and in the other apps' rules).
Every predicate answers obj=None ("may they do this to some object?"), which is what
Wagtail's menus and the workspace navigation ask. Object predicates accept a School
or anything with a `school` attribute (a classroom, a student, a plan).
"""

import rules

from schools.enums import Role
from schools.models import (
    School,
)
from schools.selectors import (
    area_contains,
    areas_of,
    is_global_organiser,
    memberships_of,
    organised_programme_ids,
    roles_of,
)
from schools.selectors_scope import GLOBAL_ONLY, in_scope


def school_of(obj):
    if isinstance(obj, School):
        return obj
    return getattr(obj, "school", None)


def _has_school_role(user, obj, role) -> bool:
    if obj is None:
        return role in roles_of(user)
    school = school_of(obj)
    return school is not None and any(m.role == role and m.school_id == school.pk for m in memberships_of(user))


@rules.predicate
def is_organiser(user):
    return is_global_organiser(user) or Role.ORGANISER in roles_of(user)


@rules.predicate
def is_teacher_of_school(user, obj=None):
    return _has_school_role(user, obj, Role.TEACHER)


@rules.predicate
def is_student_of_school(user, obj=None):
    return _has_school_role(user, obj, Role.STUDENT)


@rules.predicate
def is_officer_over_school(user, obj=None):
    areas = areas_of(user)
    if obj is None:
        return bool(areas)
    school = school_of(obj)
    return school is not None and any(area_contains(area, school) for area in areas)


@rules.predicate
def is_organiser_of_school(user, obj=None):
    """Global organisers: every school; programme organisers: schools enrolled in their programmes."""
    if obj is None:
        return is_organiser(user)
    if is_global_organiser(user):
        return True
    school = school_of(obj)
    programme_ids = organised_programme_ids(user)
    return bool(school and programme_ids) and school.enrolments.filter(programme_id__in=programme_ids).exists()


@rules.predicate
def is_organiser_of_programme(user, programme=None):
    if programme is None:
        return is_organiser(user)
    return is_global_organiser(user) or programme.pk in organised_programme_ids(user)


@rules.predicate
def is_judge(user):
    return Role.JUDGE in roles_of(user)


@rules.predicate
def has_any_role(user):
    return bool(roles_of(user)) or is_global_organiser(user)


def manages(model):
    """Back-office management of `model` (RulesPermissionPolicy): rows in the user's scope only.

    Without an object: may the user manage some row (the admin menu)? Organisers may,
    but only global organisers manage a shared catalogue such as the school years.
    """

    @rules.predicate(name=f"manages_{model._meta.model_name}")
    def predicate(user, obj=None):
        if obj is None:
            return is_global_organiser(user) if model in GLOBAL_ONLY else is_organiser(user)
        return in_scope(user, obj)

    return predicate

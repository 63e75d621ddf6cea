"""Reads for the workspace pages of schools, classes and students.

Every function returns in a fixed number of queries whatever the number of rows, so
list pages stay within the query budget (DESIGN §8).
"""

import unicodedata
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from home.text import fold_diacritics
from schools.models import Area, Classroom, ConsentRecord, Programme, School, SchoolYear, Student
from schools.selectors import areas_of, is_global_organiser, school_year_name_for, schools_visible_to


def fold(text: str) -> str:
    """Lower-case text without diacritics ("Cầu  Diễn" → "cau dien"), for search and duplicate checks.

    Runs of spaces count as one, so a name typed with a double space is still a duplicate.
    """
    return " ".join(fold_diacritics(text).split())


# Vietnamese alphabetical order: letters first (ă after a, đ after d…), then the tone
# (none, huyền, hỏi, ngã, sắc, nặng) of the syllable.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _syllable_key(word: str) -> tuple:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tone = next((_TONES[ch] for ch in decomposed if ch in _TONES), 0)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return tuple(_ALPHABET.find(ch) if ch in _ALPHABET else 100 + ord(ch) for ch in base), tone


def vietnamese_name_key(name: str) -> tuple:
    """Sort key of a class list as Vietnamese schools keep it: by given name (the last word), then in full."""
    syllables = [_syllable_key(word) for word in name.split()]
    return syllables[-1:], syllables


def school_year_current_get(today: date | None = None) -> SchoolYear | None:
    """The current school year if it exists yet; reading never creates it."""
    return SchoolYear.objects.filter(name=school_year_name_for(today or timezone.localdate())).first()


# --- schools ---------------------------------------------------------------------------


def areas_for_filter(user) -> QuerySet[Area]:
    """Areas offered in the schools filter: an officer's subtree, or the areas of the schools they see."""
    if is_global_organiser(user):
        return Area.objects.order_by("path")
    query = Q(pk__in=schools_visible_to(user).values("area_id"))
    for area in areas_of(user):
        query |= Q(path__startswith=area.path)
    return Area.objects.filter(query).order_by("path")


def _count_of(model, **filters) -> Coalesce:
    """A per-school count as a subquery, so two counts never multiply each other's rows."""
    rows = model.objects.filter(school=OuterRef("pk"), **filters).values("school").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def schools_for_list(user, *, area: Area | None = None, level: str = "", search: str = "") -> QuerySet[School]:
    """The schools the user may see, filtered, with this school year's student and class counts.

    The name search ignores diacritics and case: names are folded in Python, which costs one
    query of (pk, code, name) whatever the number of schools (a few hundred at most).
    """
    schools = schools_visible_to(user)
    if area is not None:
        schools = schools.filter(area__path__startswith=area.path)
    if level:
        schools = schools.filter(level=level)
    words = fold(search).split()
    if words:
        matching = [
            pk
            for pk, code, name in schools.values_list("pk", "code", "name")
            if all(word in f"{fold(name)} {code.casefold()}" for word in words)
        ]
        schools = schools.filter(pk__in=matching)
    year_name = school_year_name_for(timezone.localdate())
    return schools.annotate(
        student_count=_count_of(Student, active=True, classroom__year__name=year_name),
        classroom_count=_count_of(Classroom, year__name=year_name),
    ).order_by("name", "pk")


def programmes_of_school(school: School) -> QuerySet[Programme]:
    return (
        Programme.objects.filter(enrolments__school=school)
        .select_related("school_year")
        .order_by("-school_year__starts_on", "name")
    )


# --- classes ---------------------------------------------------------------------------


def classrooms_with_counts(school: School, year: SchoolYear | str | None) -> QuerySet[Classroom]:
    """The school's classes of one year (an object or its name), with active students and logins."""
    if year is None:
        return Classroom.objects.none()
    by_year = {"year__name": year} if isinstance(year, str) else {"year": year}
    active = Q(students__active=True)
    return (
        Classroom.objects.filter(school=school, **by_year)
        .annotate(
            student_count=Count("students", filter=active),
            login_count=Count("students", filter=active & Q(students__user__isnull=False)),
        )
        .order_by("grade", "name", "pk")
    )


def school_years_with_classes(school: School) -> QuerySet[SchoolYear]:
    return SchoolYear.objects.filter(classrooms__school=school).distinct().order_by("-starts_on")


def classroom_name_taken(*, school: School, year: SchoolYear, name: str) -> bool:
    return Classroom.objects.filter(school=school, year=year, name__iexact=name).exists()


# --- students --------------------------------------------------------------------------


def students_in_class(classroom: Classroom, *, active: bool = True, with_consents: bool = False) -> list[Student]:
    """The class list in the order of the school's roster (vietnamese_name_key), logins loaded.

    with_consents: each student's `consent_records`, newest first with who recorded them,
    prefetched in one query for the whole class."""
    students = Student.objects.filter(classroom=classroom, active=active, erased_at__isnull=True).select_related("user")
    if with_consents:
        records = ConsentRecord.objects.select_related("recorded_by").order_by("-recorded_at", "-pk")
        students = students.prefetch_related(Prefetch("consent_records", queryset=records))
    return sorted(students, key=lambda student: vietnamese_name_key(student.display_name))


def student_names_in_class(classroom: Classroom) -> list[str]:
    return list(Student.objects.filter(classroom=classroom, active=True).values_list("display_name", flat=True))


def duplicate_names(classroom: Classroom, names: list[str]) -> list[str]:
    """Names (as typed) already in the class or repeated in the list, compared without diacritics."""
    seen = {fold(name) for name in student_names_in_class(classroom)}
    duplicates = []
    for name in names:
        key = fold(name)
        if key in seen and name not in duplicates:
            duplicates.append(name)
        seen.add(key)
    return duplicates

"""Demo places, people and programmes from CECR's 2022 annual report, made through services.

`seed()` is idempotent: areas, schools and programmes are get-or-create by their
codes and slug, users are looked up by username and students by (class, name) before
anything is created, so a second run creates nothing. The data is in `demo_data`.
"""

from importlib import import_module
from importlib.util import find_spec

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from schools.demo import data
from schools.enums import AreaKind, Role
from schools.models import Area, Classroom, Enrolment, Membership, Programme, School, Student
from schools.services import (
    area_create,
    classroom_get_or_create,
    enrolment_create,
    membership_grant,
    programme_create,
    school_upsert,
    school_year_get_or_create,
    student_consent_record,
    student_create,
    user_create,
)

DEMO_LOGINS = [
    ("bantochuc", "Ban tổ chức – mọi chương trình (CECR)"),
    ("btc.nhua", "Ban tổ chức – chương trình nhựa giá trị thấp, Nam Từ Liêm"),
    ("canbo.namtuliem", "Cán bộ quản lý – Nam Từ Liêm (24 trường THCS)"),
    ("canbo.hoankiem", "Cán bộ quản lý – Hoàn Kiếm (39 trường)"),
    ("canbo.caudien", "Cán bộ quản lý – phường Cầu Diễn"),
    ("gv.caudien", "Giáo viên – THCS Cầu Diễn (5 lớp có học sinh)"),
    ("gv.dienbien", "Giáo viên – Tiểu học Điện Biên, Hoàn Kiếm"),
    ("gv.ngosilien", "Giáo viên THCS Ngô Sĩ Liên, giám khảo chương trình Trường học Xanh"),
    ("giamkhao", "Giám khảo – chương trình nhựa giá trị thấp"),
    ("hs.caudien", "Học sinh – lớp 6A1, THCS Cầu Diễn"),
]

_COUNTED = {
    "areas": Area,
    "schools": School,
    "programmes": Programme,
    "enrolments": Enrolment,
    "memberships": Membership,
    "classes": Classroom,
    "students": Student,
}


def seed(*, stdout, password: str) -> None:
    """Load the places, schools, programmes and people; every demo login uses `password`."""
    before = _counts()
    # One published password for every demo login: hash it once, not ~80 times (0.25 s each).
    password_hash = make_password(password)
    name, starts_on, ends_on = data.SCHOOL_YEAR
    year = school_year_get_or_create(name=name, starts_on=starts_on, ends_on=ends_on)
    areas = _seed_places()
    schools = _seed_schools(areas=areas, year=year)
    programmes = _seed_programmes(areas=areas, schools=schools, year=year)
    scopes = {"school": schools, "area": areas, "programme": programmes}
    for person in data.PEOPLE:
        _person_ensure(person, scopes=scopes, password_hash=password_hash)
    _seed_teachers(schools=schools, password_hash=password_hash)
    _seed_students(schools=schools, scopes=scopes, year=year, password_hash=password_hash)
    if find_spec("schools.demo.pages") is not None:
        import_module("schools.demo.pages").seed_programme_pages(stdout=stdout)
    _report(stdout, before, _counts())
    import_module("schools.demo.plans").seed_plans(stdout=stdout)


# Places and programmes ---------------------------------------------------------------


def _seed_places() -> dict[str, Area]:
    city_code, city_name = data.CITY
    area_create(name=city_name, code=city_code, kind=AreaKind.CITY)
    for (district_code, district_name), wards in data.DISTRICTS.items():
        # Sorted inserts renumber siblings' paths, so each parent is read fresh.
        area_create(
            name=district_name,
            code=district_code,
            kind=AreaKind.DISTRICT_CLUSTER,
            parent=Area.objects.get(code=city_code),
        )
        for ward_code, ward_name in wards:
            area_create(name=ward_name, code=ward_code, kind=AreaKind.WARD, parent=Area.objects.get(code=district_code))
    codes = [city_code]
    for (district_code, _name), wards in data.DISTRICTS.items():
        codes += [district_code, *(code for code, _name in wards)]
    return Area.objects.in_bulk(codes, field_name="code")


def _seed_schools(*, areas, year) -> dict[str, School]:
    schools = {}
    for level, rows in data.SCHOOLS_BY_LEVEL:
        for code, name, ward_code, street, enrolment, classes in rows:
            ward = areas[ward_code]
            schools[code], _changed = school_upsert(
                code=code,
                name=name,
                level=level,
                area=ward,
                address=f"{street}, {ward.name[0].lower()}{ward.name[1:]}",  # "Số 1 phố …, phường …"
                year=year,
                enrolment=enrolment,
                classes=classes,
            )
    return schools


def _seed_programmes(*, areas, schools, year) -> dict[str, Programme]:
    programmes = {}
    for slug, (fields, school_codes) in data.PROGRAMMES.items():
        fields = {**fields, "area": areas[fields["area"]]}
        programme = programme_create(slug=slug, school_year=year, **fields)
        for code in school_codes:
            enrolment_create(programme=programme, school=schools[code])
        programmes[slug] = programme
    return programmes


# People -------------------------------------------------------------------------------


def _user_ensure(*, username: str, full_name: str, password_hash: str, email: str = ""):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = user_create(username=username, full_name=full_name, email=email, password_hash=password_hash)
    return user


def _person_ensure(person: data.Person, *, scopes, password_hash: str):
    """The person's user (staff get an @example.org e-mail, students none) and memberships."""
    is_student = any(role == Role.STUDENT for role, _kind, _code in person.grants)
    user = _user_ensure(
        username=person.username,
        full_name=person.full_name,
        email="" if is_student else f"{person.username}@example.org",
        password_hash=password_hash,
    )
    for role, kind, code in person.grants:
        scope = {kind: scopes[kind][code]} if kind else {}
        membership_grant(user=user, role=role, **scope)
    return user


def _seed_teachers(*, schools, password_hash: str) -> None:
    """One teacher, `gv.<school code>`, for every school that has no named one."""
    named = {code for person in data.PEOPLE for role, _kind, code in person.grants if role == Role.TEACHER}
    for index, code in enumerate(code for code in schools if code not in named):
        person = data.Person(f"gv.{code}", _teacher_name(index), ((Role.TEACHER, "school", code),))
        _person_ensure(person, scopes={"school": schools}, password_hash=password_hash)


def _seed_students(*, schools, scopes, year, password_hash: str) -> None:
    """Classes with students; a few with both consents, a few with login cards, and `hs.caudien`."""
    for class_index, spec in enumerate(data.CLASSES):
        classroom = classroom_get_or_create(school=schools[spec.school], name=spec.name, year=year, grade=spec.grade)
        existing = set(classroom.students.values_list("display_name", flat=True))
        teacher = _teacher_of(classroom.school)
        size = spec.size
        if (spec.school, spec.name) == (data.STUDENT_LOGIN.grants[0][2], data.STUDENT_LOGIN_CLASS):
            _student_with_known_login(classroom, existing=existing, scopes=scopes, password_hash=password_hash)
            size -= 1
        for index in range(size):
            name = _student_name(class_index, index)
            if name in existing:
                continue
            student, _card_password = student_create(
                classroom=classroom, display_name=name, with_login=index >= size - spec.logins
            )
            if index < spec.consents:
                student_consent_record(student=student, child=True, guardian=True, recorded_by=teacher)


def _teacher_of(school):
    """The school's first teacher, who records the demo consents (None: recorded by the platform)."""
    membership = Membership.objects.filter(role=Role.TEACHER, school=school).select_related("user").first()
    return membership.user if membership else None


def _student_with_known_login(classroom, *, existing, scopes, password_hash: str) -> None:
    """`hs.caudien` logs in with the demo password, not a one-time card, to show the student's view."""
    person = data.STUDENT_LOGIN
    user = _person_ensure(person, scopes=scopes, password_hash=password_hash)
    if person.full_name in existing:
        return
    student, _no_password = student_create(classroom=classroom, display_name=person.full_name, user=user)
    student_consent_record(student=student, child=True, guardian=True, recorded_by=_teacher_of(classroom.school))


def _teacher_name(index: int) -> str:
    given = data.TEACHER_GIVEN_NAMES
    family = data.FAMILY_NAMES[(index * 5 + index // len(given)) % len(data.FAMILY_NAMES)]
    return f"{family} {given[index % len(given)]}"


def _student_name(class_index: int, index: int) -> str:
    """Distinct within a class (up to the pool's size), varied across classes."""
    given = data.STUDENT_GIVEN_NAMES
    family = data.FAMILY_NAMES[(class_index * 7 + index * 5) % len(data.FAMILY_NAMES)]
    return f"{family} {given[(class_index * 5 + index) % len(given)]}"


# Report -------------------------------------------------------------------------------


def _counts() -> dict[str, int]:
    counts = {label: model.objects.count() for label, model in _COUNTED.items()}
    counts["users"] = get_user_model().objects.count()
    counts["student logins"] = Student.objects.filter(user__isnull=False).count()
    return counts


def _report(stdout, before: dict[str, int], after: dict[str, int]) -> None:
    parts = ", ".join(f"{after[label]} {label} (+{after[label] - before[label]})" for label in after)
    stdout.write(f"Places, people and programmes: {parts}.")

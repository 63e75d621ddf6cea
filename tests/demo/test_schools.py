"""`seed_demo`: the places, people and programmes of the 2022 report, loaded through services."""

from io import StringIO

from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from home.management.commands.seed_demo import DEMO_PASSWORD
from home.models import User
from schools.demo import DEMO_LOGINS
from schools.enums import Role, SchoolLevel
from schools.models import Area, Classroom, Enrolment, Membership, Programme, School, Student
from schools.selectors import schools_visible_to

GREEN_SCHOOL = "truong-hoc-xanh-hoan-kiem-2022"
PLASTIC = "nhua-gia-tri-thap-nam-tu-liem-2022"

# username → {(role, scope code or None)}: school code, area code or programme slug.
EXPECTED_MEMBERSHIPS = {
    "bantochuc": {(Role.ORGANISER, None)},
    "btc.nhua": {(Role.ORGANISER, PLASTIC)},
    "canbo.namtuliem": {(Role.OFFICER, "nam-tu-liem")},
    "canbo.hoankiem": {(Role.OFFICER, "hoan-kiem")},
    "canbo.caudien": {(Role.OFFICER, "ntl-cau-dien")},
    "gv.caudien": {(Role.TEACHER, "ntl-thcs-cau-dien")},
    "gv.dienbien": {(Role.TEACHER, "hk-th-dien-bien")},
    "gv.ngosilien": {(Role.TEACHER, "hk-thcs-ngo-si-lien"), (Role.JUDGE, GREEN_SCHOOL)},
    "giamkhao": {(Role.JUDGE, PLASTIC)},
    "hs.caudien": {(Role.STUDENT, "ntl-thcs-cau-dien")},
}


def seed_demo(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def model_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def memberships_of(username: str) -> set:
    def scope(m):
        if m.school or m.area:
            return (m.school or m.area).code
        return m.programme.slug if m.programme else None

    memberships = Membership.objects.filter(user__username=username).select_related("school", "area", "programme")
    return {(m.role, scope(m)) for m in memberships}


def test_seed_demo_enrols_39_hoan_kiem_schools_21_of_them_primary_or_lower_secondary(seeded):
    levels = list(Enrolment.objects.filter(programme__slug=GREEN_SCHOOL).values_list("school__level", flat=True))

    assert len(levels) == 39
    assert levels.count(SchoolLevel.PRESCHOOL) == 18
    assert levels.count(SchoolLevel.PRIMARY) + levels.count(SchoolLevel.LOWER_SECONDARY) == 21


def test_seed_demo_enrols_24_lower_secondary_schools_in_nam_tu_liem(seeded):
    enrolments = Enrolment.objects.filter(programme__slug=PLASTIC).select_related("school", "school__area")

    assert enrolments.count() == 24
    assert {e.school.level for e in enrolments} == {SchoolLevel.LOWER_SECONDARY}
    assert all(e.school.area.code.startswith("ntl-") for e in enrolments)


def test_seed_demo_includes_the_five_schools_named_in_the_report(seeded):
    names = set(Enrolment.objects.filter(programme__slug=PLASTIC).values_list("school__name", flat=True))

    assert {
        "Trường THCS Nam Từ Liêm",
        "Trường THCS Cầu Diễn",
        "Trường THCS Tây Mỗ",
        "Trường THCS Mễ Trì",
        "Trường THCS Mỹ Đình 2",
    } <= names


def test_seed_demo_programmes_match_the_report(seeded):
    plastic = Programme.objects.get(slug=PLASTIC)
    green = Programme.objects.get(slug=GREEN_SCHOOL)

    assert (plastic.area.code, plastic.themes, plastic.reduction_target_pct, plastic.required_audit_days) == (
        "nam-tu-liem",
        ["waste"],
        20,
        5,
    )
    assert (str(plastic.starts_on), str(plastic.ends_on), plastic.is_published) == ("2022-10-01", "2022-12-31", True)
    assert green.area.code == "hoan-kiem"
    assert green.themes == ["energy", "waste", "electricity", "water", "air", "green_space"]
    assert green.is_published and green.summary
    assert green.school_year.name == plastic.school_year.name == "2022-2023"


def test_seed_demo_places_every_school_in_a_ward_with_an_address_and_profile(seeded):
    schools = School.objects.select_related("area").prefetch_related("profiles__year")

    assert schools.count() == 63
    for school in schools:
        profile = school.profiles.get()
        assert school.area.kind == "ward", school.code
        assert school.address, school.code
        assert profile.year.name == "2022-2023"
        assert profile.enrolment > profile.classes > 0, school.code
    assert Area.find_problems() == ([], [], [], [], [])


def test_seed_demo_gives_every_school_a_teacher(seeded):
    assert not School.objects.exclude(memberships__role=Role.TEACHER).exists()


def test_seed_demo_officers_see_the_schools_under_their_area(seeded):
    def visible(username):
        return schools_visible_to(User.objects.get(username=username)).count()

    assert (visible("canbo.hoankiem"), visible("canbo.namtuliem"), visible("canbo.caudien")) == (39, 24, 2)


def test_demo_logins_include_every_role(seeded):
    assert {username for username, _description in DEMO_LOGINS} == set(EXPECTED_MEMBERSHIPS)


def test_demo_logins_authenticate_with_the_demo_password(seeded, settings):
    settings.AXES_ENABLED = False
    request = RequestFactory().post("/accounts/login/")

    for username, _description in DEMO_LOGINS:
        assert authenticate(request, username=username, password=DEMO_PASSWORD) == User.objects.get(
            username=username
        ), username


def test_demo_logins_hold_exactly_their_memberships(seeded):
    assert {username: memberships_of(username) for username in EXPECTED_MEMBERSHIPS} == EXPECTED_MEMBERSHIPS


def test_seed_demo_staff_have_example_emails_and_students_none(seeded):
    students = User.objects.filter(memberships__role=Role.STUDENT)
    staff = User.objects.exclude(memberships__role=Role.STUDENT).filter(memberships__isnull=False).distinct()

    assert students.count() == Student.objects.filter(user__isnull=False).count() == 5
    assert set(students.values_list("email", flat=True)) == {""}
    assert all(email.endswith("@example.org") for email in staff.values_list("email", flat=True))


def test_seed_demo_fills_cau_dien_classes(seeded):
    classes = Classroom.objects.filter(school__code="ntl-thcs-cau-dien").order_by("name")
    students = Student.objects.filter(school__code="ntl-thcs-cau-dien")
    linked = Student.objects.get(user__username="hs.caudien")

    assert [(c.name, c.grade, c.year.name, c.students.count()) for c in classes] == [
        ("6A1", 6, "2022-2023", 8),
        ("6A2", 6, "2022-2023", 8),
        ("7A1", 7, "2022-2023", 8),
        ("8A1", 8, "2022-2023", 8),
        ("9A1", 9, "2022-2023", 8),
    ]
    assert students.filter(consent_child=True, consent_guardian=True, consent_recorded_at__isnull=False).count() == 7
    assert students.filter(user__isnull=False).count() == 4
    assert (linked.display_name, linked.classroom.name, linked.user.must_change_password) == (
        "Nguyễn Minh Khôi",
        "6A1",
        False,
    )
    assert Classroom.objects.exclude(school__code="ntl-thcs-cau-dien").values("school").distinct().count() == 4


def test_seed_demo_twice_changes_no_model_count(seeded):
    before = model_counts()

    output = seed_demo()

    assert model_counts() == before
    assert "63 schools (+0)" in output


def test_seed_demo_if_empty_does_nothing_on_a_loaded_database(seeded):
    before = model_counts()

    output = seed_demo("--if-empty")

    assert model_counts() == before
    assert "already loaded" in output


def test_seed_demo_reports_what_it_made(seeded):
    assert "63 schools (+63)" in seeded
    assert "2 programmes (+2)" in seeded

"""An organiser of one programme acts only within it, in every back-office screen and import (issue 13).

The scene: the world's Nam Từ Liêm programme (school thcs-cau-dien) and a Hoàn Kiếm
programme (school thcs-hang-bac); `ntl` organises only the first. For every model of the
Wagtail admin the truth table checks the list, the edit, history and delete views, own
object against the other programme's. The takeover and escalation steps of the issue
are tests of their own.
"""

from dataclasses import dataclass
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from audits.enums import Phase
from schools.enums import Role
from schools.models import Area, Membership, School, SchoolYearProfile, Student
from schools.services import membership_grant, organiser_group_ensure
from tests.factories import EnrolmentFactory, ProgrammeFactory, StudentFactory, UserFactory
from tests.factories.audits import AuditPeriodFactory
from tests.factories.contests import ContestFactory, RoundFactory
from tests.schools.imports.test_support import SCHOOL_HEADER, USER_HEADER, csv_upload


@dataclass
class Scene:
    ntl: object  # organiser of the world's programme only
    hk_programme: object
    objects: dict  # viewset name -> (own object, other programme's object)


@pytest.fixture
def scene(world):
    hk = ProgrammeFactory(name="Trường học xanh Hoàn Kiếm", slug="thxhk", area=world.other_ward.get_parent())
    own_enrolment = world.programme.enrolments.get()
    other_enrolment = EnrolmentFactory(programme=hk, school=world.other_school)
    ntl = UserFactory(username="ntl-organiser", full_name="Tổ Chức Nam Từ Liêm")
    membership_grant(user=ntl, role=Role.ORGANISER, programme=world.programme)
    hk_student = StudentFactory(classroom=world.other_classroom, display_name="Phạm Hoàn Kiếm")
    year = world.programme.school_year
    objects = {
        "school": (world.school, world.other_school),
        "area": (world.ward, world.other_ward),
        "student": (world.student, hk_student),
        "schoolyearprofile": (
            SchoolYearProfile.objects.create(school=world.school, year=year, enrolment=900),
            SchoolYearProfile.objects.create(school=world.other_school, year=year, enrolment=800),
        ),
        "membership": (
            Membership.objects.get(user=world.teacher),
            Membership.objects.get(user=world.other_teacher),
        ),
        "programme": (world.programme, hk),
        "enrolment": (own_enrolment, other_enrolment),
        "auditperiod": (
            AuditPeriodFactory(programme=world.programme, phase=Phase.BASELINE),
            AuditPeriodFactory(programme=hk, phase=Phase.BASELINE),
        ),
        "contest": (ContestFactory(programme=world.programme), ContestFactory(programme=hk)),
    }
    objects["round"] = (RoundFactory(contest=objects["contest"][0]), RoundFactory(contest=objects["contest"][1]))
    return Scene(ntl=ntl, hk_programme=hk, objects=objects)


SCOPED = ["school", "area", "student", "schoolyearprofile", "membership", "programme", "enrolment", "auditperiod"]
SCOPED += ["contest", "round"]


@pytest.mark.parametrize("name", SCOPED)
def test_list_shows_own_programme_rows_only(scene, client_for, name):
    own, other = scene.objects[name]
    response = client_for(scene.ntl).get(reverse(f"{name}:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse(f"{name}:edit", args=[own.pk]) in page
    assert reverse(f"{name}:edit", args=[other.pk]) not in page


@pytest.mark.parametrize("view", ["edit", "delete", "history"])
@pytest.mark.parametrize("name", SCOPED)
def test_other_programme_object_answers_404(scene, client_for, name, view):
    own, other = scene.objects[name]
    client = client_for(scene.ntl)
    assert client.get(reverse(f"{name}:{view}", args=[own.pk])).status_code == 200
    assert client.get(reverse(f"{name}:{view}", args=[other.pk])).status_code == 404


@pytest.mark.parametrize("name", SCOPED)
def test_other_programme_object_cannot_be_deleted(scene, client_for, name):
    _own, other = scene.objects[name]
    response = client_for(scene.ntl).post(reverse(f"{name}:delete", args=[other.pk]))
    assert response.status_code == 404
    assert type(other).objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("name", SCOPED)
def test_global_organiser_keeps_every_programme(scene, world, client_for, name):
    own, other = scene.objects[name]
    client = client_for(world.organiser)
    page = client.get(reverse(f"{name}:index")).content.decode()
    assert reverse(f"{name}:edit", args=[own.pk]) in page
    assert reverse(f"{name}:edit", args=[other.pk]) in page
    assert client.get(reverse(f"{name}:edit", args=[other.pk])).status_code == 200


@pytest.mark.parametrize("name", ["schoolyear", "wastecategory"])
def test_shared_catalogues_are_for_global_organisers(scene, world, client_for, name):
    assert client_for(world.organiser).get(reverse(f"{name}:index")).status_code == 200
    assert client_for(scene.ntl).get(reverse(f"{name}:index")).status_code in (302, 403)


def test_programme_organiser_creates_no_programme(scene, client_for):
    response = client_for(scene.ntl).get(reverse("programme:add"))
    assert response.status_code in (302, 403)


def test_edit_of_other_school_changes_nothing(scene, world, client_for):
    school = world.other_school
    data = {"code": school.code, "name": "Đổi tên", "level": school.level, "area": school.area_id, "active": "on"}
    assert client_for(scene.ntl).post(reverse("school:edit", args=[school.pk]), data).status_code == 404
    school.refresh_from_db()
    assert school.name == "Trường THCS Hàng Bạc"


def test_form_offers_only_in_scope_relations(scene, world, client_for):
    response = client_for(scene.ntl).get(reverse("student:add"))
    schools = response.context["form"].fields["school"].queryset
    assert set(schools) == {world.school}
    classrooms = response.context["form"].fields["classroom"].queryset
    assert world.other_classroom not in classrooms


def test_student_added_to_another_programme_school_is_refused(scene, world, client_for):
    data = {"display_name": "Lê Văn Mới", "school": world.other_school.pk, "classroom": world.other_classroom.pk}
    response = client_for(scene.ntl).post(reverse("student:add"), {**data, "active": "on"})
    assert response.status_code == 200  # the form again, with its error
    assert not Student.objects.filter(display_name="Lê Văn Mới").exists()


def test_programme_organiser_adds_areas_only_inside_their_programme(scene, world, client_for):
    client = client_for(scene.ntl)
    root = {"parent": "", "name": "Thành phố mới", "code": "tp-moi", "kind": "city"}
    assert client.post(reverse("area:add"), root).status_code == 200
    elsewhere = {**root, "parent": world.other_ward.get_parent().pk, "code": "hk-moi", "kind": "ward"}
    assert client.post(reverse("area:add"), elsewhere).status_code == 200
    inside = {**root, "parent": world.district.pk, "code": "my-dinh-3", "kind": "ward"}
    assert client.post(reverse("area:add"), inside).status_code == 302
    assert set(Area.objects.filter(code__in=["tp-moi", "hk-moi", "my-dinh-3"]).values_list("code", flat=True)) == {
        "my-dinh-3"
    }


# --- Takeover and escalation, as probed in the issue ---------------------------------------------


def test_wagtail_user_screens_are_closed_to_organisers(scene, world, client_for):
    organiser_group_ensure().user_set.add(scene.ntl, world.organiser)
    victim = world.organiser
    for user in (scene.ntl, world.organiser):
        client = client_for(user)
        assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
        assert client.get(reverse("wagtailusers_groups:index")).status_code in (302, 403)
        response = client.post(
            reverse("wagtailusers_users:edit", args=[victim.pk if user != victim else world.teacher.pk]),
            {"password1": "chiem-quyen-2026!", "password2": "chiem-quyen-2026!"},
        )
        assert response.status_code in (302, 403)
    victim.refresh_from_db()
    world.teacher.refresh_from_db()
    assert not victim.check_password("chiem-quyen-2026!")
    assert not world.teacher.check_password("chiem-quyen-2026!")


def test_organisers_group_holds_no_account_permissions(db):
    group = organiser_group_ensure()
    assert not group.permissions.filter(content_type__model__in=["user", "group"]).exists()
    assert group.permissions.exists()  # images, documents, redirects stay


def test_migration_takes_account_permissions_from_existing_group(db):
    group, _created = Group.objects.get_or_create(name="Organisers")
    group.permissions.add(*Permission.objects.filter(codename__in=["add_user", "change_user", "add_image"]))
    import_module("home.migrations.0004_organisers_hold_no_user_permissions").forward(django_apps, None)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "add_image" in codenames
    assert not codenames & {"add_user", "change_user", "view_user", "add_group", "change_group"}


def _grant(client, **fields):
    data = {"user": "", "role": "", "school": "", "area": "", "programme": "", **fields}
    return client.post(reverse("membership:add"), data)


def test_programme_organiser_cannot_make_a_global_organiser(scene, client_for):
    newcomer = UserFactory(username="moi")
    response = _grant(client_for(scene.ntl), user=newcomer.pk, role=Role.ORGANISER)
    assert response.status_code == 200
    assert not Membership.objects.filter(user=newcomer).exists()
    choices = [value for value, _label in response.context["form"].fields["role"].choices]
    assert Role.ORGANISER not in choices


@pytest.mark.parametrize(
    ("role", "where"),
    [
        (Role.TEACHER, "other_school"),
        (Role.STUDENT, "other_school"),
        (Role.OFFICER, "other_ward"),
        (Role.JUDGE, "other_programme"),
        (Role.JUDGE, "every_programme"),
    ],
)
def test_programme_organiser_grants_nothing_outside_their_programme(scene, world, client_for, role, where):
    newcomer = UserFactory(username="moi")
    scope = {
        "other_school": {"school": world.other_school.pk},
        "other_ward": {"area": world.other_ward.pk},
        "other_programme": {"programme": scene.hk_programme.pk},
        "every_programme": {},
    }[where]
    response = _grant(client_for(scene.ntl), user=newcomer.pk, role=role, **scope)
    assert response.status_code == 200
    assert not Membership.objects.filter(user=newcomer).exists()


@pytest.mark.parametrize(
    ("role", "where"),
    [(Role.TEACHER, "school"), (Role.OFFICER, "ward"), (Role.JUDGE, "programme")],
)
def test_programme_organiser_grants_roles_inside_their_programme(scene, world, client_for, role, where):
    newcomer = UserFactory(username="moi")
    scope = {
        "school": {"school": world.school.pk},
        "ward": {"area": world.ward.pk},
        "programme": {"programme": world.programme.pk},
    }[where]
    assert _grant(client_for(scene.ntl), user=newcomer.pk, role=role, **scope).status_code == 302
    assert Membership.objects.filter(user=newcomer, role=role).count() == 1


def test_organiser_cannot_edit_their_own_memberships(scene, client_for):
    own = Membership.objects.get(user=scene.ntl)
    client = client_for(scene.ntl)
    assert client.get(reverse("membership:edit", args=[own.pk])).status_code == 404
    response = _grant(client, user=scene.ntl.pk, role=Role.TEACHER, school=scene.objects["school"][0].pk)
    assert response.status_code == 200
    assert Membership.objects.filter(user=scene.ntl).count() == 1


def test_organisers_memberships_are_out_of_a_programme_organisers_reach(scene, world, client_for):
    global_membership = Membership.objects.get(user=world.organiser)
    assert client_for(scene.ntl).get(reverse("membership:edit", args=[global_membership.pk])).status_code == 404


def test_accounts_with_roles_elsewhere_are_not_offered(scene, world, client_for):
    users = client_for(scene.ntl).get(reverse("membership:add")).context["form"].fields["user"].queryset
    assert world.teacher in users
    assert world.other_teacher not in users
    assert world.organiser not in users
    assert scene.ntl not in users


def test_users_import_row_outside_scope_is_a_bad_row(scene, world):
    from schools.imports import import_users

    text = (
        f"{USER_HEADER}\n"
        "gv.moi,Nguyễn Văn Mới,giáo viên,thcs-cau-dien,,\n"
        "gv.hk,Trần Thị Hoàn,giáo viên,thcs-hang-bac,,\n"
        "gk.moi,Lê Giám Khảo,giám khảo,,,\n"
    )
    result = import_users(csv_upload(text), by=scene.ntl)
    assert [problem.line for problem in result.errors] == [3, 4]
    assert not Membership.objects.filter(user__username__in=["gv.moi", "gv.hk", "gk.moi"]).exists()
    own_school_only = f"{USER_HEADER}\ngv.moi,Nguyễn Văn Mới,giáo viên,thcs-cau-dien,,\n"
    assert import_users(csv_upload(own_school_only), by=scene.ntl).ok


def test_users_import_cannot_add_a_role_to_an_account_held_elsewhere(scene, world):
    from schools.imports import import_users

    text = f"{USER_HEADER}\nother_teacher,Đỗ Văn Khác,giáo viên,thcs-cau-dien,,\n"
    result = import_users(csv_upload(text), by=scene.ntl)
    assert [problem.line for problem in result.errors] == [2]
    assert not Membership.objects.filter(user=world.other_teacher, school=world.school).exists()


def test_schools_import_row_outside_scope_is_a_bad_row(scene, world):
    from schools.imports import import_schools

    text = (
        f"{SCHOOL_HEADER}\n"
        "thcs-cau-dien,Trường THCS Cầu Diễn,THCS,cau-dien,,\n"
        "thcs-hang-bac,Trường bị đổi tên,THCS,hang-bac,,\n"
        "th-moi-hk,Trường Tiểu học Mới,Tiểu học,hang-bac,,\n"
    )
    result = import_schools(csv_upload(text), by=scene.ntl)
    assert [problem.line for problem in result.errors] == [3, 4]
    assert School.objects.get(code="thcs-hang-bac").name == "Trường THCS Hàng Bạc"
    assert not School.objects.filter(code="th-moi-hk").exists()
    new_here = f"{SCHOOL_HEADER}\nth-moi-ntl,Trường Tiểu học Mới,Tiểu học,cau-dien,,\n"
    assert import_schools(csv_upload(new_here), by=scene.ntl).ok
    assert School.objects.get(code="th-moi-ntl").area == world.ward


def test_import_page_reports_out_of_scope_row_in_vietnamese(scene, client_for):
    text = f"{USER_HEADER}\ngv.hk,Trần Thị Hoàn,giáo viên,thcs-hang-bac,,\n"
    response = client_for(scene.ntl).post(
        reverse("workspace:import_users"), {"file": csv_upload(text)}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 200
    assert "không thuộc chương trình" in response.content.decode()
    assert not Membership.objects.filter(user__username="gv.hk").exists()


def test_programme_organiser_list_queries_do_not_grow(scene, world, client_for, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(scene.ntl)
    client.get(reverse("student:index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("student:index"))
    StudentFactory.create_batch(5, classroom=world.classroom)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("student:index"))
    assert len(many) == len(few)

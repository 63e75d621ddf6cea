"""The workspace's schools list and school page: who sees what, filters, search, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schools.enums import SchoolLevel
from schools.services import school_year_current
from schools.students.selectors import fold
from tests.conftest import ROLES
from tests.factories import AreaFactory, ClassroomFactory, SchoolFactory, StudentFactory

ALL_ROLES = [*ROLES, "other_teacher"]


def _get(client_for, world, role, url):
    return client_for(world.user_for(role)).get(url)


# --- schools list ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("organiser", 200),
        ("officer", 200),
        ("teacher", 200),
        ("other_teacher", 200),
        ("student", 200),
        ("judge", 403),
        ("outsider", 403),
    ],
)
def test_school_list_status_by_role(world, client_for, role, status):
    response = _get(client_for, world, role, reverse("workspace:schools"))

    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("login"))


def test_school_list_officer_sees_only_schools_under_their_node(world, client_for):
    response = client_for(world.officer).get(reverse("workspace:schools"))

    assert list(response.context["page"]) == [world.school]


def test_school_list_teacher_sees_only_their_school(world, client_for):
    response = client_for(world.other_teacher).get(reverse("workspace:schools"))

    assert list(response.context["page"]) == [world.other_school]


def test_school_list_organiser_sees_every_school(world, client_for):
    response = client_for(world.organiser).get(reverse("workspace:schools"))

    assert {s.pk for s in response.context["page"]} == {world.school.pk, world.other_school.pk}


@pytest.mark.parametrize("query", ["cau dien", "CẦU DIỄN", "cầu diễn", "  Cau   Dien ", "thcs-cau", "dien thcs"])
def test_school_list_search_ignores_diacritics_and_case(world, client_for, query):
    response = client_for(world.organiser).get(reverse("workspace:schools"), {"q": query})

    assert list(response.context["page"]) == [world.school]


def test_school_list_search_handles_d_with_stroke(world, client_for):
    school = SchoolFactory(name="Trường Tiểu học Đống Đa", area=world.ward)

    response = client_for(world.organiser).get(reverse("workspace:schools"), {"q": "dong da"})

    assert list(response.context["page"]) == [school]


def test_school_list_search_without_match_says_so(world, client_for):
    response = client_for(world.organiser).get(reverse("workspace:schools"), {"q": "khong co truong nay"})

    assert list(response.context["page"]) == []
    assert response.status_code == 200


def test_school_list_filters_by_area_subtree(world, client_for):
    response = client_for(world.organiser).get(reverse("workspace:schools"), {"area": world.district.pk})

    assert list(response.context["page"]) == [world.school]


def test_school_list_filters_by_level(world, client_for):
    primary = SchoolFactory(name="Trường Tiểu học Cầu Diễn", level=SchoolLevel.PRIMARY, area=world.ward)

    response = client_for(world.organiser).get(reverse("workspace:schools"), {"level": SchoolLevel.PRIMARY})

    assert list(response.context["page"]) == [primary]


def test_school_list_officer_area_choices_are_their_subtree(world, client_for):
    response = client_for(world.officer).get(reverse("workspace:schools"))

    assert set(response.context["form"].areas.values()) == {world.district, world.ward}


def test_school_list_area_outside_officer_node_is_refused_not_used(world, client_for):
    response = client_for(world.officer).get(reverse("workspace:schools"), {"area": world.other_ward.pk})

    assert response.status_code == 200
    assert "area" in response.context["form"].errors
    assert list(response.context["page"]) == [world.school]


def test_school_list_bad_page_number_shows_a_page(world, client_for):
    response = client_for(world.organiser).get(reverse("workspace:schools"), {"page": "abc"})

    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_school_list_paginates_and_keeps_filters(world, client_for):
    for n in range(30):
        SchoolFactory(name=f"Trường Mầm non Số {n:02d}", area=world.ward)

    response = client_for(world.organiser).get(reverse("workspace:schools"), {"q": "mam non", "page": 2})

    assert response.context["page"].number == 2
    assert len(response.context["page"]) == 5
    assert "q=mam+non&amp;page=1" in response.content.decode()


def test_school_list_counts_students_and_classes_of_this_year(world, client_for):
    year = school_year_current()
    classroom = ClassroomFactory(school=world.school, year=year, name="6A2")
    StudentFactory.create_batch(2, classroom=classroom)
    StudentFactory(classroom=classroom, active=False)

    response = client_for(world.organiser).get(reverse("workspace:schools"), {"q": "cau dien"})

    row = response.context["page"][0]
    # world.classroom and world.student belong to 2022-2023: not counted.
    assert (row.student_count, row.classroom_count) == (2, 1)


def _count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("params", [{}, {"q": "truong", "level": SchoolLevel.LOWER_SECONDARY}])
def test_school_list_query_count_does_not_grow_with_rows(world, client_for, params):
    year = school_year_current()
    client = client_for(world.officer)
    url = reverse("workspace:schools")
    params = {**params, "area": world.ward.pk} if params else params
    client.get(url)  # warm caches that belong to the process, not the page

    one = _count_queries(client, url, params)
    for n in range(2):
        school = SchoolFactory(name=f"Trường THCS Thêm {n}", area=AreaFactory(parent=world.ward))
        StudentFactory(classroom=ClassroomFactory(school=school, year=year))
    three = _count_queries(client, url, params)

    assert len(client.get(url, params).context["page"]) == 3
    assert one == three
    assert three <= 12


# --- a school's page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("organiser", 200),
        ("officer", 200),
        ("teacher", 200),
        ("other_teacher", 404),
        ("student", 200),
        ("judge", 404),
        ("outsider", 404),
    ],
)
def test_school_detail_status_by_role(world, client_for, role, status):
    response = _get(client_for, world, role, reverse("workspace:school", args=[world.school.pk]))

    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), [("officer", 404), ("teacher", 404), ("student", 404), ("organiser", 200)])
def test_school_detail_of_another_school_is_404(world, client_for, role, status):
    response = _get(client_for, world, role, reverse("workspace:school", args=[world.other_school.pk]))

    assert response.status_code == status


def test_school_detail_unknown_pk_is_404(world, client_for):
    response = client_for(world.organiser).get(reverse("workspace:school", args=[999_999]))

    assert response.status_code == 404


def test_school_detail_shows_facts_and_programmes(world, client_for):
    response = client_for(world.officer).get(reverse("workspace:school", args=[world.school.pk]))

    content = response.content.decode()
    assert world.school.name in content
    assert world.school.get_level_display() in content
    assert "Phường Cầu Diễn, Nam Từ Liêm, Hà Nội" in content
    assert world.programme.name in content


@pytest.mark.parametrize(
    ("role", "links"), [("teacher", True), ("organiser", True), ("officer", False), ("student", False)]
)
def test_school_detail_links_to_classes_only_for_who_manages_students(world, client_for, role, links):
    classroom = ClassroomFactory(school=world.school, year=school_year_current(), name="9C3")

    response = _get(client_for, world, role, reverse("workspace:school", args=[world.school.pk]))

    content = response.content.decode()
    assert (reverse("workspace:classes", args=[world.school.pk]) in content) is links
    assert (reverse("workspace:classroom", args=[world.school.pk, classroom.pk]) in content) is links


def test_fold_strips_vietnamese_marks():
    assert fold("  Trường THCS Cầu   Diễn ") == "truong thcs cau dien"
    assert fold("Đống Đa") == "dong da"

"""The classes of a school: who may see and add them, the counts, bad input and query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schools.models import Classroom
from schools.services import school_year_current
from tests.factories import ClassroomFactory, SchoolYearFactory, StudentFactory, UserFactory

STATUS_BY_ROLE = [
    ("anonymous", 302),
    ("organiser", 200),
    ("officer", 403),
    ("teacher", 200),
    ("other_teacher", 404),
    ("student", 403),
    ("judge", 404),
    ("outsider", 404),
]


@pytest.mark.parametrize(("role", "status"), STATUS_BY_ROLE)
def test_classroom_list_status_by_role(world, client_for, role, status):
    response = client_for(world.user_for(role)).get(reverse("workspace:classes", args=[world.school.pk]))

    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("role", "status"), STATUS_BY_ROLE)
def test_classroom_add_status_by_role_and_only_allowed_roles_add(world, client_for, role, status):
    url = reverse("workspace:classes", args=[world.school.pk])

    response = client_for(world.user_for(role)).post(url, {"name": "8B1"})

    added = Classroom.objects.filter(school=world.school, name="8B1").exists()
    assert added is (status == 200)
    assert response.status_code == (302 if status == 200 else status)


def test_classroom_list_of_another_school_is_404_for_teacher(world, client_for):
    response = client_for(world.teacher).get(reverse("workspace:classes", args=[world.other_school.pk]))

    assert response.status_code == 404


def test_classroom_list_shows_this_years_classes_with_counts(world, client_for):
    year = school_year_current()
    classroom = ClassroomFactory(school=world.school, year=year, name="6A2")
    StudentFactory(classroom=classroom, user=UserFactory())
    StudentFactory(classroom=classroom)
    StudentFactory(classroom=classroom, active=False, user=UserFactory())

    response = client_for(world.teacher).get(reverse("workspace:classes", args=[world.school.pk]))

    rows = list(response.context["classrooms"])
    assert [(c.name, c.student_count, c.login_count) for c in rows] == [("6A2", 2, 1)]
    assert world.classroom not in rows  # 2022-2023


def test_classroom_list_shows_an_earlier_year_on_request(world, client_for):
    school_year_current()
    old_year = SchoolYearFactory()  # 2022-2023, the year of world.classroom

    response = client_for(world.teacher).get(
        reverse("workspace:classes", args=[world.school.pk]), {"year": old_year.pk}
    )

    assert list(response.context["classrooms"]) == [world.classroom]
    assert response.context["is_current_year"] is False
    assert "add-class-title" not in response.content.decode()


def test_classroom_list_unknown_year_falls_back_to_current(world, client_for):
    response = client_for(world.teacher).get(reverse("workspace:classes", args=[world.school.pk]), {"year": "x"})

    assert response.status_code == 200
    assert response.context["is_current_year"] is True


def test_classroom_add_creates_class_this_year_and_opens_it(world, client_for):
    url = reverse("workspace:classes", args=[world.school.pk])

    response = client_for(world.teacher).post(url, {"name": " 7a3 ", "grade": ""})

    classroom = Classroom.objects.get(school=world.school, name="7A3")
    assert classroom.year == school_year_current()
    assert classroom.grade == 7
    assert response.url == reverse("workspace:classroom", args=[world.school.pk, classroom.pk])


def test_classroom_add_keeps_given_grade(world, client_for):
    client_for(world.teacher).post(
        reverse("workspace:classes", args=[world.school.pk]), {"name": "Lớp Chồi 1", "grade": "0"}
    )

    assert Classroom.objects.get(school=world.school, name="Lớp Chồi 1").grade == 0


@pytest.mark.parametrize("name", ["6A1", "6a1"])
def test_classroom_add_name_used_this_year_is_refused(world, client_for, name):
    ClassroomFactory(school=world.school, year=school_year_current(), name="6A1")
    before = Classroom.objects.count()

    response = client_for(world.teacher).post(reverse("workspace:classes", args=[world.school.pk]), {"name": name})

    assert response.status_code == 400
    assert Classroom.objects.count() == before
    assert "6A1" in response.context["form"].errors["name"][0]


def test_classroom_add_name_of_an_earlier_year_is_allowed(world, client_for):
    # world.classroom is "6A1" of 2022-2023.
    response = client_for(world.teacher).post(reverse("workspace:classes", args=[world.school.pk]), {"name": "6A1"})

    assert response.status_code == 302
    assert Classroom.objects.filter(school=world.school, name="6A1").count() == 2


def test_classroom_add_same_name_in_another_school_is_allowed(world, client_for):
    ClassroomFactory(school=world.other_school, year=school_year_current(), name="9A9")

    response = client_for(world.teacher).post(reverse("workspace:classes", args=[world.school.pk]), {"name": "9A9"})

    assert response.status_code == 302


@pytest.mark.parametrize(
    "data",
    [{"name": ""}, {"name": "   "}, {"name": "x" * 41}, {"name": "6A9", "grade": "13"}, {"name": "6A9", "grade": "a"}],
)
def test_classroom_add_bad_input_changes_nothing(world, client_for, data):
    before = Classroom.objects.count()

    response = client_for(world.teacher).post(reverse("workspace:classes", args=[world.school.pk]), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert Classroom.objects.count() == before


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_classroom_list_query_count_does_not_grow_with_rows(world, client_for):
    year = school_year_current()
    client = client_for(world.teacher)
    url = reverse("workspace:classes", args=[world.school.pk])
    StudentFactory(classroom=ClassroomFactory(school=world.school, year=year, name="6A2"))
    client.get(url)

    one = _count_queries(client, url)
    for name in ("6A3", "6A4"):
        StudentFactory(classroom=ClassroomFactory(school=world.school, year=year, name=name), user=UserFactory())
    three = _count_queries(client, url)

    assert len(client.get(url).context["classrooms"]) == 3
    assert one == three
    assert three <= 12


def test_classroom_list_opens_latest_year_with_classes_when_this_year_has_none(world, client_for):
    response = client_for(world.teacher).get(reverse("workspace:classes", args=[world.school.pk]))

    content = response.content.decode()
    assert [c.name for c in response.context["classrooms"]] == ["6A1"]
    assert response.context["year"].name == "2022-2023"
    assert 'id="year-select"' in content


def test_classroom_list_shows_this_year_when_chosen_even_if_empty(world, client_for):
    response = client_for(world.teacher).get(reverse("workspace:classes", args=[world.school.pk]) + "?year=")

    assert list(response.context["classrooms"]) == []
    assert response.context["year"] is None

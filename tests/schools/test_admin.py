"""The Wagtail back office: organisers manage places, people and programmes; nobody else gets in."""

import pytest
from django.urls import reverse

from schools.models import Area, School

VIEWSETS = ["school", "area", "schoolyear", "schoolyearprofile", "student", "membership", "programme", "enrolment"]


@pytest.mark.parametrize("name", VIEWSETS)
def test_admin_viewset_index_and_add_open_for_organiser(world, client_for, name):
    client = client_for(world.organiser)
    assert client.get(reverse(f"{name}:index")).status_code == 200
    assert client.get(reverse(f"{name}:add")).status_code == 200


@pytest.mark.parametrize("role", ["officer", "teacher", "student", "judge", "outsider"])
def test_admin_is_closed_to_everyone_but_organisers(world, client_for, role):
    client = client_for(world.user_for(role))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert client.get(reverse("school:index")).status_code == 302


def test_admin_home_opens_for_organiser(world, client_for):
    assert client_for(world.organiser).get(reverse("wagtailadmin_home")).status_code == 200


def test_admin_school_edit_saves_through_form(world, client_for):
    client = client_for(world.organiser)
    school = world.school
    response = client.post(
        reverse("school:edit", args=[school.pk]),
        {
            "code": school.code,
            "name": "Trường THCS Cầu Diễn mới",
            "level": school.level,
            "area": school.area_id,
            "address": "",
            "active": "on",
        },
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.name == "Trường THCS Cầu Diễn mới"


def test_admin_area_create_places_node_under_parent(world, client_for):
    client = client_for(world.organiser)
    response = client.post(
        reverse("area:add"),
        {"parent": world.district.pk, "name": "Phường Mỹ Đình 2", "code": "my-dinh-2", "kind": "ward"},
    )
    assert response.status_code == 302
    area = Area.objects.get(code="my-dinh-2")
    assert area.get_parent() == world.district


def test_admin_area_move_keeps_schools_in_scope(world, client_for):
    client = client_for(world.organiser)
    ward = world.other_ward
    response = client.post(
        reverse("area:edit", args=[ward.pk]),
        {"parent": world.district.pk, "name": ward.name, "code": ward.code, "kind": "ward"},
    )
    assert response.status_code == 302
    ward.refresh_from_db()
    assert ward.get_parent() == world.district
    assert School.objects.filter(area__path__startswith=world.district.path).count() == 2


def test_admin_school_index_queries_do_not_grow(world, client_for, django_assert_max_num_queries):
    from tests.factories import SchoolFactory

    client = client_for(world.organiser)
    client.get(reverse("school:index"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("school:index"))
    SchoolFactory.create_batch(5, area=world.ward)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("school:index"))
    assert len(many) == len(few)

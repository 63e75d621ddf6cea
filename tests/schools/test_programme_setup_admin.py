"""The programme set-up pages of the Wagtail admin: enrol in bulk, withdraw, copy to a new year."""

from datetime import date

import pytest

from schools.enums import SchoolLevel
from schools.models import Enrolment, EnrolmentWithdrawal, Programme
from tests.conftest import rival_organiser
from tests.factories import SchoolFactory


def _url(world, what="enrol"):
    return f"/admin/programmes/{world.programme.pk}/{what}/"


@pytest.fixture
def primaries(world):
    return [
        SchoolFactory(code=f"th-{n}", name=f"Trường Tiểu học {n}", level=SchoolLevel.PRIMARY, area=world.ward)
        for n in range(1, 4)
    ]


def test_enrol_page_shows_the_count_then_enrols_on_confirmation(world, client_for, primaries):
    client = client_for(world.organiser)
    assert client.get(_url(world)).status_code == 200

    preview = client.post(_url(world), {"level": SchoolLevel.PRIMARY, "action": "preview"})

    assert preview.status_code == 200
    assert "3 trường sẽ được ghi danh" in preview.content.decode()
    assert Enrolment.objects.filter(programme=world.programme).count() == 1

    confirmed = client.post(_url(world), {"level": SchoolLevel.PRIMARY, "action": "confirm"})

    assert confirmed.status_code == 302
    assert Enrolment.objects.filter(programme=world.programme).count() == 4


def test_enrol_page_with_a_code_outside_the_area_enrols_nothing(world, client_for, primaries):
    client = client_for(world.organiser)

    response = client.post(_url(world), {"codes": "th-1\nthcs-hang-bac", "action": "confirm"})

    assert response.status_code == 200
    assert "nằm ngoài khu vực" in response.content.decode()
    assert Enrolment.objects.filter(programme=world.programme).count() == 1


@pytest.mark.parametrize("what", ["enrol", "copy-year", "withdraw/{school}"])
def test_programme_setup_pages_of_another_programme_answer_404(world, client_for, what):
    client = client_for(rival_organiser(world))

    response = client.get(_url(world, what.format(school=world.school.pk)))

    assert response.status_code == 404


def test_programme_setup_pages_refuse_teachers(world, client_for):
    response = client_for(world.teacher).get(_url(world))

    assert response.status_code in (302, 403)


def test_withdraw_page_records_the_reason(world, client_for):
    client = client_for(world.organiser)
    url = _url(world, f"withdraw/{world.school.pk}")

    empty = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "Trường sáp nhập"})

    assert empty.status_code == 200
    assert done.status_code == 302
    assert not Enrolment.objects.filter(programme=world.programme).exists()
    assert EnrolmentWithdrawal.objects.get().reason == "Trường sáp nhập"


def test_copy_page_shows_shifted_dates_and_makes_the_programme(world, client_for):
    Programme.objects.filter(pk=world.programme.pk).update(plan_deadline=date(2023, 3, 1))
    client = client_for(world.organiser)

    page = client.get(_url(world, "copy-year"))

    assert page.status_code == 200
    assert 'value="2023-2024"' in page.content.decode()
    assert 'value="2024-03-01"' in page.content.decode()

    response = client.post(
        _url(world, "copy-year"),
        {
            "action": "save",
            "year_name": "2023-2024",
            "name": "Nhựa giá trị thấp 2023-2024",
            "slug": "nhua-2023",
            "date__programme__plan_deadline": "2024-03-04",
        },
    )

    assert response.status_code == 302
    copy = Programme.objects.get(slug="nhua-2023")
    assert (copy.school_year.name, copy.plan_deadline) == ("2023-2024", date(2024, 3, 4))

"""Who may open the board, remind and make the report (schools/monitoring/rules.py)."""

import pytest
from django.urls import reverse

from schools.enums import Role
from schools.services import membership_grant
from tests.conftest import fresh
from tests.factories import AreaFactory, ProgrammeFactory, UserFactory


def _programme_organiser(programme):
    user = UserFactory(username=f"btc-{programme.slug}")
    membership_grant(user=user, role=Role.ORGANISER, programme=programme)
    return fresh(user)


@pytest.mark.parametrize(
    ("perm", "role", "expected"),
    [
        (perm, role, expected)
        for perm in ("schools.view_board", "schools.send_reminders", "schools.make_report")
        for role, expected in [
            ("organiser", True),
            ("officer", True),
            ("teacher", False),
            ("student", False),
            ("judge", False),
            ("outsider", False),
            ("anonymous", False),
        ]
    ],
)
def test_board_rules_truth_table(world, perm, role, expected):
    from django.contrib.auth.models import AnonymousUser

    user = fresh(world.user_for(role)) or AnonymousUser()
    assert user.has_perm(perm, world.programme) is expected
    assert user.has_perm(perm) is expected  # obj=None: has the role at all


def test_officer_of_another_area_may_not_see_the_programme(world):
    far = AreaFactory(parent=world.city, name="Quận Hà Đông", code="ha-dong")
    officer = UserFactory(username="canbo-hadong")
    membership_grant(user=officer, role=Role.OFFICER, area=far)

    assert fresh(officer).has_perm("schools.view_board", world.programme) is False


def test_ward_officer_sees_a_district_programme_but_only_their_schools(world, client_for):
    from schools.monitoring.selectors import board_for
    from tests.schools.monitoring.helpers import build

    programme, schools = build(world, 3)
    other = AreaFactory(parent=world.district, name="Phường Tây Mỗ", code="tay-mo")
    schools[2].area = other
    schools[2].save()
    ward_officer = UserFactory(username="canbo-caudien")
    membership_grant(user=ward_officer, role=Role.OFFICER, area=world.ward)

    board = board_for(fresh(ward_officer), programme)

    assert sorted(r.school.pk for r in board.all_rows) == sorted([schools[0].pk, schools[1].pk])


def test_programme_organiser_sees_only_their_programme(world, client_for):
    mine = ProgrammeFactory(area=world.district, slug="mine")
    theirs = world.programme
    user = _programme_organiser(mine)
    client = client_for(user)

    assert client.get(reverse("workspace:board", args=[mine.slug])).status_code == 200
    assert client.get(reverse("workspace:board", args=[theirs.slug])).status_code == 404
    assert client.get(reverse("workspace:board", args=["no-such-programme"])).status_code == 404


def test_board_answers_404_to_an_officer_of_another_area(world, client_for):
    far = AreaFactory(parent=world.city, name="Quận Hà Đông", code="ha-dong")
    officer = UserFactory(username="canbo-hadong")
    membership_grant(user=officer, role=Role.OFFICER, area=far)

    response = client_for(officer).get(reverse("workspace:board", args=[world.programme.slug]))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["teacher", "student", "judge", "outsider"])
def test_board_answers_403_to_people_without_an_officer_or_organiser_role(world, client_for, role):
    client = client_for(world.user_for(role))

    assert client.get(reverse("workspace:board", args=[world.programme.slug])).status_code == 403
    assert client.get(reverse("workspace:monitoring")).status_code == 403


def test_workspace_home_links_to_the_board_for_officers_only(world, client_for):
    url = reverse("workspace:board", args=[world.programme.slug])

    assert url in client_for(world.officer).get(reverse("workspace:home")).content.decode()
    assert url not in client_for(world.teacher).get(reverse("workspace:home")).content.decode()

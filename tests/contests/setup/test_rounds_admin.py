"""Rounds and their rubric in the Wagtail admin: the levels textarea, permissions, bad input."""

import pytest
from django.urls import reverse

from contests.judging.forms import LevelsField
from contests.models import Criterion, Round
from tests.factories.contests import ContestFactory, RoundFactory
from tests.factories.programmes import ProgrammeFactory


def test_levels_field_reads_one_level_per_line():
    field = LevelsField()
    assert field.clean("10 | Rất sáng tạo\n\n5,5|Có điểm mới \n") == [
        {"score": 10, "description": "Rất sáng tạo"},
        {"score": 5.5, "description": "Có điểm mới"},
    ]
    assert field.prepare_value([{"score": 10, "description": "Tốt"}]) == "10 | Tốt"


def test_levels_field_names_the_bad_line():
    with pytest.raises(Exception) as error:
        LevelsField().clean("10 | Tốt\nkhông có điểm")
    assert "2" in str(error.value)


def _post_data(contest, *, levels="10 | Rất sáng tạo\n1 | Đã phổ biến", max_score="10"):
    return {
        "contest": contest.pk,
        "order": "1",
        "name": "Thi trình bày trực tiếp",
        "mode": "live",
        "status": "draft",
        "aggregation": "auto",
        "advance_rule": "manual",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-order": "1",
        "criteria-0-name": "Sáng tạo",
        "criteria-0-help_text": "",
        "criteria-0-levels": levels,
        "criteria-0-min_score": "0",
        "criteria-0-max_score": max_score,
        "criteria-0-weight": "1",
        "criteria-0-counted": "on",
        "criteria-0-ORDER": "1",
        "criteria-0-id": "",
        "criteria-0-DELETE": "",
    }


def test_organiser_adds_a_round_with_a_criterion_and_levels(world, client_for, settings):
    settings.AXES_ENABLED = False
    contest = ContestFactory(programme=world.programme)
    client = client_for(world.organiser)
    assert client.get(reverse("round:add")).status_code == 200
    response = client.post(reverse("round:add"), _post_data(contest))
    assert response.status_code == 302, response.content.decode()[:3000]
    criterion = Criterion.objects.get(round__contest=contest)
    assert criterion.levels == [
        {"score": 10, "description": "Rất sáng tạo"},
        {"score": 1, "description": "Đã phổ biến"},
    ]
    page = client.get(reverse("round:edit", args=[criterion.round_id])).content.decode()
    assert "10 | Rất sáng tạo" in page


def test_bad_rubric_is_refused_and_nothing_saved(world, client_for, settings):
    settings.AXES_ENABLED = False
    contest = ContestFactory(programme=world.programme)
    client = client_for(world.organiser)
    response = client.post(reverse("round:add"), _post_data(contest, levels="mười | tốt", max_score="0"))
    assert response.status_code == 200
    assert not Round.objects.exists()


def test_round_of_another_programme_answers_404_to_a_programme_organiser(world, client_for, settings):
    from schools.enums import Role
    from schools.services import membership_grant
    from tests.factories import UserFactory

    settings.AXES_ENABLED = False
    organiser = UserFactory()
    membership_grant(user=organiser, role=Role.ORGANISER, programme=world.programme)
    own = RoundFactory(contest=ContestFactory(programme=world.programme))
    other = RoundFactory(contest=ContestFactory(programme=ProgrammeFactory()))
    client = client_for(organiser)
    assert client.get(reverse("round:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("round:edit", args=[other.pk])).status_code == 404
    listing = client.get(reverse("round:index")).content.decode()
    assert own.contest.title in listing and other.contest.title not in listing


def test_non_organisers_cannot_open_the_rounds_admin(world, client_for, settings):
    settings.AXES_ENABLED = False
    response = client_for(world.judge).get(reverse("round:index"))
    assert response.status_code in (302, 403)

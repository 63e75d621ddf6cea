"""Organisers set contests up in the Wagtail admin (with inline prize tiers); others are refused."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from contests.enums import ContestStatus
from contests.models import Contest
from schools.enums import Role
from schools.services import membership_grant
from tests.factories import EnrolmentFactory, ProgrammeFactory, UserFactory
from tests.factories.contests import ContestFactory, PrizeTierFactory


@pytest.fixture(autouse=True)
def _no_axes(settings):
    settings.AXES_ENABLED = False


def _form(world, **overrides):
    data = {
        "programme": world.programme.pk,
        "kind": "slogan",
        "title": "Khẩu hiệu tiết kiệm nước 2022",
        "slug": "khau-hieu-nuoc-2022",
        "code_prefix": "KH",
        "status": "draft",
        "summary": "Dành cho học sinh.",
        "rules": "Mỗi học sinh tối đa 3 khẩu hiệu.",
        "eligible_levels": ["primary", "lower_secondary"],
        "eligible_schools": [world.school.pk],
        "opens_at": "2030-11-01 07:00",
        "closes_at": "2030-11-30 17:00",
        "max_entries_per_school": "",
        "max_entries_per_student": "3",
        "slogan_max_length": "120",
        "duplicate_threshold": "85",
        "tie_break_0": "score",
        "tie_break_1": "median",
        "tie_break_2": "",
        "tie_break_3": "",
        "tie_break_4": "",
        "priority_criterion": "",
        "tie_policy": "flag",
        "results_public": "on",
        "prize_tiers-TOTAL_FORMS": "2",
        "prize_tiers-INITIAL_FORMS": "0",
        "prize_tiers-MIN_NUM_FORMS": "0",
        "prize_tiers-MAX_NUM_FORMS": "1000",
        "prize_tiers-0-order": "1",
        "prize_tiers-0-name": "Giải Nhất",
        "prize_tiers-0-count": "1",
        "prize_tiers-0-description": "",
        "prize_tiers-1-order": "2",
        "prize_tiers-1-name": "Giải Nhì",
        "prize_tiers-1-count": "2",
        "prize_tiers-1-description": "",
    }
    data.update(overrides)
    return data


def test_organiser_creates_contest_with_tiers(world, client_for):
    response = client_for(world.organiser).post(reverse("contest:add"), _form(world))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    contest = Contest.objects.get(slug="khau-hieu-nuoc-2022")
    assert contest.eligible_levels == ["primary", "lower_secondary"]
    assert list(contest.eligible_schools.all()) == [world.school]
    assert contest.closes_at == datetime(2030, 11, 30, 10, 0, tzinfo=UTC)  # 17:00 in Hà Nội
    assert contest.tie_break == ["score", "median"]
    assert [(t.order, t.name, t.count) for t in contest.prize_tiers.all()] == [(1, "Giải Nhất", 1), (2, "Giải Nhì", 2)]


def test_organiser_edits_contest_and_tiers(world, client_for):
    contest = ContestFactory(programme=world.programme, slug="cu", code_prefix="C")
    tier = PrizeTierFactory(contest=contest, order=1, name="Giải A", count=1)
    data = _form(
        world,
        slug="cu",
        **{
            "prize_tiers-TOTAL_FORMS": "1",
            "prize_tiers-INITIAL_FORMS": "1",
            "prize_tiers-0-id": str(tier.pk),
            "prize_tiers-0-name": "Giải Đặc biệt",
            "prize_tiers-0-count": "2",
        },
    )
    for key in [k for k in data if k.startswith("prize_tiers-1-")]:
        del data[key]
    client = client_for(world.organiser)
    assert client.get(reverse("contest:edit", args=[contest.pk])).status_code == 200
    response = client.post(reverse("contest:edit", args=[contest.pk]), data)
    assert response.status_code == 302
    contest.refresh_from_db()
    assert contest.title == "Khẩu hiệu tiết kiệm nước 2022"
    assert [(t.name, t.count) for t in contest.prize_tiers.all()] == [("Giải Đặc biệt", 2)]


def test_edit_form_shows_vietnam_time(world, client_for):
    contest = ContestFactory(programme=world.programme, closes_at=datetime(2030, 11, 30, 10, 0, tzinfo=UTC))
    html = client_for(world.organiser).get(reverse("contest:edit", args=[contest.pk])).content.decode()
    assert 'value="2030-11-30 17:00"' in html


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"closes_at": "2030-10-01 07:00"}, "closes_at"),
        ({"duplicate_threshold": "20"}, "duplicate_threshold"),
        ({"slogan_max_length": "5"}, "slogan_max_length"),
        ({"tie_break_1": "score"}, "tie_break"),
        ({"eligible_levels": ["university"]}, "eligible_levels"),
        ({"status": "results_published"}, "status"),
    ],
)
def test_bad_contest_input_refused_with_message(world, client_for, overrides, field):
    response = client_for(world.organiser).post(reverse("contest:add"), _form(world, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Contest.objects.filter(slug="khau-hieu-nuoc-2022").exists()


def test_school_outside_programme_refused(world, client_for):
    other_programme = ProgrammeFactory()
    EnrolmentFactory(programme=other_programme, school=world.other_school)
    response = client_for(world.organiser).post(
        reverse("contest:add"), _form(world, eligible_schools=[world.other_school.pk])
    )
    assert response.status_code == 200
    assert "eligible_schools" in response.context["form"].errors
    assert not Contest.objects.exists()


def test_duplicate_tier_orders_refused(world, client_for):
    response = client_for(world.organiser).post(reverse("contest:add"), _form(world, **{"prize_tiers-1-order": "1"}))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors() or form.formsets["prize_tiers"].non_form_errors()
    assert not Contest.objects.exists()


def test_tier_with_zero_prizes_refused(world, client_for):
    response = client_for(world.organiser).post(reverse("contest:add"), _form(world, **{"prize_tiers-1-count": "0"}))
    assert response.status_code == 200
    assert not Contest.objects.exists()


def test_tie_break_frozen_once_judging(world, client_for):
    contest = ContestFactory(programme=world.programme, slug="cu", status=ContestStatus.JUDGING, tie_break=["score"])
    data = _form(world, slug="cu", status="judging", **{"prize_tiers-TOTAL_FORMS": "0"})
    response = client_for(world.organiser).post(reverse("contest:edit", args=[contest.pk]), data)
    assert response.status_code == 200
    assert "tie_break" in response.context["form"].errors
    contest.refresh_from_db()
    assert contest.tie_break == ["score"]


def _programme_organiser():
    user = UserFactory()
    programme = ProgrammeFactory()
    membership_grant(user=user, role=Role.ORGANISER, programme=programme)
    return user, programme


def test_programme_organiser_sees_only_own_contests(world, client_for):
    user, programme = _programme_organiser()
    mine = ContestFactory(programme=programme, title="Cuộc thi của tôi")
    theirs = ContestFactory(programme=world.programme, title="Cuộc thi khác")
    client = client_for(user)
    html = client.get(reverse("contest:index")).content.decode()
    assert mine.title in html
    assert theirs.title not in html
    assert client.get(reverse("contest:edit", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("contest:delete", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("contest:history", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("contest:edit", args=[mine.pk])).status_code == 200
    response = client.post(reverse("contest:add"), _form(world))  # world.programme is not theirs
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert not Contest.objects.filter(slug="khau-hieu-nuoc-2022").exists()


def test_programme_organiser_cannot_edit_other_programmes_contest(world, client_for):
    user, _programme = _programme_organiser()
    theirs = ContestFactory(programme=world.programme, title="Cuộc thi khác", slug="khac")
    response = client_for(user).post(
        reverse("contest:edit", args=[theirs.pk]), _form(world, slug="khac", title="Đổi tên")
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Cuộc thi khác"


@pytest.mark.parametrize("role", ["officer", "teacher", "student", "judge", "outsider"])
def test_non_organisers_refused(world, client_for, role):
    contest = ContestFactory(programme=world.programme, slug="cu")
    client = client_for(world.user_for(role))
    for url in (reverse("contest:index"), reverse("contest:add"), reverse("contest:edit", args=[contest.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/login" in response.url or response.url == reverse("wagtailadmin_home")
    client.post(reverse("contest:add"), _form(world))
    assert not Contest.objects.filter(slug="khau-hieu-nuoc-2022").exists()


def test_anonymous_redirected_to_login(client):
    response = client.get(reverse("contest:index"))
    assert response.status_code == 302
    assert "login" in response.url


def test_contest_list_queries_constant(world, client_for, django_assert_max_num_queries):
    for _n in range(20):
        ContestFactory(programme=world.programme)
    client = client_for(world.organiser)
    client.get(reverse("contest:index"))
    with django_assert_max_num_queries(30):
        assert client.get(reverse("contest:index")).status_code == 200

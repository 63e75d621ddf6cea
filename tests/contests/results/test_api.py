"""GET /api/v1/contests/ and /api/v1/contests/<slug>/results/: shape, published or not,
and no per-person data beyond the public-name rule."""

import pytest
from django.urls import reverse

from contests.enums import ContestStatus, EntryStatus
from contests.models import Award
from schools.services import student_consent_record
from tests.factories import StudentFactory
from tests.factories.contests import (
    ContestFactory,
    EntryFactory,
    EntryMemberFactory,
    PrizeTierFactory,
    ResultSnapshotFactory,
    RoundFactory,
)


def published_contest(world, *, public=True, consent=False):
    """A contest with two awarded entries of the world's school and a published snapshot."""
    contest = ContestFactory(
        programme=world.programme, slug="sang-kien-xanh", status=ContestStatus.RESULTS_PUBLISHED, results_public=public
    )
    first = PrizeTierFactory(contest=contest, order=1, name="Giải Nhất", count=1)
    second = PrizeTierFactory(contest=contest, order=2, name="Giải Nhì", count=1)
    round = RoundFactory(contest=contest, name="Chung khảo")
    a = EntryFactory(contest=contest, school=world.school, code="NTL-001", title="Túi vải", status=EntryStatus.AWARDED)
    b = EntryFactory(contest=contest, school=world.school, code="NTL-002", title="Ống hút", status=EntryStatus.AWARDED)
    student = StudentFactory(classroom=world.classroom, display_name="Nguyễn Thu Trang")
    if consent:
        student_consent_record(student=student, child=True, guardian=True, recorded_by=None)
    EntryMemberFactory(entry=a, student=student)
    EntryMemberFactory(entry=b, student=world.student)
    rows = [
        {"entry_id": a.pk, "rank": 1, "score": 91.5, "spread": 4.0, "tier": 1, "trace": []},
        {"entry_id": b.pk, "rank": 2, "score": 80.25, "spread": 6.0, "tier": 2, "trace": []},
    ]
    snapshot = ResultSnapshotFactory(
        round=round, rows=rows, sha256="a" * 64, is_published=True, created_by=world.organiser
    )
    for entry, tier in ((a, first), (b, second)):
        Award.objects.create(contest=contest, entry=entry, tier=tier, snapshot=snapshot, decided_by=world.organiser)
    return contest, snapshot


def test_contest_list_shape(world, client):
    published_contest(world)
    ContestFactory(programme=world.programme, status=ContestStatus.DRAFT, slug="ban-nhap")
    response = client.get(reverse("api:contest_list"))
    assert response.status_code == 200
    assert response.json() == [
        {
            "slug": "sang-kien-xanh",
            "title": response.json()[0]["title"],
            "kind": "initiative",
            "programme": "nhua-gia-tri-thap",
            "status": "results_published",
            "entries": 2,
            "results_published": True,
        }
    ]


def test_contest_results_published_shape(world, client):
    _contest, snapshot = published_contest(world)
    response = client.get(reverse("api:contest_results", kwargs={"slug": "sang-kien-xanh"}))
    assert response.status_code == 200
    data = response.json()
    assert data["method"] == "mean"
    assert data["sha256"] == "a" * 64
    assert data["round"] == "Chung khảo"
    assert data["rows"] == [
        {
            "code": "NTL-001",
            "title": "Túi vải",
            "school": "Trường THCS Cầu Diễn",
            "rank": 1,
            "score": 91.5,
            "tier": "Giải Nhất",
            "team": ["N.T.T. (6A1)"],
        },
        {
            "code": "NTL-002",
            "title": "Ống hút",
            "school": "Trường THCS Cầu Diễn",
            "rank": 2,
            "score": 80.25,
            "tier": "Giải Nhì",
            "team": ["T.M.A. (6A1)"],
        },
    ]


def test_contest_results_names_with_both_consents(world, client):
    published_contest(world, consent=True)
    data = client.get(reverse("api:contest_results", kwargs={"slug": "sang-kien-xanh"})).json()
    assert data["rows"][0]["team"] == ["Nguyễn Thu Trang"]
    assert data["rows"][1]["team"] == ["T.M.A. (6A1)"]


def test_contest_results_carry_no_personal_fields(world, client):
    published_contest(world)
    text = client.get(reverse("api:contest_results", kwargs={"slug": "sang-kien-xanh"})).content.decode()
    for private in ("Nguyễn Thu Trang", "Trần Minh An", "email", "username", "judge"):
        assert private not in text


def test_contest_results_unknown_is_404(world, client):
    assert client.get(reverse("api:contest_results", kwargs={"slug": "khong-co"})).status_code == 404


@pytest.mark.parametrize(("role", "code"), [("anonymous", 404), ("teacher", 404), ("organiser", 200)])
def test_contest_results_not_public(world, client_for, role, code):
    published_contest(world, public=False)
    client = client_for(world.user_for(role))
    assert client.get(reverse("api:contest_results", kwargs={"slug": "sang-kien-xanh"})).status_code == code


def test_contest_results_unpublished_is_404_even_for_organisers(world, client_for):
    _contest, snapshot = published_contest(world)
    snapshot.is_published = False
    snapshot.save()
    client = client_for(world.organiser)
    assert client.get(reverse("api:contest_results", kwargs={"slug": "sang-kien-xanh"})).status_code == 404


def test_contest_results_in_openapi(client):
    paths = client.get(reverse("api:openapi-json")).json()["paths"]
    assert "/api/v1/contests/" in paths
    assert "/api/v1/contests/{slug}/results/" in paths


def test_contest_results_after_publishing_hide_judges(world, client):
    from contests.results.services import results_publish
    from tests.factories.contests import scored_round

    contest = ContestFactory(programme=world.programme, slug="that-su", status=ContestStatus.JUDGING)
    round, entries, judges = scored_round(contest=contest, scores=[[90, 80], [70, 60]], tiers=[("Giải Nhất", 1)])
    snapshot = results_publish(round=round, user=world.organiser)
    data = client.get(reverse("api:contest_results", kwargs={"slug": "that-su"})).json()
    assert data["sha256"] == snapshot.sha256
    assert [(r["code"], r["rank"], r["score"], r["tier"]) for r in data["rows"]] == [
        (entries[0].code, 1, 85.0, "Giải Nhất"),
        (entries[1].code, 2, 65.0, None),
    ]
    assert data["parameters"]["components"] == [{"entries": 2, "judges": 2}]
    text = str(data)
    assert "judge_id" not in text and "leniency" not in text
    assert judges[0].username not in text

"""GET /api/v1/programmes/ and /api/v1/programmes/<slug>/summary/: aggregates only."""

from django.urls import reverse

from tests.factories import ProgrammeFactory
from tests.schools.monitoring.helpers import build

PERSONAL = ("username", "email", "full_name", "display_name", "student", "teacher", "phone")


def _walk_keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _walk_keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk_keys(item)


def test_programme_list_shows_published_programmes_to_everyone(world, client):
    published = ProgrammeFactory(area=world.district, slug="published", is_published=True)

    anonymous = client.get(reverse("api:programme_list")).json()

    assert [p["slug"] for p in anonymous] == [published.slug]
    client.force_login(world.officer)
    signed_in = {p["slug"] for p in client.get(reverse("api:programme_list")).json()}
    assert signed_in == {published.slug, world.programme.slug}


def test_summary_has_plan_audit_and_contest_figures_and_no_personal_data(world, client):
    programme, schools = build(world, 7)
    programme.is_published = True
    programme.save()

    data = client.get(reverse("api:programme_summary", kwargs={"slug": programme.slug})).json()

    assert data["plans"] == {"total": 7, "started": 4, "submitted": 4, "approved": 4}
    assert data["audits"]["coverage"] == "4/7"
    assert data["contests"]["entries"] == 6
    assert data["contests"]["awards"] == 1
    assert data["contests"]["prize_tiers"][0] == {
        "contest": "Sáng kiến xanh",
        "tier": "Giải Nhất",
        "places": 1,
        "awarded": 1,
    }
    assert not set(_walk_keys(data)) & set(PERSONAL)
    assert "Trường THCS" not in str(data)  # no school rows either


def test_summary_of_an_unpublished_programme_is_for_its_organisers_and_officers(world, client):
    url = reverse("api:programme_summary", kwargs={"slug": world.programme.slug})

    assert client.get(url).status_code == 401
    client.force_login(world.teacher)
    assert client.get(url).status_code == 403
    client.force_login(world.officer)
    assert client.get(url).status_code == 200
    assert client.get(reverse("api:programme_summary", kwargs={"slug": "nope"})).status_code == 404


def test_openapi_describes_the_programme_endpoints(client):
    schema = client.get(reverse("api:openapi-json")).json()

    assert "/api/v1/programmes/{slug}/summary/" in schema["paths"]
    assert "ProgrammeSummary" in schema["components"]["schemas"]

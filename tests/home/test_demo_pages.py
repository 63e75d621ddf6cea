"""Demo content of the public site (home.demo) and of the programme pages (schools.demo.pages)."""

from datetime import date
from io import StringIO

import pytest
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home import demo
from home.models import HomePage, NewsKind, NewsPage, ResourcePage, SiteSettings
from schools.demo.pages import seed_programme_pages
from schools.pages import ProgrammePage
from tests.factories import ProgrammeFactory


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "settings": SiteSettings.objects.count(),
    }


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Seed once for the module (it takes seconds), inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo.seed(stdout=StringIO(), password="unused")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(loaded, db):
    """Each test runs in a savepoint inside the module's transaction."""


def test_home_demo_seed_is_idempotent(seeded):
    before = counts()

    demo.seed(stdout=StringIO(), password="unused")

    assert counts() == before


def test_home_demo_seed_makes_the_home_page_the_site_root(seeded):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == "Trường học Xanh"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # the "Welcome" page is gone


def test_home_demo_seed_has_the_report_events_with_their_dates(seeded):
    events = dict(NewsPage.objects.filter(kind=NewsKind.EVENT).values_list("slug", "event_date"))

    assert events["trinh-dien-cham-thi-sang-kien-nhua"] == date(2022, 12, 9)
    assert events["ngay-hoi-truong-hoc-tien-phong-nam-tu-liem"] == date(2022, 12, 17)
    assert events["tap-huan-bao-ton-nguon-nuoc-hoan-kiem"] == date(2022, 12, 23)
    assert NewsPage.objects.get(slug="ra-mat-truong-hoc-xanh-hoan-kiem").date == date(2022, 11, 1)


def test_home_demo_seed_gives_every_resource_a_document(seeded):
    resources = ResourcePage.objects.live()

    assert resources.count() == 3
    assert all(page.documents.exists() for page in resources)


def test_home_demo_seed_sets_cecr_site_settings(seeded):
    settings = SiteSettings.objects.get()

    assert settings.organisation_name == "Trung tâm Nghiên cứu Môi trường và Cộng đồng"
    assert settings.short_name == "CECR"


def test_home_demo_pages_render_and_are_searchable(client, seeded):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url

    response = client.get("/search/", {"q": "ngay hoi truong hoc tien phong"})

    assert [entry.page.slug for entry in response.context["results"]] == ["ngay-hoi-truong-hoc-tien-phong-nam-tu-liem"]


def test_seed_programme_pages_creates_one_page_per_programme_once(seeded, world):
    report = ProgrammeFactory(slug="truong-hoc-xanh-hoan-kiem-2022", name="Trường học Xanh", area=world.district)

    created = seed_programme_pages(stdout=StringIO())
    again = seed_programme_pages(stdout=StringIO())

    assert {page.programme_id for page in created} == {world.programme.pk, report.pk}
    assert again == []
    page = ProgrammePage.objects.get(programme=report)
    assert page.get_parent().specific_class is HomePage
    assert page.slug == "truong-hoc-xanh-hoan-kiem-2022"
    assert page.intro.startswith("Nâng cao nhận thức")

"""The Wagtail admin's page search ignores diacritics like the public search (issue 18)."""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from home.models.search import FOLDED_FIELD, FoldedSearchMixin, _fold
from home.text import fold_diacritics
from tests.factories.pages import NewsPageFactory, StandardPageFactory
from tests.factories.people import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(UserFactory(username="editor", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def water_pages(home_page, news_index):
    return [
        StandardPageFactory(parent=home_page, title="Tiết kiệm nước ở trường", slug="nuoc"),
        NewsPageFactory(parent=news_index, title="Ngày hội xanh", slug="ngay-hoi", intro="Đo lượng nước thải."),
        StandardPageFactory(parent=home_page, title="Rác thải nhựa", slug="rac"),
    ]


def admin_titles(client, query) -> list[str]:
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    return sorted(page.title for page in response.context["pages"])


def public_titles(client, query) -> list[str]:
    response = client.get("/search/", {"q": query})
    return sorted(entry.page.title for entry in response.context["results"] or [])


def test_admin_page_search_finds_pages_typed_without_diacritics(editor_client, water_pages):
    assert admin_titles(editor_client, "nuoc") == ["Ngày hội xanh", "Tiết kiệm nước ở trường"]


def test_admin_page_search_finds_the_pages_the_public_search_finds(editor_client, water_pages):
    for query in ("nuoc", "nước", "TIET KIEM", "rac thai"):
        assert admin_titles(editor_client, query) == public_titles(Client(), query), query


def test_admin_page_search_still_matches_words_with_diacritics(editor_client, water_pages):
    assert admin_titles(editor_client, "Rác") == ["Rác thải nhựa"]


def test_admin_page_search_finds_a_draft_without_diacritics(editor_client, home_page):
    StandardPageFactory(parent=home_page, title="Điện mặt trời", slug="dien", live=False)

    assert admin_titles(editor_client, "dien mat") == ["Điện mặt trời"]


def test_every_page_type_indexes_its_folded_text():
    page_models = [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]

    assert page_models
    for model in page_models:
        assert issubclass(model, FoldedSearchMixin), model
        assert FOLDED_FIELD in [field.field_name for field in model.get_autocomplete_search_fields()], model


def test_model_folding_is_home_texts():
    text = "ĐƯỜNG Trường HỌC Xanh – Hà Nội, nước"
    assert _fold(text) == fold_diacritics(text)

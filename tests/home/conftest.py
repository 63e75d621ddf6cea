"""Fixtures of the public site: a HomePage as the default site's root, and its index pages."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from tests.factories.pages import HomePageFactory, NewsIndexPageFactory, ResourceIndexPageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths and renditions; rolled-back pages must not linger there."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page, show_in_menus=True)

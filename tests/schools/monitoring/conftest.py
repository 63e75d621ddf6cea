import pytest
from django.core.cache import cache

from tests.home.conftest import home_page  # noqa: F401 - the site's home page, parent of programme pages


@pytest.fixture(autouse=True)
def _empty_cache():
    """The public figures are cached per programme id, and ids repeat between tests."""
    cache.clear()
    yield
    cache.clear()

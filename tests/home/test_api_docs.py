import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_api_docs_loads_swagger_from_local_static_files():
    response = Client().get("/api/v1/docs")

    html = response.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in urls
    assert "/static/ninja/swagger-ui.css" in urls
    assert [url for url in urls if not url.startswith("/static/")] == []
    assert "cdn" not in html.lower()

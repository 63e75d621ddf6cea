"""The script header: only `X-Requested-With: fetch` asks for a JSON answer."""

import pytest
from django.test import RequestFactory

from home.fetch import sent_by_script


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"HTTP_X_REQUESTED_WITH": "fetch"}, True),
        ({}, False),
        ({"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}, False),
        ({"HTTP_X_AUTOSAVE": "1"}, False),
    ],
)
def test_sent_by_script_only_for_the_fetch_header(headers, expected):
    request = RequestFactory().post("/", **headers)
    assert sent_by_script(request) is expected

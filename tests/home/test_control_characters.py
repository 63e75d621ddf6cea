"""NUL and other control characters: refused with the styled 400 page (or the API's error shape)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from home.text import has_control_characters
from schools.imports import import_schools
from tests.schools.imports.test_support import SCHOOL_HEADER, csv_upload, error_lines, snapshot

API_URLS = [
    "/api/v1/programmes/",
    "/api/v1/programmes/nhua-gia-tri-thap/summary/",
    "/api/v1/programmes/nhua-gia-tri-thap/audit-summary/",
    "/api/v1/contests/",
    "/api/v1/contests/khong-co/results/",
]


def _client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("text", "multiline", "expected"),
    [
        ("Trường Cầu Diễn", True, False),
        ("dòng 1\r\ndòng 2\tcột", True, False),
        ("dòng 1\ndòng 2", False, True),
        ("a\x00b", True, True),
        ("a\x1bb", True, True),
        ("a\x7fb", True, True),
        ("", False, False),
    ],
)
def test_has_control_characters(text, multiline, expected):
    assert has_control_characters(text, multiline=multiline) is expected


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "q=%1B", "q%00=a"])
def test_search_with_a_control_character_is_the_vietnamese_400_page(db, query):
    response = _client().get(f"/search/?{query}")

    html = response.content.decode()
    assert response.status_code == 400
    assert "Không đọc được yêu cầu" in html
    assert "ký tự điều khiển ẩn" in html


def test_search_with_a_tab_is_answered(db):
    assert _client().get("/search/?q=a%09b").status_code == 200


@pytest.mark.parametrize("url", API_URLS)
def test_api_with_nul_in_a_query_parameter_is_a_json_400(world, url):
    response = _client().get(url + "?q=%00")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "bad_request"
    assert "ký tự điều khiển ẩn" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/programmes/%00/summary/",
        "/api/v1/programmes/a%00b/audit-summary/",
        "/api/v1/contests/%00/results/",
    ],
)
def test_api_with_nul_in_the_path_is_a_json_400(world, url):
    response = _client().get(url)

    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_page_path_with_nul_is_the_400_page(db):
    response = _client().get("/tin-tuc%00/")

    assert response.status_code == 400
    assert "Không đọc được yêu cầu" in response.content.decode()


def test_form_post_with_nul_is_refused(world):
    response = _client().post(reverse("login"), {"username": "teacher\x00", "password": "x"})

    assert response.status_code == 400
    assert "ký tự điều khiển ẩn" in response.content.decode()


def test_form_post_with_nul_in_a_field_name_is_refused(world):
    response = _client().post(reverse("login"), {"username": "teacher", "pass\x00word": "x"})

    assert response.status_code == 400


def test_form_post_with_line_breaks_in_a_value_reaches_the_form(world):
    response = _client().post(reverse("login"), {"username": "teacher\r\n\t", "password": "wrong"})

    assert response.status_code == 200


def test_import_cell_with_nul_is_a_bad_row_in_vietnamese(world):
    before = snapshot()
    text = SCHOOL_HEADER + "\nth-a,Trường A,primary,cau-dien,300,10\nth-b,Trường\x00B,primary,cau-dien,300,10\n"

    with translation.override("vi"):
        result = import_schools(csv_upload(text))

    assert not result.ok
    assert error_lines(result) == [3]
    assert "ký tự điều khiển ẩn" in result.errors[0].message
    assert snapshot() == before


def test_import_file_with_nul_in_the_header_is_still_not_a_csv(world):
    result = import_schools(csv_upload("code,na\x00me\nth-a,A\n"))

    assert error_lines(result) == [None]

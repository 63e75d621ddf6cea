"""Search over live public pages, ignoring diacritics and case."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import PageSearchText
from home.page_search import fold, page_search_text_rebuild, query_words
from tests.factories.pages import NewsPageFactory, StandardPageFactory


@pytest.fixture
def green_school(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Trường học Xanh – Vì một Hà Nội Xanh",
        slug="truong-hoc-xanh",
        intro="Chương trình của quận Hoàn Kiếm về năng lượng, rác thải, điện, nước, không khí và không gian xanh.",
    )


def result_titles(client, query, **params) -> list[str]:
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [entry.page.title for entry in response.context["results"] or []]


def test_fold_strips_diacritics_and_case_one_character_per_character():
    text = "ĐƯỜNG Trường HỌC Xanh – Hà Nội"

    folded = fold(text)

    assert folded == "duong truong hoc xanh – ha noi"
    assert len(folded) == len(text)


def test_fold_treats_decomposed_input_like_composed():
    import unicodedata

    assert fold(unicodedata.normalize("NFD", "Trường học")) == "truong hoc"


def test_query_words_are_folded_without_duplicates_or_punctuation():
    assert query_words("  Trường, TRƯỜNG học? xanh!  ") == ["truong", "hoc", "xanh"]


def test_search_finds_page_for_query_without_diacritics(client, green_school):
    assert result_titles(client, "truong hoc xanh") == ["Trường học Xanh – Vì một Hà Nội Xanh"]


def test_search_finds_page_for_upper_case_query_with_diacritics(client, green_school):
    assert result_titles(client, "TRƯỜNG HỌC") == ["Trường học Xanh – Vì một Hà Nội Xanh"]


def test_search_finds_page_by_its_body_text(client, green_school):
    assert result_titles(client, "khong gian xanh") == ["Trường học Xanh – Vì một Hà Nội Xanh"]


def test_search_needs_every_word(client, green_school):
    assert result_titles(client, "truong hoc nam tu liem") == []


def test_search_ignores_pages_never_published(client, home_page):
    StandardPageFactory(parent=home_page, title="Trường học Xanh bản nháp", publish=False)

    assert result_titles(client, "truong hoc xanh") == []


def test_search_ignores_unpublished_pages(client, green_school):
    green_school.unpublish()

    assert result_titles(client, "truong hoc xanh") == []
    assert not PageSearchText.objects.filter(page=green_school).exists()


def test_search_ignores_private_pages(client, green_school):
    PageViewRestriction.objects.create(page=green_school, restriction_type=PageViewRestriction.LOGIN)

    assert result_titles(client, "truong hoc xanh") == []


def test_search_uses_the_latest_published_revision(client, green_school):
    green_school.title = "Chương trình Nhựa giá trị thấp"
    green_school.save_revision().publish()

    assert result_titles(client, "truong hoc xanh") == []
    assert result_titles(client, "nhua gia tri thap") == ["Chương trình Nhựa giá trị thấp"]


def test_search_lists_title_matches_first(client, news_index):
    NewsPageFactory(parent=news_index, title="Ngày hội tổng kết", intro="Các trường học xanh của quận")
    NewsPageFactory(parent=news_index, title="Trường học xanh ra mắt", intro="Kế hoạch 255")

    assert result_titles(client, "truong hoc xanh") == ["Trường học xanh ra mắt", "Ngày hội tổng kết"]


def test_search_page_shows_title_snippet_with_marked_words_and_url(client, green_school):
    html = client.get("/search/", {"q": "khong gian xanh"}).content.decode()

    assert f'<a href="{green_school.url}">Trường học Xanh – Vì một Hà Nội Xanh</a>' in html
    assert "<mark>không</mark> <mark>gian</mark> <mark>xanh</mark>" in html
    assert f"http://testserver{green_school.url}" in html


def test_search_escapes_the_query(client, green_school):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_without_query_shows_only_the_form(client, home_page):
    response = client.get("/search/")

    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()


def test_search_paginates_ten_per_page(client, news_index):
    for number in range(11):
        NewsPageFactory(parent=news_index, title=f"Trường học Xanh tin {number}")

    assert len(result_titles(client, "truong hoc xanh")) == 10
    assert len(result_titles(client, "truong hoc xanh", page=2)) == 1


def test_search_queries_same_for_one_and_three_results(client, news_index):
    NewsPageFactory(parent=news_index, title="Trường học Xanh tin 1")
    client.get("/search/", {"q": "truong hoc xanh"})
    with CaptureQueriesContext(connection) as one:
        client.get("/search/", {"q": "truong hoc xanh"})
    NewsPageFactory(parent=news_index, title="Trường học Xanh tin 2")
    NewsPageFactory(parent=news_index, title="Trường học Xanh tin 3")
    client.get("/search/", {"q": "truong hoc xanh"})

    with CaptureQueriesContext(connection) as three:
        titles = result_titles(client, "truong hoc xanh")

    assert len(titles) == 3
    assert len(one.captured_queries) == len(three.captured_queries)


def test_search_text_rebuild_indexes_live_pages_only(home_page, green_school):
    draft = StandardPageFactory(parent=home_page, title="Bản nháp", publish=False)
    PageSearchText.objects.all().delete()

    count = page_search_text_rebuild()

    live = set(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    assert {home_page.pk, green_school.pk} <= live
    assert count == len(live)
    assert set(PageSearchText.objects.values_list("page_id", flat=True)) == live
    assert draft.pk not in live

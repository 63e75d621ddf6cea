"""The public site's page types: rendering in Vietnamese, listings, allowed places, query counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.models import HomePage, NewsIndexPage, NewsKind, NewsPage, ResourcePage, SiteSettings, StandardPage
from schools.pages import ProgrammePage
from tests.factories import UserFactory
from tests.factories.pages import (
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
)


def warm_then_count(client, url) -> int:
    """Queries of a second request: the first one made renditions and filled Wagtail's caches."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_home_page_renders_in_vietnamese_with_intro_and_latest_news(client, home_page, news_index):
    NewsPageFactory(parent=news_index, title="Ngày hội tái chế", date=date(2022, 12, 17), kind=NewsKind.EVENT)

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert '<h1 id="page-title" class="display-6 fw-bold text-success">Trang chủ</h1>' in html
    assert "Nền tảng của các chương trình giáo dục môi trường." in html
    assert "Ngày hội tái chế" in html
    assert "Ngày 17 tháng 12 năm 2022" in html  # Django's Vietnamese date format


def test_home_page_shows_three_latest_news_newest_first(client, home_page, news_index):
    for day in (1, 5, 3, 4):
        NewsPageFactory(parent=news_index, title=f"Tin ngày {day}", date=date(2022, 11, day))

    html = client.get("/").content.decode()

    assert "Tin ngày 1<" not in html
    assert html.index("Tin ngày 5") < html.index("Tin ngày 4") < html.index("Tin ngày 3")


def test_home_page_queries_same_for_one_and_three_news(client, home_page, news_index):
    NewsPageFactory(parent=news_index, image=ImageFactory())
    one = warm_then_count(client, "/")
    NewsPageFactory(parent=news_index, image=ImageFactory())
    NewsPageFactory(parent=news_index, image=ImageFactory())

    three = warm_then_count(client, "/")

    assert one == three
    assert three <= 14


def test_standard_page_renders_every_block(client, home_page):
    document = DocumentFactory(title="Sổ tay kiểm toán rác")
    image = ImageFactory(title="Ảnh ngày hội", description="Học sinh phân loại rác")
    page = StandardPageFactory(
        parent=home_page,
        title="Giới thiệu",
        slug="gioi-thieu",
        intro="Về CECR",
        body=[
            ("heading", {"heading_text": "Sứ mệnh", "size": "h2"}),
            ("paragraph", RichText("<p>Góp phần đảm bảo môi trường sống trong lành.</p>")),
            ("image", {"image": image, "alt_text": "", "caption": "Ngày hội 17/12", "attribution": ""}),
            ("quote", {"text": "Biến thách thức thành giải pháp khác biệt", "attribute_name": "CECR"}),
            ("document", {"document": document, "label": ""}),
        ],
    )

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 class="block-heading h3 mt-4">Sứ mệnh</h2>' in html
    assert "<p>Góp phần đảm bảo môi trường sống trong lành.</p>" in html
    assert 'alt="Học sinh phân loại rác"' in html
    assert "Ngày hội 17/12</figcaption>" in html
    assert "Biến thách thức thành giải pháp khác biệt" in html
    assert f'href="{document.url}"' in html
    assert "Sổ tay kiểm toán rác" in html


def test_news_index_lists_children_newest_first_in_vietnamese(client, news_index):
    NewsPageFactory(parent=news_index, title="Tập huấn giáo viên", date=date(2022, 11, 4))
    NewsPageFactory(parent=news_index, title="Trình diễn sáng kiến", date=date(2022, 12, 9), kind=NewsKind.EVENT)

    response = client.get(news_index.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert html.index("Trình diễn sáng kiến") < html.index("Tập huấn giáo viên")
    assert "Ngày 09 tháng 12 năm 2022" in html


def test_news_index_filters_by_kind(client, news_index):
    NewsPageFactory(parent=news_index, title="Tin ra mắt chương trình", kind=NewsKind.NEWS)
    NewsPageFactory(parent=news_index, title="Ngày hội tổng kết", kind=NewsKind.EVENT)

    html = client.get(news_index.url, {"kind": "event"}).content.decode()

    assert "Ngày hội tổng kết" in html
    assert "Tin ra mắt chương trình" not in html


def test_news_index_hides_draft_children(client, news_index):
    NewsPageFactory(parent=news_index, title="Bản nháp chưa đăng", publish=False)

    html = client.get(news_index.url).content.decode()

    assert "Bản nháp chưa đăng" not in html


def test_news_index_paginates_ten_per_page(client, news_index):
    for day in range(1, 12):
        NewsPageFactory(parent=news_index, title=f"Tin số {day:02d}", date=date(2022, 12, day))

    first = client.get(news_index.url).content.decode()
    second = client.get(news_index.url, {"page": 2}).content.decode()

    assert first.count('class="card h-100 news-card"') == 10
    assert second.count('class="card h-100 news-card"') == 1
    assert "Tin số 01" in second
    assert client.get(news_index.url, {"page": "abc"}).status_code == 200


def test_news_index_queries_same_for_one_and_three_children(client, news_index):
    NewsPageFactory(parent=news_index, image=ImageFactory())
    one = warm_then_count(client, news_index.url)
    NewsPageFactory(parent=news_index, image=ImageFactory())
    NewsPageFactory(parent=news_index, image=ImageFactory(), kind=NewsKind.EVENT, event_place="THCS Tây Mỗ")

    three = warm_then_count(client, news_index.url)

    assert one == three
    assert three <= 12


def test_news_page_renders_event_date_and_place(client, news_index):
    page = NewsPageFactory(
        parent=news_index,
        title="Ngày hội Trường học tiên phong",
        kind=NewsKind.EVENT,
        date=date(2022, 12, 10),
        event_date=date(2022, 12, 17),
        event_place="Trường THCS Tây Mỗ",
        intro="Hơn 1.500 học sinh, thầy cô và phụ huynh.",
        image=ImageFactory(description="Học sinh tại ngày hội"),
    )

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ngày hội Trường học tiên phong</h1>" in html
    assert "Ngày 17 tháng 12 năm 2022" in html
    assert "Trường THCS Tây Mỗ" in html
    assert "Hơn 1.500 học sinh, thầy cô và phụ huynh." in html
    assert 'alt="Học sinh tại ngày hội"' in html


def test_resource_index_lists_children_with_document_counts(client, resource_index):
    ResourcePageFactory(parent=resource_index, title="Hướng dẫn kiểm toán rác", documents=[DocumentFactory()])
    ResourcePageFactory(
        parent=resource_index, title="Học liệu bảo tồn nước", documents=[DocumentFactory(), DocumentFactory()]
    )

    response = client.get(resource_index.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hướng dẫn kiểm toán rác" in html
    assert "Học liệu bảo tồn nước" in html
    assert html.count('data-documents="1"') == 1
    assert html.count('data-documents="2"') == 1


def test_resource_index_queries_same_for_one_and_three_children(client, resource_index):
    ResourcePageFactory(parent=resource_index, documents=[DocumentFactory()])
    one = warm_then_count(client, resource_index.url)
    ResourcePageFactory(parent=resource_index, documents=[DocumentFactory(), DocumentFactory()])
    ResourcePageFactory(parent=resource_index)

    three = warm_then_count(client, resource_index.url)

    assert one == three
    assert three <= 12


def test_resource_page_links_its_documents_in_order(client, resource_index):
    first = DocumentFactory(title="Phiếu ghi số liệu")
    second = DocumentFactory(title="Hướng dẫn từng bước")
    page = ResourcePageFactory(parent=resource_index, title="Kiểm toán rác thải", documents=[first, second])

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{first.url}"' in html and f'href="{second.url}"' in html
    assert html.index("Phiếu ghi số liệu") < html.index("Hướng dẫn từng bước")


def test_resource_page_queries_same_for_one_and_three_documents(client, resource_index):
    page = ResourcePageFactory(parent=resource_index, documents=[DocumentFactory()])
    one = warm_then_count(client, page.url)
    other = ResourcePageFactory(parent=resource_index, documents=[DocumentFactory() for _ in range(3)])

    three = warm_then_count(client, other.url)

    assert one == three


@pytest.mark.parametrize(
    ("model", "parent_model", "allowed"),
    [
        (HomePage, Page, True),
        (StandardPage, HomePage, True),
        (NewsIndexPage, HomePage, True),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, HomePage, False),
        (ResourcePage, HomePage, False),
        (NewsIndexPage, StandardPage, False),
        (HomePage, HomePage, False),
    ],
)
def test_page_type_allowed_under_parent_type(model, parent_model, allowed):
    assert (parent_model in model.allowed_parent_page_models()) is allowed


def test_menu_lists_live_pages_shown_in_menus_with_search(client, home_page, news_index):
    StandardPageFactory(parent=home_page, title="Giới thiệu", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Trang ẩn khỏi menu", show_in_menus=False)
    StandardPageFactory(parent=home_page, title="Nháp trong menu", show_in_menus=True, publish=False)

    html = client.get(news_index.url).content.decode()
    nav = html[html.index('id="main-nav"') : html.index("</nav>")]

    assert "Giới thiệu</a>" in nav
    assert 'aria-current="page">Tin tức và sự kiện</a>' in nav
    assert "Trang ẩn khỏi menu" not in nav
    assert "Nháp trong menu" not in nav
    assert 'href="/search/"' in nav


def test_menu_costs_one_query_whatever_the_number_of_items(rf, home_page):
    from django.template import Context, Template
    from wagtail.models import Site

    for number in range(3):
        StandardPageFactory(parent=home_page, show_in_menus=True, title=f"Mục {number}")
    request = rf.get("/")
    Site.find_for_request(request)
    Site.get_site_root_paths()
    template = Template(
        "{% load home_tags %}{% menu_pages as items %}{% for item in items %}{{ item.title }};{% endfor %}"
    )

    with CaptureQueriesContext(connection) as queries:
        rendered = template.render(Context({"request": request}))

    assert rendered == "Mục 0;Mục 1;Mục 2;"
    assert len(queries.captured_queries) == 1


def test_footer_shows_site_settings(client, home_page):
    from wagtail.models import Site

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Trung tâm Nghiên cứu Môi trường và Cộng đồng"
    settings.short_name = "CECR"
    settings.contact_email = "lienhe@example.org"
    settings.contact_phone = "024 0000 0000"
    settings.footer_text = "Biến thách thức thành giải pháp khác biệt."
    settings.logo = ImageFactory(title="Logo")
    settings.save()

    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]

    assert "Trung tâm Nghiên cứu Môi trường và Cộng đồng (CECR)" in footer
    assert 'href="mailto:lienhe@example.org"' in footer
    assert 'href="tel:02400000000"' in footer
    assert "Biến thách thức thành giải pháp khác biệt." in footer
    assert 'class="site-footer__logo' in footer


def test_footer_without_settings_shows_the_platform_name(client, home_page):
    html = client.get("/").content.decode()

    assert "<footer" in html
    assert "mailto:" not in html


@pytest.mark.parametrize(
    ("model", "parent_fixture"),
    [
        (StandardPage, "home_page"),
        (NewsIndexPage, "home_page"),
        (NewsPage, "news_index"),
        (ResourcePage, "resource_index"),
        (ProgrammePage, "home_page"),
    ],
)
def test_admin_add_form_renders_for_page_type(db, client, request, model, parent_fixture):
    parent = request.getfixturevalue(parent_fixture)
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))

    response = client.get(
        reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    )

    assert response.status_code == 200


def test_admin_edit_form_renders_for_home_page_and_site_settings(client, home_page):
    from wagtail.models import Site

    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    site = Site.objects.get(is_default_site=True)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk])).status_code == 200
    assert client.get(reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])).status_code == 200

"""One Vietnamese word per meaning where English uses one word for several (issue 18).

Wagtail's page publish is "xuất bản", the publication of contest results "công bố"; the
Wagtail admin's "Title" is "Tiêu đề", a plan activity's "Tên hoạt động", an entry's "Tên
bài dự thi". Our django.po wins over wagtail_admin.po on a shared msgid, so a word we
mean differently must carry a context (pgettext).
"""

from pathlib import Path

import polib
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from schools.enums import ActivityKind
from schools.plans.forms import ActivityForm
from tests.factories.pages import StandardPageFactory
from tests.factories.people import UserFactory

LOCALE = Path(__file__).resolve().parents[2] / "site" / "locale" / "vi" / "LC_MESSAGES"


@pytest.fixture
def vi():
    with translation.override("vi"):
        yield


def test_wagtail_words_are_wagtails(vi):
    assert (gettext("Title"), gettext("Publish"), gettext("Collection")) == ("Tiêu đề", "Xuất bản", "Bộ sưu tập")


def test_our_meanings_carry_their_context(vi):
    assert str(ActivityForm().fields["title"].label) == "Tên hoạt động"
    assert str(ActivityKind.COLLECTION.label) == "Thu gom"
    assert pgettext("contest entry", "Title") == "Tên bài dự thi"
    assert pgettext("results", "Publish") == "Công bố"
    assert pgettext("results", "published") == "đã công bố"


def test_publish_has_one_word_per_meaning_in_the_catalogues():
    ours = [e.msgstr for e in polib.pofile(str(LOCALE / "django.po")) if e.translated()]
    wagtail = [e.msgstr for e in polib.pofile(str(LOCALE / "wagtail_admin.po")) if e.translated()]

    assert [text for text in ours if "xuất bản" in text.lower()] == ["Xuất bản"]  # only Wagtail's own msgid
    assert [text for text in wagtail if "công bố" in text.lower()] == []


@pytest.mark.django_db
def test_admin_page_editor_says_tieu_de_and_xuat_ban(home_page):
    page = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    client = Client()
    client.force_login(UserFactory(username="editor", is_superuser=True, is_staff=True))
    client.cookies["django_language"] = "vi"

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()

    assert "Tên hoạt động" not in html
    assert "Công bố" not in html
    assert "Xuất bản" in html

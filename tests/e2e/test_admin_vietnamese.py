"""The organisers' Wagtail admin screens show no English interface word (Chromium).

"English interface word" = a word of the msgids of the installed Wagtail and Django admin
catalogues (the strings those screens are built from) that is not also a Vietnamese syllable
of our catalogues ("an", "to", "in", ...) nor an allowed proper noun or technical token.
Content (page titles, school names) is Vietnamese demo data, so it does not trip the check.
Each screen is saved under test-artifacts/screenshots/admin-vi-*.png.
"""

import ast
import re
import unicodedata
from functools import cache
from pathlib import Path

import polib
import pytest

from home.management.commands import translation_coverage
from tests.e2e.conftest import DEMO_PASSWORD, screenshot, settle

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "site" / "locale" / "vi" / "LC_MESSAGES"
ORGANISER = "bantochuc"
# Proper nouns, product names, abbreviations and tokens that are the same in Vietnamese.
ALLOWED = {
    "wagtail", "cecr", "url", "urls", "email", "id", "seo", "api", "html", "css", "json", "csv", "xlsx", "pdf",
    "alt", "slug", "meta", "ok", "jpeg", "jpg", "png", "gif", "webp", "svg", "avif", "heic", "ico", "mb", "kb",
    "px", "utc", "sso", "ldap", "xanh", "menu", "logo", "zalo", "facebook", "youtube", "google", "javascript",
    "embedly", "oembed", "python", "ascii", "django", "markdown", "iframe", "enter", "tab",
    "ctrl", "cmd", "shift", "esc",  # key names in the keyboard shortcuts dialog
    "english",  # the language picker names each language in its own language
    "pin",  # Vietnamese for battery (a waste category)
}  # fmt: skip
# Interface words Wagtail itself leaves untranslatable, per screen: its LoginForm's password field
# has no label, so Django shows pretty_name("password"). Fix (outside this file): a LoginForm
# subclass with label=_("Password") set as WAGTAILADMIN_USER_LOGIN_FORM.
# Wagtail's sites listing labels its columns from attribute names, not the fields' verbose names
# ("Port", "Site name", "Root page").
# Wagtail prints None where a page was published by no user (aging pages report) and as the
# model name of its all-types page search ("1-4 trên 4 None").
# Our viewsets list BooleanFields as text, so Wagtail prints str(True); fix (schools/wagtail_hooks.py,
# not this file): wagtail.admin.ui.tables.BooleanColumn in list_display.
KNOWN_UPSTREAM = {
    "login": {"password"},
    "login-error": {"password"},
    "reports-aging": {"none"},
    "search": {"none"},
    "administrator-sites": {"port", "site", "name", "root", "page"},
}
KNOWN_IN_OUR_VIEWSETS = {"true", "false"}
IDENTIFIER = re.compile(r"\w[-._@/:]\w")
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdr]|%[sd]|\{[^}]*\}|<[^>]+>|&[a-z]+;")


def _words(text):
    return {w.lower() for w in re.findall(r"\w+", text) if w.isascii() and w.isalpha() and len(w) > 1}


def _without_diacritics(word):
    plain = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _prose_words(text):
    """Words of running text; identifiers (codes, usernames, e-mails, URLs: "hk-mn-ly-thai-to") aside."""
    tokens = [t for t in text.split() if not IDENTIFIER.search(t)]
    return _words(" ".join(tokens))


@cache
def english_vocabulary():
    """Words of the admin's English msgids, minus Vietnamese syllables and the allow-list.

    A Vietnamese syllable is a word a translator wrote (not copied from the msgid), also
    without its diacritics ("Thái" -> "thai"), so codes and unaccented names do not count.
    """
    english = set()
    for label in translation_coverage.SCREENS:
        for entry in translation_coverage.source_entries(label):
            for source in (entry.msgid, entry.msgid_plural):
                english |= _words(PLACEHOLDER.sub(" ", source or ""))
    vietnamese = set()
    for path in LOCALE.glob("*.po"):
        for entry in polib.pofile(str(path)):
            copied = _words(entry.msgid) | _words(entry.msgid_plural or "")
            for text in (entry.msgstr, *entry.msgstr_plural.values()):
                text = PLACEHOLDER.sub(" ", text)
                vietnamese |= (_words(text) | _words(_without_diacritics(text))) - copied
    return frozenset(english - vietnamese - _demo_content_words() - ALLOWED)


def _demo_content_words():
    """Words of the Vietnamese demo content (names like "Trà My"), as written and without diacritics."""
    words = set()
    for path in [*ROOT.glob("*/demo.py"), *ROOT.glob("*/demo/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and not node.value.isascii():
                words |= _words(node.value) | _words(_without_diacritics(node.value))
    return words


def english_words(text):
    return _prose_words(text) & english_vocabulary()


def visible_text(page):
    """What a user sees: the rendered text without screen-reader-only text, each select's chosen
    option only (a time zone list is IANA names, not interface), placeholders, and the
    tooltips/titles shown on hover."""
    text = page.evaluate(
        """() => {
            const selects = [...document.querySelectorAll("select")];
            const hidden = [...selects, ...document.querySelectorAll(".w-sr-only")];
            const shown = hidden.map(e => e.style.display);
            hidden.forEach(e => { e.style.display = "none"; });
            const text = document.body.innerText;
            hidden.forEach((e, i) => { e.style.display = shown[i]; });
            const visible = e => e.offsetParent !== null || e.getClientRects().length > 0;
            const chosen = selects.filter(visible).map(s => s.selectedOptions.length ? s.selectedOptions[0].text : "");
            const placeholders = [...document.querySelectorAll("input[placeholder], textarea[placeholder]")]
                .filter(visible).map(e => e.placeholder);
            const tips = [...document.querySelectorAll("[title], [data-w-tooltip-content-value]")].filter(visible)
                .map(e => e.getAttribute("title") || e.getAttribute("data-w-tooltip-content-value"));
            return [text, ...chosen, ...placeholders, ...tips].join(" ");
        }"""
    )
    return text


def admin_log_in(page, site, username=ORGANISER):
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button[type=submit]")
    settle(page)
    assert "/admin/login/" not in page.url, f"{username} could not sign in to the admin"


def assert_vietnamese(page, name):
    settle(page)
    page.wait_for_timeout(200)  # the admin's JavaScript (sidebar, StreamField) renders after load
    screenshot(page, f"admin-vi-{name}")
    known = KNOWN_UPSTREAM.get(name, KNOWN_IN_OUR_VIEWSETS if name.startswith("viewset-") else set())
    found = english_words(visible_text(page)) - known
    assert not found, f"{name} ({page.url}) shows English words: {sorted(found)}"


def links(page, selector):
    return page.eval_on_selector_all(selector, "els => [...new Set(els.map(e => e.getAttribute('href')))]")


def signed_in_cookies(browser, site, username):
    """The cookies of `username` signed in to the admin, through its login form."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    admin_log_in(page, site, username)
    cookies = context.cookies()
    context.close()
    return cookies


@pytest.fixture(scope="session")
def organiser_cookies(browser, live_site):
    """Signed in once per run: each screen test then renders its one screen, not the login
    form and the dashboard too (the login form has its own test above)."""
    return signed_in_cookies(browser, live_site, ORGANISER)


@pytest.fixture
def admin(page, live_site, organiser_cookies):
    page.context.add_cookies(organiser_cookies)
    page.site = live_site
    return page


def go(admin, path):
    """Open an admin screen; it must be that screen (not a 404, nor a redirect for lack of permission)."""
    response = admin.goto(admin.site.url + path)
    settle(admin)
    assert response.status == 200, f"{path} answered {response.status}"
    assert admin.url.split("#")[0] == admin.site.url + path, f"{path} redirected to {admin.url}"


def test_login_and_password_reset_pages_are_vietnamese(page, live_site):
    page.goto(live_site.url + "/admin/login/")
    assert_vietnamese(page, "login")
    page.fill("input[name=username]", ORGANISER)
    page.fill("input[name=password]", "not-the-password")
    page.click("form button[type=submit]")
    assert_vietnamese(page, "login-error")
    page.goto(live_site.url + "/admin/password_reset/")
    assert_vietnamese(page, "password-reset")


# Wagtail's screens an organiser opens, by URL (the page tree, editor and our viewsets below).
SCREENS = {
    "dashboard": "/admin/",
    "images": "/admin/images/",
    "image-add": "/admin/images/multiple/add/",
    "documents": "/admin/documents/",
    "document-add": "/admin/documents/multiple/add/",
    "search": "/admin/pages/search/?q=xanh",
    "reports-locked": "/admin/reports/locked/",
    "reports-aging": "/admin/reports/aging-pages/",
    "reports-site-history": "/admin/reports/site-history/",
    "reports-workflows": "/admin/reports/workflow/",
    "reports-workflow-tasks": "/admin/reports/workflow_tasks/",
    "reports-page-types": "/admin/reports/page-types-usage/",
    "forms": "/admin/forms/",
    "redirects": "/admin/redirects/",
    "redirect-add": "/admin/redirects/add/",
    "account": "/admin/account/",
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_admin_screen_is_vietnamese(admin, name):
    go(admin, SCREENS[name])
    assert_vietnamese(admin, name)


def test_image_and_document_edit_screens_are_vietnamese(admin):
    for listing, name in (("/admin/images/", "image-edit"), ("/admin/documents/", "document-edit")):
        go(admin, listing)
        edits = [h for h in links(admin, "a[href*='/edit/'], a[href^='/admin/images/']") if re.search(r"/\d+/$", h)]
        if edits:
            go(admin, edits[0])
            assert_vietnamese(admin, name)


def test_page_tree_editor_actions_panels_and_history_are_vietnamese(admin):
    go(admin, "/admin/pages/")
    assert_vietnamese(admin, "explorer-root")
    home = [h for h in links(admin, "a[href^='/admin/pages/']") if re.fullmatch(r"/admin/pages/\d+/", h)]
    go(admin, home[0])
    assert_vietnamese(admin, "explorer")
    edits = [h for h in links(admin, "a[href$='/edit/']") if re.fullmatch(r"/admin/pages/\d+/edit/", h)]
    assert edits, "no page to edit in the explorer"
    go(admin, edits[-1])
    assert_vietnamese(admin, "page-editor")
    admin.get_by_role("tab", name="Quảng bá").click()
    assert_vietnamese(admin, "page-editor-promote")
    admin.get_by_role("tab", name="Nội dung").click()
    # The publishing and workflow action menu.
    admin.locator("footer .w-dropdown__toggle").first.click()
    admin.wait_for_timeout(300)
    assert_vietnamese(admin, "page-editor-actions")
    admin.keyboard.press("Escape")
    # A StreamField's block picker.
    add_block = admin.locator(".c-sf-add-button")
    assert add_block.count(), "the edited page has no StreamField"
    add_block.first.scroll_into_view_if_needed()
    add_block.first.click()
    admin.wait_for_timeout(300)
    assert_vietnamese(admin, "page-editor-block-picker")
    admin.keyboard.press("Escape")
    # Each side panel: status, preview, checks, comments.
    for toggle in admin.locator("[data-side-panel-toggle]").all():
        panel = toggle.get_attribute("data-side-panel-toggle")
        toggle.click()
        admin.wait_for_timeout(800)
        assert_vietnamese(admin, f"page-editor-panel-{panel}")
    page_id = re.search(r"/pages/(\d+)/edit/", edits[-1]).group(1)
    for suffix, name in (("history/", "page-history"), ("add_subpage/", "page-add-subpage"), ("copy/", "page-copy")):
        go(admin, f"/admin/pages/{page_id}/{suffix}")
        assert_vietnamese(admin, name)
    go(admin, f"/admin/pages/{page_id}/unpublish/")
    assert_vietnamese(admin, "page-unpublish-confirm")


# Screens the organiser role may not open (users, groups, sites, collections, workflows, snippets,
# promoted search results, site settings): checked as an administrator, as they would see them.
# No snippet model is registered, so there is no snippet screen.
ADMINISTRATOR = "quantri-e2e"
ADMINISTRATOR_SCREENS = {
    "users": "/admin/users/",
    "user-add": "/admin/users/new/",
    "groups": "/admin/groups/",
    "group-add": "/admin/groups/new/",
    "sites": "/admin/sites/",
    "collections": "/admin/collections/",
    "collection-add": "/admin/collections/add/",
    "workflows": "/admin/workflows/list/",
    "workflow-add": "/admin/workflows/add/",
    "workflow-tasks": "/admin/workflows/tasks/index/",
    "search-promotions": "/admin/searchpicks/",
    "search-promotion-add": "/admin/searchpicks/add/",
    "site-settings": "/admin/settings/home/sitesettings/1/",
}


@pytest.fixture(scope="session")
def administrator(browser, live_site):
    """A site administrator's signed-in cookies."""
    code = (
        "from home.models import User\n"
        f"u, _ = User.objects.get_or_create(username={ADMINISTRATOR!r}, defaults={{'is_superuser': True,"
        " 'is_staff': True, 'first_name': 'Quản', 'last_name': 'Trị'})\n"
        f"u.set_password({DEMO_PASSWORD!r}); u.save()"
    )
    result = live_site.manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    return signed_in_cookies(browser, live_site, ADMINISTRATOR)


DESKTOP_ONLY = pytest.mark.parametrize("page", ["desktop"], indirect=True)


@DESKTOP_ONLY
@pytest.mark.parametrize("name", sorted(ADMINISTRATOR_SCREENS))
def test_administrator_only_screens_are_vietnamese(page, live_site, administrator, name):
    page.context.add_cookies(administrator)
    page.site = live_site
    go(page, ADMINISTRATOR_SCREENS[name])
    assert_vietnamese(page, f"administrator-{name}")


BUILTIN = {"", "pages", "images", "documents", "reports", "users", "groups", "redirects", "account", "sites"}
# Our viewsets in the organiser's admin menu; one test each, so they run in parallel.
OUR_VIEWSETS = [
    "area", "auditperiod", "contest", "enrolment", "membership", "programme", "round", "school", "schoolyear",
    "schoolyearprofile", "student", "wastecategory",
]  # fmt: skip


@DESKTOP_ONLY
def test_admin_menu_holds_exactly_our_viewsets(admin):
    go(admin, "/admin/")
    ours = {h.split("/")[2] for h in links(admin, "a[href^='/admin/']") if h.split("/")[2] not in BUILTIN}
    assert ours == set(OUR_VIEWSETS)


@DESKTOP_ONLY
@pytest.mark.parametrize("viewset", OUR_VIEWSETS)
def test_our_viewset_is_vietnamese(admin, viewset):
    """A viewset of ours: listing, add form, first edit form."""
    index = f"/admin/{viewset}/"
    go(admin, index)
    name = f"viewset-{viewset}"
    assert_vietnamese(admin, name)
    add = [h for h in links(admin, "a[href$='/new/'], a[href$='/add/']") if h.startswith(index)]
    edit = [h for h in links(admin, "a[href*='/edit/']") if h.startswith(index)]
    for href, suffix in ((add[:1], "add"), (edit[:1], "edit")):
        if href:
            go(admin, href[0])
            assert_vietnamese(admin, f"{name}-{suffix}")

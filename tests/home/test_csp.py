"""The Content Security Policy: no inline script on the site (scripts come from our own
files), the Wagtail admin excepted; and no template of ours carries an inline script or
an inline event handler, so the policy cannot quietly break a page."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = ["site/templates", "home/templates", "schools/templates", "audits/templates", "contests/templates"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def _script_src(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    directive = next(part.strip() for part in policy.split(";") if part.strip().startswith("script-src"))
    return directive.split()[1:]


@pytest.mark.parametrize("url", ["/accounts/login/", "/xac-thuc/"])
def test_site_pages_allow_only_our_own_script_files(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert _script_src(response) == ["'self'"]


def test_the_wagtail_admin_alone_also_allows_inline_scripts(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert _script_src(response) == ["'self'", "'unsafe-inline'"]


def _templates():
    for folder in TEMPLATE_DIRS:
        yield from sorted((ROOT / folder).rglob("*.html"))


def test_no_template_has_an_inline_script_or_event_handler():
    found = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER):
            found += [f"{path.relative_to(ROOT)}: {m.group(0)[:60]}" for m in pattern.finditer(text)]
    assert found == []


def test_the_template_check_finds_an_inline_script_and_a_handler():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/js/a.js"></script>')
    assert not INLINE_SCRIPT.search('<script type="application/json" id="x">{}</script>')
    assert INLINE_HANDLER.search('<button onclick="window.print()">')
    assert not INLINE_HANDLER.search("<button data-print>")

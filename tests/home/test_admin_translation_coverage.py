"""The Wagtail admin (and Django's auth screens) in Vietnamese for the organisers.

The figure is computed from the installed packages' source catalogues, so a Wagtail upgrade
that adds strings on these screens fails here until they are translated
(`manage.py translation_coverage --add-missing`, translate, `make messages`).
"""

import re
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

from home.management.commands import compile_translations, translation_coverage

FOLDER = Path(__file__).resolve().parents[2] / "site" / "locale" / "vi" / "LC_MESSAGES"
ADMIN_CATALOGUES = ["wagtail_admin.po", "django_admin.po", "wagtail_admin_js.po"]
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]|%[sd]|\{[a-z_0-9]*\}|</?[a-zA-Z][^>]*>")

pytestmark = pytest.mark.django_db(databases=[])


def test_the_admin_screens_are_at_least_95_percent_vietnamese():
    result = translation_coverage.coverage()
    figure = translation_coverage.share(result)
    untranslated = [
        f"{label}: {e.msgctxt + ' | ' if e.msgctxt else ''}{e.msgid}" for label, (_, m) in result.items() for e in m
    ]
    assert figure >= translation_coverage.THRESHOLD, "untranslated admin msgids:\n" + "\n".join(untranslated)


def test_every_screen_catalogue_is_counted():
    result = translation_coverage.coverage()
    assert {"wagtail.admin", "wagtail", "wagtail.images", "wagtail.documents", "wagtail.snippets"} <= set(result)
    assert {"wagtail.users", "wagtail.contrib.settings", "django.contrib.auth"} <= set(result)
    assert "wagtail.admin (JavaScript)" in result
    assert sum(total for total, _ in result.values()) > 1800


@pytest.mark.parametrize("name", ADMIN_CATALOGUES)
def test_admin_catalogues_are_complete_and_keep_their_placeholders(name):
    po = polib.pofile(str(FOLDER / name))
    assert "Glossary" in po.header
    assert [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags] == []
    broken = []
    for entry in po:
        translated = entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr
        sources = {tuple(sorted(PLACEHOLDER.findall(s))) for s in (entry.msgid, entry.msgid_plural) if s}
        if tuple(sorted(PLACEHOLDER.findall(translated))) not in sources:
            broken.append(entry.msgid)
    assert broken == []


@pytest.mark.parametrize("domain", sorted(compile_translations.DOMAINS))
def test_the_committed_mo_is_what_the_command_compiles(tmp_path, domain):
    for name in compile_translations.DOMAINS[domain]:
        if (FOLDER / name).exists():
            (tmp_path / name).write_bytes((FOLDER / name).read_bytes())
    compile_translations.compile_domain(tmp_path, domain, compile_translations.DOMAINS[domain])

    def contents(path):
        return {(e.msgctxt, e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in polib.mofile(str(path))}

    assert contents(tmp_path / f"{domain}.mo") == contents(FOLDER / f"{domain}.mo"), "run `make messages`"


def test_our_catalogue_wins_where_a_msgid_is_shared(tmp_path):
    ours = polib.POFile()
    ours.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;"}
    ours.append(polib.POEntry(msgid="Save draft", msgstr="Lưu nháp (của chúng tôi)"))
    ours.save(str(tmp_path / "django.po"))
    admin = polib.POFile()
    admin.append(polib.POEntry(msgid="Save draft", msgstr="Lưu bản nháp"))
    admin.append(polib.POEntry(msgid="Preview", msgstr="Xem trước"))
    admin.save(str(tmp_path / "wagtail_admin.po"))
    compile_translations.compile_domain(tmp_path, "django", compile_translations.DOMAINS["django"])
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(tmp_path / "django.mo"))}
    assert mo["Save draft"] == "Lưu nháp (của chúng tôi)"
    assert mo["Preview"] == "Xem trước"


def test_admin_strings_resolve_to_vietnamese_through_our_settings():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Snippets") == "Đoạn mã"
        assert translation.ngettext("Delete 1 page", "Delete %(counter)s pages", 3) % {"counter": 3} == "Xóa 3 trang"
        login_error = translation.gettext("Your username and password didn't match. Please try again.")
        assert login_error.startswith("Tên đăng nhập")


def test_the_command_prints_the_figure_and_fails_under_the_minimum(capsys):
    call_command("translation_coverage")
    assert "total" in capsys.readouterr().out
    with pytest.raises(Exception, match="under"):
        call_command("translation_coverage", min=100.1)


@pytest.mark.parametrize("command", ["compile_translations", "translation_coverage"])
def test_catalogue_command_without_polib_stops_with_a_command_error(command, monkeypatch):
    from django.core.management.base import CommandError

    from home.management.commands import _polib

    monkeypatch.setattr(_polib, "polib", None)  # as where only requirements.txt is installed

    with pytest.raises(CommandError, match=r"^polib is not installed: .*requirements-dev\.txt"):
        call_command(command)

"""Vietnamese first: the catalogue is complete, compiled, and covers every string in the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "site" / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_every_vietnamese_entry_is_translated():
    po = polib.pofile(str(CATALOGUE))
    untranslated = [e.msgid for e in po if not e.translated() and not e.obsolete]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_po_file():
    po = polib.pofile(str(CATALOGUE))
    mo = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in mo if e.msgid}
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, {int(k): v for k, v in e.msgstr_plural.items()})
        for e in po
        if e.translated() and not e.obsolete
    }
    stale = sorted(str(key) for key in source if compiled.get(key, (None, None))[0] != source[key][0])
    assert stale == [], "run `make messages` (compilemessages)"


def test_compiled_catalogue_holds_every_source_catalogue():
    """django.mo = our django.po, then the admin catalogues beside it (manage.py compile_translations)."""
    from home.management.commands.compile_translations import DOMAINS

    for domain, names in DOMAINS.items():
        sources = [CATALOGUE.parent / name for name in names if (CATALOGUE.parent / name).exists()]
        if not sources:
            continue
        mo = polib.mofile(str(CATALOGUE.parent / f"{domain}.mo"))
        compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in mo if e.msgid}
        expected = {}
        for path in sources:
            for e in polib.pofile(str(path)):
                if e.translated() and not e.obsolete:
                    expected.setdefault((e.msgctxt, e.msgid), e.msgstr or e.msgstr_plural.get(0))
        stale = sorted(str(key) for key, value in expected.items() if compiled.get(key) != value)
        assert stale == [], f"run `make messages` ({domain}.mo is out of date)"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalogue_has_every_string_of_the_code(tmp_path):
    """Extract the strings afresh into a copy and compare: nothing new may be missing."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "staticfiles", "test-artifacts", "*.sqlite3*", "node_modules"
        ),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "-i", "tests/*", "--no-obsolete"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=180,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    fresh = polib.pofile(str(copy / "site" / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    missing = sorted(e.msgid for e in fresh if not e.translated())
    assert missing == [], "translate these in site/locale/vi/LC_MESSAGES/django.po"

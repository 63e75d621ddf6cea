"""How much of the Wagtail and Django admin the organisers see in Vietnamese.

For every msgid of the installed packages' source (English) catalogues of the admin screens
organisers use, ask Django's Vietnamese translation (our LOCALE_PATHS catalogue merged over
the packages' own `vi` catalogues, exactly as at run time) whether it has a translation.
A Wagtail upgrade that adds strings lowers the figure until they are translated:
`translation_coverage --add-missing` appends them, untranslated, to our admin catalogues.
"""

import re
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import trans_real

from ._polib import polib, require_polib

LANGUAGE = "vi"
THRESHOLD = 95.0
WAGTAIL_DIR = Path(wagtail.__file__).parent
DJANGO_DIR = Path(django.__file__).parent

# django.contrib.admin is not installed (Wagtail has its own admin), so none of its strings
# reach a screen; auth (login, passwords, groups, permissions) and contenttypes do.
# label -> (package folder holding locale/, our catalogue that receives its missing msgids)
SCREENS = {
    "wagtail.admin": (WAGTAIL_DIR / "admin", "wagtail_admin.po"),
    "wagtail": (WAGTAIL_DIR, "wagtail_admin.po"),
    "wagtail.images": (WAGTAIL_DIR / "images", "wagtail_admin.po"),
    "wagtail.documents": (WAGTAIL_DIR / "documents", "wagtail_admin.po"),
    "wagtail.snippets": (WAGTAIL_DIR / "snippets", "wagtail_admin.po"),
    "wagtail.users": (WAGTAIL_DIR / "users", "wagtail_admin.po"),
    "wagtail.search": (WAGTAIL_DIR / "search", "wagtail_admin.po"),
    "wagtail.contrib.search_promotions": (WAGTAIL_DIR / "contrib" / "search_promotions", "wagtail_admin.po"),
    "wagtail.sites": (WAGTAIL_DIR / "sites", "wagtail_admin.po"),
    "wagtail.contrib.settings": (WAGTAIL_DIR / "contrib" / "settings", "wagtail_admin.po"),
    "wagtail.contrib.redirects": (WAGTAIL_DIR / "contrib" / "redirects", "wagtail_admin.po"),
    "wagtail.contrib.forms": (WAGTAIL_DIR / "contrib" / "forms", "wagtail_admin.po"),
    "wagtail.embeds": (WAGTAIL_DIR / "embeds", "wagtail_admin.po"),
    # Django itself: form and validation errors, "x minutes ago", pagination, CSRF failures.
    "django": (DJANGO_DIR / "conf", "django_admin.po"),
    "django.contrib.auth": (DJANGO_DIR / "contrib" / "auth", "django_admin.po"),
    "django.contrib.contenttypes": (DJANGO_DIR / "contrib" / "contenttypes", "django_admin.po"),
    # The admin's JavaScript strings (page editor, StreamField, sidebar), served by its jsi18n view.
    "wagtail.admin (JavaScript)": (WAGTAIL_DIR / "admin", "wagtail_admin_js.po"),
}
JAVASCRIPT = {"wagtail.admin (JavaScript)"}


def source_entries(label):
    """The msgids of a package's English catalogue (the source strings), without the header."""
    folder = SCREENS[label][0]
    domain = "djangojs" if label in JAVASCRIPT else "django"
    path = folder / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    return [e for e in polib.pofile(str(path)) if e.msgid and not e.obsolete]


# Words that are the same in Vietnamese: a translation equal to its msgid counts as Vietnamese only
# when every word of the msgid is one of these (e.g. "URL", "Email", "ID", "Wagtail API v2").
SAME_IN_VIETNAMESE = {
    "url", "email", "id", "api", "v2", "v3", "wagtail", "json", "uuid", "ipv4", "ipv6", "csv", "xlsx", "seo", "utc",
    "byte", "kb", "mb", "gb", "tb", "pb",
}  # fmt: skip
MARKUP = re.compile(r"%\([^)]*\)[sdr]|%[sd]|\{[^}]*\}|<[^>]+>|&[a-z]+;")


def is_vietnamese(entry, translated):
    """A translation exists and is not the English msgid left as is (Django's vi has "File" -> "File")."""
    if not translated:
        return False
    if translated.strip() != entry.msgid.strip():
        return True
    words = re.findall(r"[^\W\d_]\w*", MARKUP.sub(" ", entry.msgid))
    return all(word.lower() in SAME_IN_VIETNAMESE for word in words)


def catalogue_key(entry):
    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    return (key, 0) if entry.msgid_plural else key


def coverage():
    """{label: (total, [untranslated entries])} through the running project's Vietnamese translation."""
    with translation.override(LANGUAGE):
        django_catalog = trans_real.translation(LANGUAGE)._catalog
        result = {}
        for label, (folder, _) in SCREENS.items():
            catalog = django_catalog
            if label in JAVASCRIPT:  # what the jsi18n view serves: the package's catalogue + LOCALE_PATHS
                catalog = trans_real.DjangoTranslation(LANGUAGE, "djangojs", [folder / "locale"])._catalog
            entries = source_entries(label)
            missing = [e for e in entries if not is_vietnamese(e, catalog.get(catalogue_key(e)))]
            result[label] = (len(entries), missing)
    return result


def share(result):
    total = sum(t for t, _ in result.values())
    missing = sum(len(m) for _, m in result.values())
    return 100.0 * (total - missing) / total if total else 100.0


def append_missing(result, folder: Path) -> int:
    """Append the untranslated msgids to our admin source catalogues (empty msgstr) for translating."""
    added = 0
    for label, (_, missing) in result.items():
        path = folder / SCREENS[label][1]
        po = polib.pofile(str(path)) if path.exists() else polib.POFile()
        if not path.exists():
            po.metadata = {
                "Language": LANGUAGE,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
                "Plural-Forms": "nplurals=1; plural=0;",
            }
        present = {(e.msgctxt, e.msgid) for e in po}
        for entry in missing:
            if (entry.msgctxt, entry.msgid) in present:
                continue
            present.add((entry.msgctxt, entry.msgid))
            po.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr="",
                    msgstr_plural={0: ""} if entry.msgid_plural else {},
                    occurrences=entry.occurrences[:1],
                    comment=entry.comment,
                )
            )
            added += 1
        po.save(str(path))
    return added


class Command(BaseCommand):
    help = "Share of the Wagtail and Django admin msgids that resolve to Vietnamese through our settings."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="List the untranslated msgids.")
        parser.add_argument("--add-missing", action="store_true", help="Append them to our admin catalogues.")
        parser.add_argument("--min", type=float, default=None, help="Fail below this percentage.")

    def handle(self, *args, list=False, add_missing=False, min=None, **options):  # noqa: A002
        require_polib()
        result = coverage()
        for label, (total, missing) in result.items():
            done = total - len(missing)
            self.stdout.write(f"{label:36} {done:5}/{total:<5} {100.0 * done / total:6.1f}%")
            if list:
                for entry in missing:
                    self.stdout.write(f"    {entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid!r}")
        figure = share(result)
        total = sum(t for t, _ in result.values())
        self.stdout.write(f"{'total':36} {total - sum(len(m) for _, m in result.values()):5}/{total:<5} {figure:6.1f}%")
        if add_missing:
            folder = Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES"
            count = append_missing(result, folder)
            self.stdout.write(f"{count} msgids appended to the catalogues in {folder}")
        if min is not None and figure < min:
            raise CommandError(f"Vietnamese coverage {figure:.1f}% is under {min:.1f}%")

"""Compile our Vietnamese catalogues into the .mo files Django reads, in pure Python (polib).

`django.po` holds our own strings and is rewritten by `makemessages`; the Wagtail and Django
admin strings live beside it in separate source catalogues (`wagtail_admin.po`,
`django_admin.po`, ...) because makemessages would drop msgids that are not in our code.
This command merges them into one `django.mo` per language (our `django.po` first, so
our wording wins where a msgid is shared) and `wagtail_admin_js.po` into `djangojs.mo`.
No GNU gettext is needed: the .mo files are committed and rebuilt with `make messages`.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ._polib import polib, require_polib

# Per gettext domain: the source catalogues in priority order (first wins).
DOMAINS = {
    "django": ["django.po", "wagtail_admin.po", "django_admin.po"],
    "djangojs": ["djangojs.po", "wagtail_admin_js.po"],
}


def entry_key(entry):
    return (entry.msgctxt, entry.msgid)


def merged_entries(sources):
    """The translated entries of `sources` (paths, priority order), first occurrence of a key wins."""
    seen = set()
    for path in sources:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid or not entry.translated() or "fuzzy" in entry.flags:
                continue
            if entry_key(entry) in seen:
                continue
            seen.add(entry_key(entry))
            yield entry


def compile_domain(folder: Path, domain: str, names: list[str]) -> tuple[Path, int] | None:
    sources = [folder / name for name in names if (folder / name).exists()]
    if not sources:
        return None
    head = polib.pofile(str(sources[0]))
    merged = polib.POFile()
    merged.metadata = dict(head.metadata)
    merged.metadata.setdefault("Plural-Forms", "nplurals=1; plural=0;")
    merged.metadata.setdefault("Content-Type", "text/plain; charset=UTF-8")
    for entry in merged_entries(sources):
        merged.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr=entry.msgstr,
                msgstr_plural=dict(entry.msgstr_plural),
            )
        )
    target = folder / f"{domain}.mo"
    merged.save_as_mofile(str(target))
    return target, len(merged)


class Command(BaseCommand):
    help = "Merge our catalogue and the admin catalogues of each language into django.mo / djangojs.mo."

    def handle(self, *args, **options):
        require_polib()
        for locale_path in settings.LOCALE_PATHS:
            for folder in sorted(Path(locale_path).glob("*/LC_MESSAGES")):
                for domain, names in DOMAINS.items():
                    result = compile_domain(folder, domain, names)
                    if result:
                        target, count = result
                        self.stdout.write(f"{target}: {count} messages")

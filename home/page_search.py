"""Public search over live pages that ignores diacritics and case.

Wagtail's database backend does not fold Vietnamese diacritics ("truong hoc xanh"
would not find "Trường học Xanh"), so each published page keeps a folded copy of its
searchable text in `PageSearchText`, written here when the page is published and
removed when it is unpublished (home.signals). Matching is then a plain substring
test of every folded query word, which behaves the same on SQLite and PostgreSQL.

Invariant: `fold()` maps each character of NFC text to exactly one character, so a
position in the folded text is the same position in the original text; snippets are
cut from the original around the first match.
"""

import re
import unicodedata

from django.db import transaction
from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from wagtail.models import Page, Site
from wagtail.search import index

from home.models.search import PageSearchText
from home.text import fold_diacritics, plain_text

MAX_QUERY_WORDS = 8
MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 220
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """`fold_diacritics`, one character out per character of the NFC text in.

    Folded one character at a time so positions stay aligned: a letter that folds to two
    ("ß" → "ss") keeps its first, a lone mark that folds to nothing becomes a space.
    """
    return "".join(fold_diacritics(char)[:1] or " " for char in unicodedata.normalize("NFC", text or ""))


def query_words(query: str) -> list[str]:
    """The folded words of a query, at most MAX_QUERY_WORDS, without duplicates."""
    words = []
    for word in fold(query[:MAX_QUERY_LENGTH]).split():
        word = word.strip(".,;:!?\"'()[]{}“”‘’")
        if word and word not in words:
            words.append(word)
    return words[:MAX_QUERY_WORDS]


def page_plain_text(page: Page) -> str:
    """The readable text of a page's search fields other than the title, NFC, one line per field."""
    page = page.specific
    parts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        parts += plain_text(field.get_value(page))
    return unicodedata.normalize("NFC", "\n".join(part for part in parts if part))


@transaction.atomic
def page_search_text_update(*, page: Page) -> PageSearchText:
    """Store the folded text of a published page (called on page_published)."""
    body = page_plain_text(page)
    entry, _created = PageSearchText.objects.update_or_create(
        page_id=page.pk,
        defaults={"title": fold(page.title), "body": body, "text": fold(page.title + "\n" + body)},
    )
    return entry


def page_search_text_delete(*, page: Page) -> None:
    """Forget an unpublished page (called on page_unpublished)."""
    PageSearchText.objects.filter(page_id=page.pk).delete()


def page_search_text_rebuild() -> int:
    """Rebuild the table from every live page; returns how many pages were indexed."""
    PageSearchText.objects.exclude(page__live=True).delete()
    pages = Page.objects.live().filter(depth__gt=1).specific()
    count = 0
    for page in pages:
        page_search_text_update(page=page)
        count += 1
    return count


def search_entries(*, query: str, site: Site | None) -> QuerySet[PageSearchText]:
    """Live public pages of the site whose folded text holds every query word.

    Pages whose title holds every word come first, then the most recently published.
    """
    words = query_words(query)
    if not words:
        return PageSearchText.objects.none()
    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    matches = Q()
    in_title = Q()
    for word in words:
        matches &= Q(text__contains=word)
        in_title &= Q(title__contains=word)
    return (
        PageSearchText.objects.filter(matches, page__in=pages.values("pk"))
        .annotate(in_title=Case(When(in_title, then=Value(True)), default=Value(False), output_field=BooleanField()))
        .select_related("page")
        .order_by("-in_title", "-page__first_published_at", "page_id")
    )


def snippet_for(entry: PageSearchText, words: list[str]) -> list[tuple[str, bool]]:
    """About SNIPPET_LENGTH characters of the original text around the first matched word.

    Returned as (text, is_match) segments so a template can mark the matched words
    while escaping everything.
    """
    body = entry.body
    if not body:
        return []
    folded = fold(body)
    positions = [pos for pos in (folded.find(word) for word in words) if pos >= 0]
    first = min(positions) if positions else 0
    start = 0 if first < SNIPPET_LENGTH * 2 // 3 else first - SNIPPET_LENGTH // 3
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(body), start + SNIPPET_LENGTH)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start + SNIPPET_LENGTH // 2 else end
    segments = _mark(body[start:end], folded[start:end], words)
    if start:
        segments.insert(0, ("… ", False))
    if end < len(body):
        segments.append((" …", False))
    return segments


def _mark(text: str, folded: str, words: list[str]) -> list[tuple[str, bool]]:
    """Split `text` into (part, is_match) where `folded` (aligned with it) holds a query word."""
    spans = []
    for word in words:
        pos = folded.find(word)
        while pos >= 0:
            spans.append((pos, pos + len(word)))
            pos = folded.find(word, pos + len(word))
    merged: list[list[int]] = []
    for begin, finish in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], finish)
        else:
            merged.append([begin, finish])
    segments, cursor = [], 0
    for begin, finish in merged:
        if begin > cursor:
            segments.append((_SPACES.sub(" ", text[cursor:begin]), False))
        segments.append((text[begin:finish], True))
        cursor = finish
    if cursor < len(text):
        segments.append((_SPACES.sub(" ", text[cursor:]), False))
    return segments

import re
import unicodedata

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

FOLDED_FIELD = "folded_search_text"
_SPACES = re.compile(r"\s+")


def _plain(value) -> list[str]:
    """home.text.plain_text, which models may not import (tests/layering.py: models < logic)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [part for item in value for part in _plain(item)]
    return [_SPACES.sub(" ", strip_tags(str(value))).strip()]


def _fold(text: str) -> str:
    """home.text.fold_diacritics, the same three steps (a test keeps them equal)."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return stripped.casefold().replace("đ", "d")


class FoldedSearchMixin:
    """A page type whose Wagtail search index also holds its text without diacritics.

    Wagtail's database backend matches "nước" but not "nuoc". A page type mixing this in
    and adding FOLDED_SEARCH_FIELDS to its `search_fields` is indexed with one more
    autocomplete field: the title and text of every other SearchField, as written and
    folded. The admin's page search (an autocomplete query, title only by default) then
    finds the pages the public search (home.page_search) finds, typed with or without
    diacritics. Existing pages need `manage.py update_index` once.
    """

    def folded_search_text(self) -> str:
        parts = []
        for field in self.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name != FOLDED_FIELD:
                parts += _plain(field.get_value(self))
        text = " ".join(part for part in parts if part)
        return f"{text} {_fold(text)}"


FOLDED_SEARCH_FIELDS = [index.AutocompleteField(FOLDED_FIELD)]


class PageSearchText(models.Model):
    """The folded (no diacritics, lower-case) text of one published page.

    Written only by home.page_search when a page is published or unpublished.
    `title` and `text` are folded for matching; `body` keeps the original text for
    snippets, character for character aligned with the folded text after the title.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_text", verbose_name=_("page")
    )
    title = models.CharField(_("folded title"), max_length=255)
    text = models.TextField(_("folded text"))
    body = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("page search text")
        verbose_name_plural = _("page search texts")

    def __str__(self):
        return self.title

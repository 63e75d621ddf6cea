from django.db import models
from django.utils.translation import gettext_lazy as _


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

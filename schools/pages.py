"""The schools app's Wagtail page: a public page per programme with its live figures.

Imported by SchoolsConfig.ready(), which registers the page type: the page reads the
selectors (its live figures), which read the models, so the models cannot import it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from schools.enums import Theme
from schools.models.programmes import Programme
from schools.monitoring.selectors import public_figures
from schools.selectors import programme_school_counts_by_level


class ProgrammePage(FoldedSearchMixin, Page):
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="pages", verbose_name=_("programme")
    )
    intro = models.TextField(_("introduction"), blank=True, help_text=_("What the programme is for, in a few lines."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("programme"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = (
        Page.search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("body"),
            index.SearchField("programme_text"),
        ]
        + FOLDED_SEARCH_FIELDS
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    def programme_text(self) -> str:
        """The programme's name, area and summary, so searching for them finds this page."""
        programme = Programme.objects.select_related("area").get(pk=self.programme_id)
        return "\n".join(part for part in (programme.name, programme.area.name, programme.summary) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programme = Programme.objects.select_related("school_year", "area").get(pk=self.programme_id)
        context["programme"] = programme
        context["themes"] = [Theme(value).label if value in Theme.values else value for value in programme.themes]
        if programme.is_published:
            by_level = programme_school_counts_by_level(programme)
            context["schools_by_level"] = by_level
            context["school_total"] = sum(item["count"] for item in by_level)
            # Audit and contest figures through the board's providers (schools never imports them).
            context["monitoring"] = public_figures(programme)
        return context

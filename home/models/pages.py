"""The home page and the generic content page."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock

from .listing import with_card_image
from .news import NewsIndexPage, NewsPage
from .search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

LATEST_NEWS_COUNT = 3


def programme_pages_under(page: Page):
    """Live programme pages below `page`, by model name: `home` never imports `schools`."""
    try:
        model = apps.get_model("schools", "ProgrammePage")
    except LookupError:
        return []
    return model.objects.live().public().descendant_of(page).defer_streamfields().order_by("path")


class HomePage(FoldedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences under the title."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hero image"),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hero_image"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")] + FOLDED_SEARCH_FIELDS

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.ResourceIndexPage",
        "schools.ProgrammePage",
        "contests.ContestPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.live().public().descendant_of(self).defer_streamfields()
        context["latest_news"] = with_card_image(news.order_by("-date", "-pk"))[:LATEST_NEWS_COUNT]
        context["news_index"] = self.get_children().live().type(NewsIndexPage).first()
        context["programme_pages"] = programme_pages_under(self)
        return context


class StandardPage(FoldedSearchMixin, Page):
    """A page of text and images: About us, contact, a programme's section."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")] + FOLDED_SEARCH_FIELDS

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "schools.ProgrammePage", "contests.ContestPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

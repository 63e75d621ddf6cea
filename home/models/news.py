"""News and events: an index page listing dated news or event pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock

from .listing import paginate, with_card_image
from .search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    EVENT = "event", _("Event")


class NewsIndexPage(FoldedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")] + FOLDED_SEARCH_FIELDS

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news_pages(self, kind: str | None = None):
        """Live children, newest first, without their bodies; images and renditions loaded with them."""
        pages = NewsPage.objects.live().child_of(self).defer_streamfields()
        if kind in NewsKind.values:
            pages = pages.filter(kind=kind)
        return with_card_image(pages.order_by("-date", "-pk"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind")
        kind = kind if kind in NewsKind.values else ""
        context["kind"] = kind
        context["kinds"] = NewsKind.choices
        context["news"] = paginate(request, self.news_pages(kind or None))
        return context


class NewsPage(FoldedSearchMixin, Page):
    kind = models.CharField(_("kind"), max_length=10, choices=NewsKind.choices, default=NewsKind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("The date the news is dated."))
    event_date = models.DateField(_("event date"), null=True, blank=True)
    event_place = models.CharField(_("event place"), max_length=255, blank=True)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown in lists and at the top of the page."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("event_date"), FieldPanel("event_place")])],
            heading=_("Event"),
            help_text=_("For events only: when and where it takes place."),
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = (
        Page.search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("event_place"),
            index.SearchField("body"),
            index.FilterField("kind"),
            index.FilterField("date"),
        ]
        + FOLDED_SEARCH_FIELDS
    )

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news or event page")
        verbose_name_plural = _("news and event pages")

    @property
    def is_event(self) -> bool:
        return self.kind == NewsKind.EVENT

"""Learning resources: an index page listing resource pages, each with documents to download."""

from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock

from .listing import paginate
from .search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin


class ResourceIndexPage(FoldedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")] + FOLDED_SEARCH_FIELDS

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.ResourcePage"]

    class Meta:
        verbose_name = _("learning resources index page")
        verbose_name_plural = _("learning resources index pages")

    def resource_pages(self):
        """Live children in the editors' order, with how many documents each offers."""
        return (
            ResourcePage.objects.live()
            .child_of(self)
            .defer_streamfields()
            .annotate(document_count=Count("documents"))
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["resources"] = paginate(request, self.resource_pages())
        return context


class ResourcePage(FoldedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Who the resource is for and how to use it."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents to download")),
    ]
    search_fields = (
        Page.search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("body"),
            index.SearchField("document_titles"),
        ]
        + FOLDED_SEARCH_FIELDS
    )

    parent_page_types = ["home.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning resource page")
        verbose_name_plural = _("learning resource pages")

    def document_titles(self) -> str:
        return "\n".join(item.display_title for item in self.documents.select_related("document"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.documents.select_related("document").order_by("sort_order")
        return context


class ResourceDocument(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("title"), max_length=255, blank=True, help_text=_("Empty: the document's title."))
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("resource document")
        verbose_name_plural = _("resource documents")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or self.document.title

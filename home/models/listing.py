"""Helpers for pages that list other pages: pagination and card images."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model

PER_PAGE = 10


def paginate(request, items, per_page: int = PER_PAGE) -> PaginatorPage:
    """One page of `items` from ?page=, the last page when beyond it (two queries: count, rows).

    The page also carries `elided_range`, the page numbers to link to, with ellipses.
    """
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
    return page


def with_card_image(pages: QuerySet, field: str = "image") -> QuerySet:
    """Load each page's image and its renditions with the pages: queries do not grow with the rows."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return pages.select_related(field).prefetch_related(Prefetch(f"{field}__renditions", queryset=renditions))

from dataclasses import dataclass

from django import template
from wagtail.models import Site

from home.badges import status_badge
from home.models import SiteSettings

register = template.Library()


@dataclass
class MenuItem:
    title: str
    url: str
    active: bool


@register.simple_tag(takes_context=True)
def menu_pages(context) -> list[MenuItem]:
    """Live pages just below the site's home page marked "show in menus": one query.

    Wagtail loads the site with its root page (and caches it on the request), so only
    the children are queried.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    pages = site.root_page.get_children().live().in_menu().order_by("path")
    current = getattr(context.get("page"), "path", None) or ""
    return [
        MenuItem(title=item.title, url=item.get_url(request), active=current.startswith(item.path)) for item in pages
    ]


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The SiteSettings of the request's site, or None: one read, remembered on the request.

    Unlike Wagtail's `settings` context processor this never creates the row, so a
    GET writes nothing and a site without settings costs one query.
    """

    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_home_site_settings"):
        site = Site.find_for_request(request)
        request._home_site_settings = (
            SiteSettings.objects.filter(site=site).select_related("logo").first() if site is not None else None
        )
    return request._home_site_settings


@register.filter(name="status_badge")
def status_badge_filter(status, kind: str) -> str:
    """The colour classes of a status badge, from the one mapping in home.badges."""
    return status_badge(kind, status)

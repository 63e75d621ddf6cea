"""Demo content of the public site, from CECR's 2022 annual report (in Vietnamese).

`seed()` is idempotent: pages are found by slug under their parent, images and
documents by title, so a second run creates nothing. Pages are published through a
revision, as an editor would, so the search text is written by the usual signal.

The parts: `pages` (the home page, the site, its settings, About), `news`, `resources`;
`blocks` writes raw StreamField values and `media` draws the images and documents.
"""

from django.db import transaction
from wagtail.models import Page, Site

from home.demo.news import news_pages_ensure
from home.demo.pages import (
    about_page_ensure,
    hero_image_ensure,
    home_page_ensure,
    site_settings_ensure,
    wagtail_defaults_in_vietnamese,
)
from home.demo.resources import resource_pages_ensure


@transaction.atomic
def seed(*, stdout, password=None):
    """Create the public site's demo pages; `password` is unused (no logins here)."""
    stdout.write("Public site pages:")
    home = home_page_ensure(stdout)
    hero_image_ensure(home)
    wagtail_defaults_in_vietnamese()
    site_settings_ensure(Site.objects.get(root_page=home))
    about_page_ensure(home)
    news_pages_ensure(home)
    resource_pages_ensure(home)
    stdout.write(f"  {Page.objects.descendant_of(home, inclusive=True).count()} pages under the home page")

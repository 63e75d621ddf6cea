"""Keep the diacritics-free search text in step with what is published."""

from wagtail.signals import page_published, page_unpublished

from home.page_search import page_search_text_delete, page_search_text_update


def on_page_published(sender, instance, **kwargs):
    page_search_text_update(page=instance)


def on_page_unpublished(sender, instance, **kwargs):
    page_search_text_delete(page=instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="home.page_search_text_update")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="home.page_search_text_delete")

"""Wagtail pages, images and documents. Pages take parent=<Page> and are published
through a revision, as an editor would (so page_published handlers run); pass
publish=False for a draft that was never published."""

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    StandardPage,
)
from schools.pages import ProgrammePage


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    description = factory.LazyAttribute(lambda image: f"Mô tả {image.title}")
    file = factory.LazyFunction(get_test_image_file)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Tài liệu {n}")
    file = factory.LazyAttribute(lambda doc: ContentFile("Nội dung tài liệu".encode(), name="tai-lieu.txt"))


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")
    slug = factory.Sequence(lambda n: f"trang-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        page = model_class(**kwargs)
        if not publish:
            page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Trang chủ"
    slug = factory.Sequence(lambda n: f"trang-chu-{n}")
    intro = "Nền tảng của các chương trình giáo dục môi trường."


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin tức và sự kiện"
    slug = "tin-tuc"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Tin số {n}")
    slug = factory.Sequence(lambda n: f"tin-{n}")
    intro = factory.Sequence(lambda n: f"Tóm tắt tin số {n}")


class ResourceIndexPageFactory(PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Tài liệu học tập"
    slug = "tai-lieu"


class ResourcePageFactory(PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Học liệu {n}")
    slug = factory.Sequence(lambda n: f"hoc-lieu-{n}")

    @classmethod
    def _create(cls, model_class, *args, documents=(), **kwargs):
        kwargs["documents"] = [ResourceDocument(document=document) for document in documents]
        return super()._create(model_class, *args, **kwargs)


class ProgrammePageFactory(PageFactory):
    class Meta:
        model = ProgrammePage

    title = factory.LazyAttribute(lambda page: page.programme.name)
    slug = factory.LazyAttribute(lambda page: page.programme.slug)

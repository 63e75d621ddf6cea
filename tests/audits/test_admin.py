"""Organisers edit waste categories and audit periods in the Wagtail admin; a category in use is never deleted."""

from django.urls import reverse

from audits.models import WasteCategory
from tests.factories.audits import AuditLineFactory, AuditSessionFactory


def test_organiser_lists_and_edits_categories(world, client_for, settings):
    settings.AXES_ENABLED = False
    client = client_for(world.organiser)
    assert client.get(reverse("wastecategory:index")).status_code == 200
    assert client.get(reverse("auditperiod:index")).status_code == 200
    nylon = WasteCategory.objects.get(code="lvp_nylon_bag")
    assert client.get(reverse("wastecategory:edit", args=[nylon.pk])).status_code == 200
    assert client_for(world.teacher).get(reverse("wastecategory:index")).status_code in (302, 403)


def test_category_in_use_is_not_deleted_from_the_admin(world, client_for, settings):
    settings.AXES_ENABLED = False
    line = AuditLineFactory(session=AuditSessionFactory(school=world.school))
    client = client_for(world.organiser)
    url = reverse("wastecategory:delete", args=[line.category.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code in (200, 302)
    assert WasteCategory.objects.filter(pk=line.category.pk).exists()


def test_unused_category_added_by_an_organiser_can_be_deleted(world, client_for, settings):
    settings.AXES_ENABLED = False
    extra = WasteCategory.objects.create(code="textile", name_vi="Vải", name_en="Textiles")
    client_for(world.organiser).post(reverse("wastecategory:delete", args=[extra.pk]))
    assert not WasteCategory.objects.filter(code="textile").exists()

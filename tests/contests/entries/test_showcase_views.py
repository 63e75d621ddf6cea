"""The organisers' showcase pages: the entries import and the bulk eligibility check."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contests.enums import ContestKind, EntryStatus
from contests.models import Entry
from tests.conftest import rival_organiser as make_rival_organiser
from tests.factories.contests import ContestFactory, EntryFactory

FILE = "code,title,school_code,members\nNTL-01,Tái chế,thcs-cau-dien,Lê Văn Cường (7A3)\n"


@pytest.fixture
def contest(world, settings):
    settings.AXES_ENABLED = False
    return ContestFactory(programme=world.programme, code_prefix="NTL", kind=ContestKind.INITIATIVE)


@pytest.fixture
def rival_organiser(world):
    return make_rival_organiser(world)


def _csv(text):
    return SimpleUploadedFile("ds.csv", text.encode("utf-8"), content_type="text/csv")


def test_import_page_checks_then_imports(world, client_for, contest):
    client = client_for(world.organiser)
    url = reverse("contests:entries_import", args=[contest.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": _csv(FILE), "dry_run": "on"})
    page = response.content.decode()
    assert response.status_code == 200 and "data-preview" in page and "NTL-01" in page
    assert Entry.objects.count() == 0
    response = client.post(url, {"file": _csv(FILE)})
    assert response.status_code == 200
    assert list(Entry.objects.values_list("code", "status")) == [("NTL-01", EntryStatus.ENDORSED)]
    response = client.post(url, {"file": _csv("code,title,school_code\nNTL 1,X,thcs-cau-dien\n")})
    assert response.status_code == 400 and 'id="import-result"' in response.content.decode()


def test_import_page_of_another_programme_answers_404(world, client_for, contest, rival_organiser):
    url = reverse("contests:entries_import", args=[contest.slug])
    assert client_for(rival_organiser).get(url).status_code == 404
    assert client_for(rival_organiser).post(url, {"file": _csv(FILE)}).status_code == 404
    assert client_for(world.teacher).post(url, {"file": _csv(FILE)}).status_code in (403, 404)
    assert Entry.objects.count() == 0


def test_bulk_check_marks_the_ticked_entries_and_reports_the_skipped(world, client_for, contest):
    endorsed = [EntryFactory(contest=contest, school=world.school, status=EntryStatus.ENDORSED) for _ in range(3)]
    draft = EntryFactory(contest=contest, school=world.school, status=EntryStatus.DRAFT, code="NTL-09")
    done = EntryFactory(contest=contest, school=world.school, status=EntryStatus.ELIGIBLE)
    foreign = EntryFactory(status=EntryStatus.ENDORSED)  # another contest: not in the choices
    client = client_for(world.organiser)
    url = reverse("contests:entries_check_bulk", args=[contest.slug])
    ticked = [e.pk for e in [*endorsed, draft, done]]
    response = client.post(url, {"entries": ticked, "decision": "eligible"}, follow=True)
    texts = [str(m) for m in response.context["messages"]]
    assert texts == [
        "3 bài được đánh dấu hợp lệ. 1 bài đã như vậy từ trước.",
        "Bỏ qua 1 bài: NTL-09 (Bài dự thi đang ở trạng thái “Bản nháp”: chưa kiểm tra được.)",
    ]
    assert set(Entry.objects.filter(contest=contest, status=EntryStatus.ELIGIBLE)) == {*endorsed, done}
    assert Entry.objects.get(pk=draft.pk).status == EntryStatus.DRAFT
    client.post(url, {"entries": [endorsed[0].pk, foreign.pk], "decision": "eligible"})
    assert Entry.objects.get(pk=foreign.pk).status == EntryStatus.ENDORSED


def test_bulk_ineligible_needs_a_reason_and_changes_nothing_without(world, client_for, contest):
    entries = [EntryFactory(contest=contest, school=world.school, status=EntryStatus.ENDORSED) for _ in range(2)]
    client = client_for(world.organiser)
    url = reverse("contests:entries_check_bulk", args=[contest.slug])
    client.post(url, {"entries": [e.pk for e in entries], "decision": "ineligible", "reason": " "})
    assert set(Entry.objects.values_list("status", flat=True)) == {EntryStatus.ENDORSED}
    client.post(url, {"entries": [e.pk for e in entries], "decision": "ineligible", "reason": "Trùng bài"})
    assert set(Entry.objects.values_list("status", "ineligible_reason")) == {(EntryStatus.INELIGIBLE, "Trùng bài")}


def test_bulk_check_of_another_programme_answers_404(world, client_for, contest, rival_organiser):
    entry = EntryFactory(contest=contest, school=world.school, status=EntryStatus.ENDORSED)
    url = reverse("contests:entries_check_bulk", args=[contest.slug])
    response = client_for(rival_organiser).post(url, {"entries": [entry.pk], "decision": "eligible"})
    assert response.status_code == 404
    assert Entry.objects.get(pk=entry.pk).status == EntryStatus.ENDORSED


def test_entries_list_offers_the_ticks_and_the_import(world, client_for, contest):
    EntryFactory(contest=contest, school=world.school, status=EntryStatus.ENDORSED)
    page = client_for(world.organiser).get(reverse("contests:contest_entries", args=[contest.slug])).content.decode()
    assert 'data-select-all=".entry-check"' in page and 'form="bulk-check"' in page
    assert reverse("contests:entries_import", args=[contest.slug]) in page

"""Certificate batches: started by an organiser, made by the task (eager in tests), idempotent,
progress counted, one PDF per award (and per participant when asked) in the ZIP."""

import io
import re
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contests.certificates.jobs import certificate_batch_make
from contests.certificates.tasks import make_certificate_batch
from contests.enums import BatchStatus, EntryStatus
from contests.models import Certificate, CertificateBatch
from tests.factories.contests import (
    CertificateBatchFactory,
    EntryFactory,
    EntryMemberFactory,
    awarded_contest,
)


def _zip_names(batch) -> list[str]:
    with batch.archive.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        assert all(archive.read(name).startswith(b"%PDF-") for name in archive.namelist())
        return archive.namelist()


@pytest.fixture
def start(django_capture_on_commit_callbacks):
    """POST the start form as the client's user; the task (eager) runs on commit."""

    def post(client, contest, participants=False):
        data = {"participants": "1"} if participants else {}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("contests:certificate_batch_start", args=[contest.slug]), data)

    return post


def test_organiser_starts_a_batch_one_pdf_per_award(world, client_for, start):
    contest, awards = awarded_contest(programme=world.programme, school=world.school, members=2)
    response = start(client_for(world.organiser), contest)
    batch = CertificateBatch.objects.get(contest=contest)
    assert response.status_code == 302
    assert response.url == reverse("contests:certificate_batch", args=[contest.slug, batch.pk])
    assert (batch.status, batch.done, batch.total, batch.include_participants) == (BatchStatus.DONE, 2, 2, False)
    assert batch.requested_by == world.organiser and batch.finished_at is not None
    certificates = list(batch.certificates.order_by("award__tier__order"))
    assert [c.award for c in certificates] == awards
    assert all(c.student is None and c.file for c in certificates)
    assert sorted(_zip_names(batch)) == sorted(f"{c.entry.code}-{c.code}.pdf" for c in certificates)


def test_batch_with_participants_adds_one_per_team_member_of_every_eligible_entry(world, client_for, start):
    contest, awards = awarded_contest(programme=world.programme, school=world.school, members=2)
    eligible = EntryFactory(contest=contest, school=world.school, status=EntryStatus.ELIGIBLE, code="X-101")
    EntryMemberFactory(entry=eligible)
    withdrawn = EntryFactory(contest=contest, school=world.school, status=EntryStatus.WITHDRAWN, code="X-102")
    EntryMemberFactory(entry=withdrawn)
    start(client_for(world.organiser), contest, participants=True)
    batch = CertificateBatch.objects.get(contest=contest)
    # 2 team certificates + 2×2 members of the awarded entries + 1 member of the eligible one
    assert (batch.status, batch.done, batch.total) == (BatchStatus.DONE, 7, 7)
    members = batch.certificates.filter(student__isnull=False)
    assert members.count() == 5
    assert members.filter(entry=eligible, award=None).count() == 1
    assert members.filter(entry=awards[0].entry, award=awards[0]).count() == 2
    assert not batch.certificates.filter(entry=withdrawn).exists()
    assert len(_zip_names(batch)) == 7
    assert len({c.code for c in batch.certificates.all()}) == 7


def test_running_the_task_again_changes_nothing(world):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    batch = CertificateBatchFactory(contest=contest, requested_by=world.organiser, include_participants=True)
    make_certificate_batch.delay(batch.pk)
    first = {c.pk: (c.code, c.file.name) for c in Certificate.objects.filter(batch=batch)}
    archive = CertificateBatch.objects.get(pk=batch.pk).archive.name
    assert make_certificate_batch(batch.pk) == 6
    assert {c.pk: (c.code, c.file.name) for c in Certificate.objects.filter(batch=batch)} == first
    assert CertificateBatch.objects.get(pk=batch.pk).archive.name == archive


def test_an_interrupted_batch_is_finished_without_duplicates(world):
    """A worker lost mid-batch (late ack: the task runs again) finishes the missing PDFs only."""
    contest, _awards = awarded_contest(programme=world.programme, school=world.school, members=1)
    batch = certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest, include_participants=True).pk)
    made = {c.pk: c.code for c in batch.certificates.all()}
    # Back to the state of a lost worker: running, one PDF missing, one certificate not made, no ZIP.
    lost = batch.certificates.order_by("pk").last()
    lost_pk = lost.pk
    lost.delete()
    missing_pdf = batch.certificates.order_by("pk").first()
    Certificate.objects.filter(pk=missing_pdf.pk).update(file="")
    CertificateBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.RUNNING, done=2, archive="")
    batch = certificate_batch_make(batch_id=batch.pk)
    assert (batch.status, batch.done, batch.total) == (BatchStatus.DONE, 4, 4)
    assert batch.certificates.count() == 4
    assert all(c.file for c in batch.certificates.all())
    kept = {pk: code for pk, code in made.items() if pk != lost_pk}
    assert {c.pk: c.code for c in batch.certificates.exclude(entry=lost.entry, student=lost.student)} == kept
    assert len(_zip_names(batch)) == 4


def test_progress_is_counted_as_certificates_are_made(world):
    contest, _awards = awarded_contest(
        programme=world.programme, school=world.school, tiers=[("A", 1), ("B", 1), ("C", 1)]
    )
    batch = CertificateBatchFactory(contest=contest)
    with CaptureQueriesContext(connection) as queries:
        certificate_batch_make(batch_id=batch.pk)
    progress = [
        int(match.group(1))
        for query in queries.captured_queries
        if query["sql"].startswith('UPDATE "contests_certificatebatch"')
        for match in [re.search(r'"done" = (\d+)', query["sql"])]
        if match
    ]
    assert progress == [1, 2, 3, 3]  # one update per certificate, then the final one


def test_batch_without_awards_is_refused_with_a_message(world, client_for, start):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school, tiers=[])
    client = client_for(world.organiser)
    response = start(client, contest)
    assert response.status_code == 302
    assert not CertificateBatch.objects.filter(contest=contest).exists()
    page = client.get(response.url)
    assert "Chưa có gì để cấp giấy chứng nhận" in page.content.decode()


def test_second_batch_while_one_is_running_is_refused(world, client_for, start):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    CertificateBatchFactory(contest=contest, status=BatchStatus.RUNNING)
    response = start(client_for(world.organiser), contest)
    assert response.status_code == 302
    assert CertificateBatch.objects.filter(contest=contest).count() == 1


def test_a_new_batch_issues_new_codes_and_the_old_ones_answer_replaced(world, client_for, start):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school, tiers=[("Giải Nhất", 1)])
    client = client_for(world.organiser)
    start(client, contest)
    page = client.get(reverse("contests:certificates", args=[contest.slug])).content.decode()
    assert "Tạo lại giấy chứng nhận" in page or "Make the certificates again" in page
    start(client, contest)
    old, new = Certificate.objects.filter(batch__contest=contest).order_by("batch_id")
    assert old.code != new.code
    assert (old.revoked_reason, old.replaced_by_id, new.revoked_at) == ("replaced", new.pk, None)
    assert client.get(reverse("certificate_verify", args=[new.code])).templates[0].name.endswith("verify.html")
    answer = client.get(reverse("certificate_verify", args=[old.code]))
    assert answer.status_code == 200 and answer.templates[0].name.endswith("verify_revoked.html")
    assert 'id="verify-reason"' in answer.content.decode()
    assert client.get(reverse("contests:certificate_pdf", args=[old.pk])).status_code == 404


def test_organiser_page_lists_the_latest_batch_with_codes_and_refreshes_while_running(world, client_for, start):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    client = client_for(world.organiser)
    start(client, contest)
    page = client.get(reverse("contests:certificates", args=[contest.slug]))
    html = page.content.decode()
    for certificate in Certificate.objects.filter(batch__contest=contest):
        assert f"{certificate.code[:5]}-{certificate.code[5:]}" in html
        assert reverse("contests:certificate_pdf", args=[certificate.pk]) in html
    assert 'http-equiv="refresh"' not in html
    CertificateBatchFactory(contest=contest, status=BatchStatus.RUNNING, total=2, done=1)
    html = client.get(reverse("contests:certificates", args=[contest.slug])).content.decode()
    assert 'http-equiv="refresh"' in html
    assert "1/2" in html


def test_zip_and_pdf_downloads_are_attachments_with_server_made_names(world, client_for, start):
    contest, (award, _second) = awarded_contest(programme=world.programme, school=world.school)
    client = client_for(world.organiser)
    start(client, contest)
    batch = CertificateBatch.objects.get(contest=contest)
    response = client.get(reverse("contests:certificate_batch_zip", args=[contest.slug, batch.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="giay-chung-nhan-{contest.slug}-{batch.pk}.zip"'
    certificate = batch.certificates.get(award=award)
    teacher = client_for(world.teacher)
    response = teacher.get(reverse("contests:certificate_pdf", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="giay-chung-nhan-{award.entry.code}-{certificate.code}.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_zip_of_an_unfinished_batch_answers_404(world, client_for):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school)
    batch = CertificateBatchFactory(contest=contest, status=BatchStatus.RUNNING)
    response = client_for(world.organiser).get(reverse("contests:certificate_batch_zip", args=[contest.slug, batch.pk]))
    assert response.status_code == 404


def test_teacher_sees_only_their_schools_certificates(world, client_for):
    own, _awards = awarded_contest(programme=world.programme, school=world.school, tiers=[("Giải Nhất", 1)])
    other, _awards = awarded_contest(programme=world.programme, school=world.other_school, tiers=[("Giải Nhì", 1)])
    for contest in (own, other):
        certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest).pk)
    client = client_for(world.teacher)
    html = client.get(reverse("contests:school_certificates", args=[world.school.pk])).content.decode()
    own_certificate = Certificate.objects.get(batch__contest=own)
    other_certificate = Certificate.objects.get(batch__contest=other)
    assert own_certificate.code[:5] in html
    assert other_certificate.code[:5] not in html
    assert client.get(reverse("contests:certificate_pdf", args=[other_certificate.pk])).status_code == 404
    assert client.get(reverse("contests:school_certificates", args=[world.other_school.pk])).status_code == 404


def test_school_certificates_page_queries_do_not_grow(world, client_for):
    client = client_for(world.teacher)
    url = reverse("contests:school_certificates", args=[world.school.pk])
    contest, _awards = awarded_contest(programme=world.programme, school=world.school, tiers=[("A", 1)])
    certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest).pk)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    contest, _awards = awarded_contest(
        programme=world.programme, school=world.school, tiers=[(f"T{i}", 1) for i in range(9)]
    )
    certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest, include_participants=True).pk)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.decode().count('class="certificate-row"') == 1 + 9 + 18
    assert len(many) == len(one)

"""Certificates for the child (issue 15): the PDF names the child in full whatever the
publication consent; the public check names them by the consent rule as it stands; the
date printed is the publication date of the results (Hà Nội); an erased child's codes
answer revoked, and a batch made again gives new codes while the old ones answer replaced."""

import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from pypdf import PdfReader

from contests.certificates.jobs import certificate_batch_make
from contests.models import Certificate
from schools.students.services_erase import student_erase
from tests.factories.contests import (
    CertificateBatchFactory,
    EntryMemberFactory,
    ResultSnapshotFactory,
    RoundFactory,
    awarded_contest,
)
from tests.factories.people import StudentFactory

NAME = "Phạm Quang Bình"


def _text(certificate) -> str:
    with certificate.file.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()


@pytest.fixture
def scene(world):
    contest, (award,) = awarded_contest(
        programme=world.programme, school=world.school, tiers=[("Giải Nhất", 1)], members=0
    )
    child = StudentFactory(classroom=world.classroom, display_name=NAME)  # no consent
    mate = StudentFactory(
        classroom=world.classroom, display_name="Lê Thu Trang", consent_child=True, consent_guardian=True
    )
    EntryMemberFactory(entry=award.entry, student=child, is_lead=True)
    EntryMemberFactory(entry=award.entry, student=mate)
    # Published at 23:30 on 30 June in UTC: 1 July in Hà Nội. An earlier, unpublished draft is ignored.
    round_ = RoundFactory(contest=contest)
    ResultSnapshotFactory(round=round_, is_published=True, published_at=datetime(2026, 6, 30, 17, 30, tzinfo=UTC))
    ResultSnapshotFactory(round=round_, is_published=True, published_at=datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    ResultSnapshotFactory(round=round_, is_published=False)
    batch = certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest, include_participants=True).pk)
    return {"contest": contest, "award": award, "child": child, "mate": mate, "batch": batch}


def _verify(client, certificate):
    return client.get(reverse("certificate_verify", args=[certificate.code]))


def test_pdf_names_the_child_in_full_and_the_public_check_by_consent(client, scene):
    own = scene["batch"].certificates.get(student=scene["child"])
    team = scene["batch"].certificates.get(student=None)
    assert own.recipient == f"{NAME} (6A1)"
    assert team.recipient == f"{NAME} (6A1), Lê Thu Trang (6A1)"
    assert f"{NAME} (6A1)" in _text(own)
    assert f"{NAME} (6A1)" in _text(team)
    for certificate, shown in ((own, "P.Q.B. (6A1)"), (team, "P.Q.B. (6A1), Lê Thu Trang")):
        html = _verify(client, certificate).content.decode()
        assert shown in html and NAME not in html
        assert "Trường THCS Cầu Diễn" in html  # initials, class and school


def test_consent_given_later_shows_on_the_public_check_without_a_new_certificate(client, scene):
    child = scene["child"]
    child.consent_child = child.consent_guardian = True
    child.save()
    own = scene["batch"].certificates.get(student=child)
    assert NAME in _verify(client, own).content.decode()
    child.consent_guardian = False  # withdrawn: initials again
    child.save()
    html = _verify(client, own).content.decode()
    assert NAME not in html and "P.Q.B. (6A1)" in html
    assert Certificate.objects.count() == 3 and not Certificate.objects.filter(revoked_at__isnull=False).exists()


def test_date_printed_is_the_publication_date_in_ha_noi(client, scene):
    own = scene["batch"].certificates.get(student=scene["child"])
    assert str(own.printed_on) == "2026-07-01"
    assert "ngày 01 tháng 07 năm 2026" in _text(own)
    assert "01/07/2026" in _verify(client, own).content.decode()


def test_without_published_results_the_batch_date_is_printed(world):
    contest, _awards = awarded_contest(programme=world.programme, school=world.school, tiers=[("Giải Ba", 1)])
    batch = certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest).pk)
    assert batch.certificates.get().printed_on is not None


def test_erased_childs_codes_answer_revoked_and_a_new_batch_replaces_the_team_one(
    client, world, scene, django_capture_on_commit_callbacks
):
    own = scene["batch"].certificates.get(student=scene["child"])
    team = scene["batch"].certificates.get(student=None)
    with django_capture_on_commit_callbacks(execute=True):
        student_erase(student=scene["child"], user=world.teacher)
    own.refresh_from_db()
    team.refresh_from_db()
    assert (own.revoked_reason, own.file.name) == ("erased", "")
    answer = _verify(client, own)
    html = answer.content.decode()
    assert answer.status_code == 200 and "verify_revoked" in answer.templates[0].name
    assert "đã bị thu hồi" in html and "đã được xóa" in html and NAME not in html
    assert team.revoked_at is None and NAME not in team.recipient and NAME not in _text(team)

    again = certificate_batch_make(
        batch_id=CertificateBatchFactory(contest=scene["contest"], include_participants=True).pk
    )
    # No new certificate for the erased child; the team's and the classmate's are made again.
    assert not again.certificates.filter(student=scene["child"]).exists()
    new_team = again.certificates.get(student=None)
    team.refresh_from_db()
    assert new_team.code != team.code and NAME not in new_team.recipient
    assert (team.revoked_reason, team.replaced_by) == ("replaced", new_team)
    html = _verify(client, team).content.decode()
    assert "đã bị thu hồi" in html and "thay bằng" in html
    assert "verify-recipient" in _verify(client, new_team).content.decode()
    own.refresh_from_db()
    assert own.revoked_reason == "erased"  # not turned into "replaced"
    mate_old = scene["batch"].certificates.get(student=scene["mate"])
    assert mate_old.replaced_by == again.certificates.get(student=scene["mate"])

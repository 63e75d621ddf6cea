"""The certificate PDF: Vietnamese text with its diacritics, the consent rule, the codes."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from contests.certificates.document import CODE_ALPHABET, CODE_LENGTH, code_display, code_new, code_normalise
from contests.certificates.jobs import DEFAULT_ORGANISATION, certificate_batch_make
from tests.factories.contests import (
    AwardFactory,
    CertificateBatchFactory,
    ContestFactory,
    EntryFactory,
    EntryMemberFactory,
    PrizeTierFactory,
)
from tests.factories.people import StudentFactory


def pdf_text(certificate) -> str:
    with certificate.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    return page.extract_text()


def _award(world, *, consent: bool, title="Đổi túi nylon lấy cây xanh"):
    contest = ContestFactory(programme=world.programme, title="Cuộc thi sáng kiến giảm nhựa giá trị thấp")
    tier = PrizeTierFactory(contest=contest, order=1, name="Giải Nhất")
    entry = EntryFactory(contest=contest, school=world.school, title=title, status="awarded")
    student = StudentFactory(
        classroom=world.classroom, display_name="Nguyễn Thị Hường", consent_child=consent, consent_guardian=consent
    )
    EntryMemberFactory(entry=entry, student=student, is_lead=True)
    award = AwardFactory(contest=contest, entry=entry, tier=tier, decided_by=world.organiser)
    batch = CertificateBatchFactory(contest=contest, requested_by=world.organiser)
    return certificate_batch_make(batch_id=batch.pk), award


def test_certificate_pdf_prints_recipient_prize_code_in_vietnamese(world):
    batch, award = _award(world, consent=True)
    certificate = batch.certificates.get()
    text = pdf_text(certificate)
    assert "Nguyễn Thị Hường" in text
    assert "Trường THCS Cầu Diễn" in text
    assert "Giải Nhất" in text
    assert "Cuộc thi sáng kiến giảm nhựa giá trị thấp" in text
    assert "“Đổi túi nylon lấy cây xanh”" in text
    assert "Nhựa giá trị thấp" in text  # the programme
    assert "Hà Nội" in text  # the programme's city
    assert DEFAULT_ORGANISATION in text
    assert code_display(certificate.code) in text
    assert f"http://testserver/xac-thuc/{certificate.code}/" in text
    assert certificate.recipient == "Nguyễn Thị Hường (6A1)"
    assert certificate.award == award and certificate.student is None


def test_certificate_without_consent_still_names_the_child_in_full(world):
    """The certificate is the child's own document, handed over by the school: full name
    and class whatever the publication consent (the public check is what is public)."""
    batch, _award_ = _award(world, consent=False)
    certificate = batch.certificates.get()
    text = pdf_text(certificate)
    assert certificate.recipient == "Nguyễn Thị Hường (6A1)"
    assert "Nguyễn Thị Hường (6A1)" in text
    assert "N.T.H." not in text
    assert "Trường THCS Cầu Diễn" in text


def test_participant_certificate_without_consent_names_the_child_in_full(world):
    batch, award = _award(world, consent=False)
    batch2 = certificate_batch_make(
        batch_id=CertificateBatchFactory(contest=award.contest, include_participants=True).pk
    )
    own = batch2.certificates.get(student__isnull=False)
    assert own.recipient == "Nguyễn Thị Hường (6A1)"
    assert "Nguyễn Thị Hường (6A1)" in pdf_text(own)


def test_certificate_organisation_comes_from_site_settings(world):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings_ = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.organisation_name = "Trung tâm Nghiên cứu Môi trường và Cộng đồng"
    settings_.short_name = "CECR"
    settings_.save()
    batch, _award_ = _award(world, consent=True)
    assert "Trung tâm Nghiên cứu Môi trường và Cộng đồng (CECR)" in pdf_text(batch.certificates.get())


def test_team_without_students_is_named_by_its_school(world):
    contest = ContestFactory(programme=world.programme)
    entry = EntryFactory(contest=contest, school=world.school, status="awarded")
    AwardFactory(contest=contest, entry=entry, tier=PrizeTierFactory(contest=contest, name="Giải Ba"))
    batch = certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest).pk)
    certificate = batch.certificates.get()
    assert certificate.recipient == "Trường THCS Cầu Diễn"
    assert "Giải Ba" in pdf_text(certificate)


def test_zip_holds_the_same_pdfs_under_server_made_names(world):
    batch, award = _award(world, consent=True)
    certificate = batch.certificates.get()
    with batch.archive.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        assert archive.namelist() == [f"{award.entry.code}-{certificate.code}.pdf"]
        with certificate.file.open("rb") as pdf:
            assert archive.read(archive.namelist()[0]) == pdf.read()


def test_code_new_is_ten_unambiguous_characters():
    codes = {code_new() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("ILOU")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7K3QM-X9D2F", "7K3QMX9D2F"),
        ("7k3qm x9d2f", "7K3QMX9D2F"),
        (" 7K3QMX9D2F ", "7K3QMX9D2F"),
        ("7K3QM-X9D2O", "7K3QMX9D20"),  # O read as zero
        ("IK3QM-X9D2L", "1K3QMX9D21"),  # I and L read as one
        ("7K3QM-X9D2", None),
        ("7K3QM-X9D2FF", None),
        ("7K3QM-X9D2U", None),  # U is not in the alphabet
        ("../", None),
        ("ĐÂY-LÀ-MÃ-X", None),
        ("７K3QMX9D2F", None),  # a full-width digit
        ("A" * 5000, None),
        ("", None),
        (None, None),
    ],
)
def test_code_normalise(typed, expected):
    assert code_normalise(typed) == expected

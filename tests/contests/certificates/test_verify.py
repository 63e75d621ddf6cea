"""The public check of a certificate: a known code confirms what is printed; anything else
answers the same 404 page (never a 500, no hint of why)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from contests.certificates.jobs import DEFAULT_ORGANISATION, certificate_batch_make
from tests.factories.contests import CertificateBatchFactory, EntryMemberFactory, awarded_contest
from tests.factories.people import StudentFactory

NOT_FOUND = "contests/certificates/verify_not_found.html"


@pytest.fixture
def certificate(world):
    contest, (award,) = awarded_contest(
        programme=world.programme, school=world.school, tiers=[("Giải Nhất", 1)], members=0
    )
    student = StudentFactory(
        classroom=world.classroom, display_name="Lê Thu Trang", consent_child=True, consent_guardian=True
    )
    EntryMemberFactory(entry=award.entry, student=student, is_lead=True)
    EntryMemberFactory(
        entry=award.entry, student=StudentFactory(classroom=world.classroom, display_name="Phạm Văn Đức")
    )
    batch = certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest).pk)
    return batch.certificates.get()


def test_valid_code_confirms_recipient_prize_contest_date_and_issuer(client, certificate):
    response = client.get(f"/xac-thuc/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    # Printed in full (the children's own document); the public page by the consent rule.
    assert certificate.recipient == "Lê Thu Trang (6A1), Phạm Văn Đức (6A1)"
    assert "Lê Thu Trang, P.V.Đ. (6A1)" in html
    assert "Phạm Văn Đức" not in html
    assert "Trường THCS Cầu Diễn" in html
    assert "Giải Nhất" in html
    assert certificate.entry.contest.title in html
    assert certificate.entry.contest.programme.name in html
    assert f"{timezone.localtime(certificate.batch.created_at):%d/%m/%Y}" in html
    assert DEFAULT_ORGANISATION in html
    assert f"{certificate.code[:5]}-{certificate.code[5:]}" in html
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("shape", [str.lower, lambda c: f"{c[:5]}-{c[5:]}", lambda c: f"{c[:5]}-{c[5:]}".lower()])
def test_code_typed_in_another_shape_is_found(client, certificate, shape):
    assert client.get(reverse("certificate_verify", args=[shape(certificate.code)])).status_code == 200


def test_verify_form_sends_a_typed_code_to_its_page(client, certificate):
    response = client.get(
        reverse("certificate_verify_form"), {"code": f" {certificate.code[:5]}-{certificate.code[5:]} "}
    )
    assert response.status_code == 302
    assert response.url == f"/xac-thuc/{certificate.code}/"
    assert client.get(reverse("certificate_verify_form")).status_code == 200


def test_unknown_code_answers_404_with_the_form(client, certificate):
    other = "0000000000" if certificate.code != "0000000000" else "1111111111"
    response = client.get(f"/xac-thuc/{other}/")
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == NOT_FOUND
    assert 'name="code"' in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/xac-thuc/../",
        "/xac-thuc/%2e%2e%2f/",
        "/xac-thuc/..%2F..%2Fetc%2Fpasswd/",
        "/xac-thuc/a/b/c/",
        "/xac-thuc/" + "A" * 10_000 + "/",
        "/xac-thuc/ĐÂY-LÀ-MÃ/",
        "/xac-thuc/%F0%9F%98%80%F0%9F%98%80/",
        "/xac-thuc/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
        "/xac-thuc/' OR 1=1 --/",
        "/xac-thuc/%FF%FE/",
    ],
)
def test_garbage_codes_answer_404_never_500(client, certificate, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode(errors="replace")


@pytest.mark.parametrize("path", ["/xac-thuc/%00/", "/xac-thuc/?code=%00"])
def test_nul_in_a_code_is_the_400_page_never_500(client, certificate, path):
    """Refused before the view by home.middleware.ControlCharacterMiddleware."""
    assert client.get(path).status_code == 400


@pytest.mark.parametrize("typed", ["../", "A" * 5000, "ĐÂY", "<b>x</b>", "00000"])
def test_verify_form_with_garbage_answers_404(client, certificate, typed):
    assert client.get(reverse("certificate_verify_form"), {"code": typed}).status_code == 404


def test_not_found_page_is_the_same_whatever_the_code(client, certificate):
    """No enumeration help: a well-formed unknown code and garbage get the same page."""
    paths = ("/xac-thuc/0000000000/", "/xac-thuc/zz/", "/xac-thuc/../")
    # The page's main part (the header's language switch carries the address).
    pages = {_main(client.get(path).content.decode()) for path in paths}
    assert len(pages) == 1


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_malformed_code_makes_no_query(client, certificate):
    with CaptureQueriesContext(connection) as queries:
        client.get("/xac-thuc/" + "A" * 10_000 + "/")
    assert not [q for q in queries.captured_queries if "contests_certificate" in q["sql"]]


def test_verification_page_makes_few_queries(client, certificate, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get(f"/xac-thuc/{certificate.code}/").status_code == 200

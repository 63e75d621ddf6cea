"""Officers' scope holds in every output: each page, export, report and API answer about a
programme's schools names exactly the schools of the person's board (DESIGN §6).

The programme has four schools in Phường Cầu Diễn (the world's school among them) and three
in Phường Mỹ Đình 1, both under Nam Từ Liêm; a Mỹ Đình school holds the only prize. The
ward officer of Cầu Diễn follows the programme but sees only the four Cầu Diễn schools; the
district officer and the programme's organisers see all seven.
"""

import csv
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from schools.enums import Role
from schools.models import ReportJob
from schools.monitoring.selectors import board_for
from schools.services import membership_grant
from tests.conftest import fresh
from tests.factories import UserFactory
from tests.schools.monitoring.helpers import add_contest, add_school, other_ward, setup_programme

ROLES = ["ward_officer", "district_officer", "programme_organiser", "organiser"]


@pytest.fixture
def scene(world):
    programme = world.programme
    periods = setup_programme(programme)
    my_dinh = other_ward(world)
    cau_dien = [world.school] + [add_school(programme, periods, i, area=world.ward) for i in (1, 2, 3)]
    far = [add_school(programme, periods, i, area=my_dinh) for i in (4, 5, 6)]
    add_contest(programme, [far[0], *cau_dien[1:], *far[1:]], awarded=1, decided_by=world.organiser)
    ward_officer = UserFactory(username="canbo-caudien")
    membership_grant(user=ward_officer, role=Role.OFFICER, area=world.ward)
    programme_organiser = UserFactory(username="btc-ntl")
    membership_grant(user=programme_organiser, role=Role.ORGANISER, programme=programme)
    users = {
        "ward_officer": ward_officer,
        "district_officer": world.officer,
        "programme_organiser": programme_organiser,
        "organiser": world.organiser,
    }
    return programme, cau_dien + far, users


def _board_codes(user, programme) -> set[str]:
    return {row.school.code for row in board_for(fresh(user), programme).all_rows}


def _mentioned(text: str, schools) -> set[str]:
    """The codes of the schools whose code or name the output contains."""
    return {s.code for s in schools if s.code in text or s.name in text}


def _workbook_text(content: bytes) -> str:
    book = load_workbook(io.BytesIO(content))
    return "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)


def _first_column(content: bytes, *, skip: int) -> set[str]:
    sheet = load_workbook(io.BytesIO(content)).active
    return {row[0] for row in sheet.iter_rows(min_row=skip + 1, values_only=True) if row[0]}


def _get(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def _report(client, programme, kind, capture) -> bytes:
    with capture(execute=True):
        assert client.post(reverse("workspace:report_start", args=[programme.slug])).status_code == 302
    job = ReportJob.objects.latest("pk")
    return _get(client, reverse("workspace:report_download", args=[programme.slug, job.pk, kind]))


def _board_xlsx(client, programme, schools, capture):
    return _first_column(_get(client, reverse("workspace:board_export", args=[programme.slug])), skip=3)


def _report_xlsx(client, programme, schools, capture):
    return _mentioned(_workbook_text(_report(client, programme, "xlsx", capture)), schools)


def _report_xlsx_schools_sheet(client, programme, schools, capture):
    book = load_workbook(io.BytesIO(_report(client, programme, "xlsx", capture)))
    sheet = next(ws for ws in book.worksheets if ws.cell(1, 1).value in ("Code", "Mã"))
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


def _report_pdf(client, programme, schools, capture):
    pdf = PdfReader(io.BytesIO(_report(client, programme, "pdf", capture)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    return {s.code for s in schools if s.name in text}


def _audit_page(client, programme, schools, capture):
    return _mentioned(_get(client, reverse("audits:programme", args=[programme.slug])).decode(), schools)


def _audit_csv(client, programme, schools, capture):
    content = _get(client, reverse("audits:programme_export", args=[programme.slug, "csv"])).decode("utf-8-sig")
    return {row[0] for row in list(csv.reader(io.StringIO(content)))[1:] if row[0]}


def _audit_xlsx(client, programme, schools, capture):
    return _first_column(_get(client, reverse("audits:programme_export", args=[programme.slug, "xlsx"])), skip=1)


def _audit_api(client, programme, schools, capture):
    url = reverse("api:programme_audit_summary", kwargs={"slug": programme.slug})
    return {s["code"] for s in json.loads(_get(client, url))["schools"]}


def _coverage_page(client, programme, schools, capture):
    url = reverse("workspace:plan_coverage", args=[programme.pk])
    return _mentioned(_get(client, url).decode(), schools)


def _coverage_xlsx(client, programme, schools, capture):
    return _first_column(_get(client, reverse("workspace:plan_coverage_xlsx", args=[programme.pk])), skip=3)


OUTPUTS = {
    "board_xlsx": _board_xlsx,
    "report_xlsx": _report_xlsx,
    "report_xlsx_schools_sheet": _report_xlsx_schools_sheet,
    "report_pdf": _report_pdf,
    "audit_page": _audit_page,
    "audit_csv": _audit_csv,
    "audit_xlsx": _audit_xlsx,
    "audit_api": _audit_api,
    "coverage_page": _coverage_page,
    "coverage_xlsx": _coverage_xlsx,
}


@pytest.mark.parametrize("output", sorted(OUTPUTS))
@pytest.mark.parametrize("role", ROLES)
def test_every_output_names_exactly_the_schools_of_the_board(
    scene, client_for, settings, django_capture_on_commit_callbacks, role, output
):
    settings.AXES_ENABLED = False
    programme, schools, users = scene
    expected = _board_codes(users[role], programme)
    everyone = {s.code for s in schools}

    actual = OUTPUTS[output](client_for(users[role]), programme, schools, django_capture_on_commit_callbacks)

    assert actual == expected
    assert expected == (everyone if role != "ward_officer" else {s.code for s in schools[:4]})


@pytest.mark.parametrize("published", [False, True])
@pytest.mark.parametrize("role", ROLES)
def test_programme_summary_counts_only_the_schools_of_the_board(scene, client_for, role, published):
    programme, _schools, users = scene
    programme.is_published = published
    programme.save()
    board = board_for(fresh(users[role]), programme)
    audits = next(stat for stat in board.stats if stat.key == "audits_paired")

    data = client_for(users[role]).get(reverse("api:programme_summary", kwargs={"slug": programme.slug})).json()

    assert data["plans"]["total"] == len(board.all_rows)
    assert data["audits"]["schools_enrolled"] == len(board.all_rows)
    assert data["audits"]["schools_paired"] == audits.value
    assert data["contests"]["awards"] == (0 if role == "ward_officer" else 1)  # the prize went to Mỹ Đình


def test_the_public_reads_every_school_of_a_published_programme(scene, client):
    programme, schools, _users = scene
    programme.is_published = True
    programme.save()

    summary = client.get(reverse("api:programme_summary", kwargs={"slug": programme.slug})).json()
    audits = client.get(reverse("api:programme_audit_summary", kwargs={"slug": programme.slug})).json()

    assert summary["plans"]["total"] == len(schools)
    assert {s["code"] for s in audits["schools"]} == {s.code for s in schools}


def test_a_report_job_is_its_requesters_alone(scene, client_for, django_capture_on_commit_callbacks):
    programme, _schools, users = scene
    _report(client_for(users["organiser"]), programme, "xlsx", django_capture_on_commit_callbacks)
    job = ReportJob.objects.get()
    client = client_for(users["ward_officer"])

    assert client.get(reverse("workspace:report_job", args=[programme.slug, job.pk])).status_code == 404
    assert client.get(reverse("workspace:report_download", args=[programme.slug, job.pk, "xlsx"])).status_code == 404
    own = _report(client, programme, "xlsx", django_capture_on_commit_callbacks)
    assert ReportJob.objects.exclude(pk=job.pk).get().requested_by == users["ward_officer"]
    assert "Báo cáo này chỉ gồm các trường thuộc địa bàn của người yêu cầu báo cáo." in _workbook_text(own)
    theirs = reverse("workspace:report_download", args=[programme.slug, job.pk, "xlsx"])
    assert "Báo cáo này chỉ gồm" not in _workbook_text(_get(client_for(users["organiser"]), theirs))


@pytest.mark.parametrize("name", ["audits:programme", "workspace:plan_coverage", "workspace:board"])
def test_scoped_pages_cost_the_same_queries_whatever_the_number_of_schools(world, scene, client_for, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    programme, _schools, users = scene
    client = client_for(users["ward_officer"])
    url = reverse(name, args=[programme.pk if name == "workspace:plan_coverage" else programme.slug])

    def count():
        client.get(url)  # warm the session
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries.captured_queries)

    before = count()
    periods = {p.phase: p for p in programme.audit_periods.all()}
    for index in range(7, 10):
        add_school(programme, periods, index, area=world.ward)
    assert count() == before

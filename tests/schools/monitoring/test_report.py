"""The programme report: a Celery job with progress, a Vietnamese PDF and an XLSX."""

import io

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from schools.models import ReportJob
from schools.models.monitoring import ReportStatus
from tests.schools.monitoring.helpers import build


def _make(client, programme, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workspace:report_start", args=[programme.slug]))
    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("workspace:report_job", args=[programme.slug, job.pk])
    return job


def test_report_pdf_states_the_programme_figures_in_vietnamese(world, client_for, django_capture_on_commit_callbacks):
    programme, schools = build(world, 7)
    client = client_for(world.organiser)

    job = _make(client, programme, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == ReportStatus.DONE
    assert job.progress == 100
    page = client.get(reverse("workspace:report_job", args=[programme.slug, job.pk])).content.decode()
    assert "Tải" in page or "Download" in page
    response = client.get(reverse("workspace:report_download", args=[programme.slug, job.pk, "pdf"]))
    assert response.status_code == 200
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages)
    from schools.monitoring.selectors import programme_summary

    audits = programme_summary(programme)["audits"]
    reduction = f"{audits['reduction_pct']:.1f}".replace(".", ",")
    assert programme.name in text
    assert "Nhựa giá trị thấp" in text
    assert "Trường THCS Số 0001" in text
    assert f"−{reduction} %" in text
    assert "4/7" in text
    assert "Giải Nhất" in text
    assert "Sáng kiến xanh" in text


def test_report_xlsx_has_a_sheet_per_table(world, client_for, django_capture_on_commit_callbacks):
    programme, schools = build(world, 4)
    client = client_for(world.organiser)
    job = _make(client, programme, django_capture_on_commit_callbacks)

    response = client.get(reverse("workspace:report_download", args=[programme.slug, job.pk, "xlsx"]))

    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames[0]
    summary = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert any(programme.name in (cell or "") for cell in summary)
    schools_sheet = next(ws for ws in book.worksheets if ws.cell(1, 1).value in ("Code", "Mã"))
    codes = [row[0] for row in schools_sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == sorted(s.code for s in schools)


def test_report_downloads_are_refused_to_others(world, client_for, django_capture_on_commit_callbacks):
    programme, _schools = build(world, 3)
    job = _make(client_for(world.organiser), programme, django_capture_on_commit_callbacks)
    url = reverse("workspace:report_download", args=[programme.slug, job.pk, "pdf"])

    assert client_for(world.teacher).get(url).status_code == 403
    assert client_for(world.organiser).get(url).status_code == 200
    assert client_for(world.organiser).get(url.replace("/pdf/", "/zip/")).status_code == 404
    # A report covers what its requester sees on the board: another person's job is not theirs.
    assert client_for(world.officer).get(url).status_code == 404


def test_a_second_click_while_the_report_runs_returns_the_same_job(world):
    from schools.monitoring.services import report_job_start
    from tests.conftest import fresh

    first = report_job_start(programme=world.programme, user=fresh(world.organiser))  # not committed: queued
    second = report_job_start(programme=world.programme, user=fresh(world.organiser))

    assert first.pk == second.pk
    assert ReportJob.objects.count() == 1
    third = report_job_start(programme=world.programme, user=fresh(world.officer))  # another person: their own
    assert third.pk != first.pk

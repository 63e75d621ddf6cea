"""Safe spreadsheets (issue 14): the escaping rule, and every export downloaded through its
view with names and titles that a spreadsheet would otherwise run as formulas."""

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audits.enums import Phase
from contests.enums import ContestStatus, EntryStatus
from home.spreadsheets import append_row, csv_text, escape_cell, new_workbook, workbook_bytes, xlsx_bytes
from schools.models import ReportJob
from tests.factories.audits import AuditPeriodFactory, audit_day
from tests.factories.contests import ContestFactory, EntryFactory, EntryMemberFactory, scored_round
from tests.schools.monitoring.helpers import add_school, setup_programme
from tests.schools.plans.support import dated

HYPERLINK = '=HYPERLINK("http://x","y")'
PLUS = "+1"
MINUS = "-2+3"
AT = "@SUM(A1)"
TAB = "\tx"
RISKY_FIRST = ("=", "+", "-", "@", "\t", "\r")


# The rule ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        (PLUS, "'+1"),
        (MINUS, "'-2+3"),
        (AT, "'@SUM(A1)"),
        (TAB, "'\tx"),
        ("\rx", "'\rx"),
        ("-", "'-"),
        ("Trường THCS Cầu Diễn", "Trường THCS Cầu Diễn"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("'=1", "'=1"),
        ("", ""),
    ],
)
def test_escape_cell_text(value, expected):
    assert escape_cell(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        0,
        -2,
        -2.5,
        3.25,
        Decimal("-1.5"),
        True,
        datetime.date(2022, 10, 17),
        datetime.datetime(2022, 10, 17, 9, 30),
    ],
)
def test_escape_cell_keeps_typed_values(value):
    assert escape_cell(value) is value


def test_escape_cell_turns_other_objects_into_text():
    class Label:
        def __str__(self):
            return "-Nhất"

    assert escape_cell(Label()) == "'-Nhất"


def test_append_row_writes_strings_and_numbers():
    book, sheet = new_workbook("Một tên trang tính dài hơn ba mươi mốt ký tự")
    append_row(sheet, [HYPERLINK, -2, 1.5, None, MINUS])
    append_row(sheet, [])
    append_row(sheet, ["=1+1"])

    sheet = load_workbook(io.BytesIO(workbook_bytes(book))).active

    assert sheet.title == "Một tên trang tính dài hơn ba m"
    assert [c.value for c in sheet[1]] == ["'" + HYPERLINK, -2, 1.5, None, "'-2+3"]
    assert [c.data_type for c in sheet[1]] == ["s", "n", "n", "n", "s"]
    assert sheet.max_row == 3
    assert sheet.cell(3, 1).value == "'=1+1" and sheet.cell(3, 1).data_type == "s"


def test_xlsx_bytes_and_csv_text_escape_every_cell():
    rows = [["Tên", "Số"], [HYPERLINK, -2], [AT, 3.5]]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(rows, title="Kết quả"))).active
    assert list(sheet.iter_rows(values_only=True)) == [("Tên", "Số"), ("'" + HYPERLINK, -2), ("'@SUM(A1)", 3.5)]
    assert csv_text(rows, lineterminator="\n") == 'Tên,Số\n"\'=HYPERLINK(""http://x"",""y"")",-2\n\'@SUM(A1),3.5\n'


# Every export --------------------------------------------------------------------------------


def _content(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def _cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_safe_xlsx(content: bytes, planted: list[str]) -> list:
    """No cell is a formula or a text a spreadsheet would run; each planted text is there, quoted."""
    cells = _cells(content)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert [t for t in texts if t.startswith(RISKY_FIRST)] == []
    for text in planted:
        assert any(t.startswith("'" + text) for t in texts), text
    return cells


def _numbers(cells) -> list:
    return [c.value for c in cells if c.data_type == "n" and c.value is not None]


def test_entries_export_escapes_titles_school_and_team(world, client_for):
    world.school.name = HYPERLINK
    world.school.save()
    world.student.display_name = MINUS
    world.student.save()
    contest = ContestFactory(programme=world.programme, code_prefix="NUOC")
    entry = EntryFactory(
        contest=contest, school=world.school, status=EntryStatus.ELIGIBLE, title=AT, problem=TAB, plan=PLUS
    )
    EntryMemberFactory(entry=entry, student=world.student)

    response = client_for(world.organiser).get(reverse("contests:contest_entries_export", args=[contest.slug]))

    cells = _assert_safe_xlsx(_content(response), [HYPERLINK, MINUS, AT, TAB, PLUS])
    row = [c.value for c in cells if c.row == 2]
    assert row[1] == "'" + HYPERLINK
    assert row[3] == "'@SUM(A1)"
    assert "'-2+3 (6A1)" in row
    assert 0 in _numbers(cells)  # the files column stays a number


def test_ranking_export_escapes_titles_and_school(world, client_for, settings):
    settings.AXES_ENABLED = False
    world.school.name = HYPERLINK
    world.school.save()
    contest = ContestFactory(programme=world.programme, status=ContestStatus.JUDGING, title=PLUS)
    round, entries, _judges = scored_round(contest=contest, scores=[[90, 80]], school=world.school)
    entries[0].title = AT
    entries[0].save()

    response = client_for(world.organiser).get(reverse("contests:ranking_export", args=[contest.slug, round.order]))

    cells = _assert_safe_xlsx(_content(response), [HYPERLINK, AT, PLUS])
    row = [c.value for c in cells if c.row == 4]
    assert row[:5] == [1, entries[0].code, "'@SUM(A1)", "'" + HYPERLINK, 85]


def test_board_export_escapes_school_and_area(world, client_for):
    periods = setup_programme(world.programme)
    school = add_school(world.programme, periods, 1, area=world.ward)
    school.name = HYPERLINK
    school.save()
    world.ward.name = AT
    world.ward.save()

    response = client_for(world.organiser).get(reverse("workspace:board_export", args=[world.programme.slug]))

    cells = _assert_safe_xlsx(_content(response), [HYPERLINK, AT])
    assert _numbers(cells)  # numeric board columns stay numbers


def test_plan_coverage_export_escapes_school_and_area(world, client_for):
    dated(world.programme)
    world.school.name = HYPERLINK
    world.school.save()
    world.ward.name = PLUS
    world.ward.save()

    response = client_for(world.organiser).get(reverse("workspace:plan_coverage_xlsx", args=[world.programme.pk]))

    _assert_safe_xlsx(_content(response), [HYPERLINK, PLUS])


def _audited(world):
    periods = {
        Phase.BASELINE: AuditPeriodFactory(
            programme=world.programme,
            phase=Phase.BASELINE,
            starts_on=datetime.date(2022, 10, 17),
            ends_on=datetime.date(2022, 10, 28),
        ),
        Phase.FINAL: AuditPeriodFactory(
            programme=world.programme,
            phase=Phase.FINAL,
            starts_on=datetime.date(2022, 12, 5),
            ends_on=datetime.date(2022, 12, 16),
        ),
    }
    for phase, day, mass in ((Phase.BASELINE, 17, 10000), (Phase.FINAL, 5, 8000)):
        month = 10 if phase == Phase.BASELINE else 12
        audit_day(
            period=periods[phase],
            school=world.school,
            day=datetime.date(2022, month, day),
            persons=100,
            lines={"organic": mass},
        )
    world.school.name = HYPERLINK
    world.school.save()


def test_audit_results_xlsx_escapes_school(world, client_for):
    _audited(world)

    response = client_for(world.organiser).get(reverse("audits:programme_export", args=[world.programme.slug, "xlsx"]))

    cells = _assert_safe_xlsx(_content(response), [HYPERLINK])
    assert 1 in _numbers(cells)  # baseline days
    assert 20.0 in _numbers(cells)  # the reduction


def test_audit_results_csv_escapes_school(world, client_for):
    _audited(world)

    response = client_for(world.organiser).get(reverse("audits:programme_export", args=[world.programme.slug, "csv"]))

    rows = list(csv.reader(io.StringIO(_content(response).decode("utf-8-sig"))))
    fields = [field for row in rows for field in row]
    assert [f for f in fields if f.startswith(RISKY_FIRST)] == []
    assert rows[1][:2] == ["thcs-cau-dien", "'" + HYPERLINK]
    assert rows[1][7] == "20.0"


def test_programme_report_xlsx_escapes_school_and_area(world, client_for, django_capture_on_commit_callbacks):
    periods = setup_programme(world.programme)
    school = add_school(world.programme, periods, 1, area=world.ward)
    school.name = HYPERLINK
    school.save()
    world.district.name = AT
    world.district.save()
    client = client_for(world.organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("workspace:report_start", args=[world.programme.slug]))
    job = ReportJob.objects.get()

    response = client.get(reverse("workspace:report_download", args=[world.programme.slug, job.pk, "xlsx"]))

    cells = _assert_safe_xlsx(_content(response), [HYPERLINK, AT])
    assert _numbers(cells)


def test_only_the_shared_writer_makes_spreadsheets():
    """A new export cannot forget the escaping: no module but home/spreadsheets.py makes a
    workbook or a CSV writer (reading imports with openpyxl and csv is fine)."""
    root = Path(__file__).resolve().parents[2]
    writers = ("Workbook(", "csv.writer(", "csv.DictWriter(", "import Workbook")
    found = [
        str(path.relative_to(root))
        for app in ("home", "schools", "audits", "contests")
        for path in sorted((root / app).rglob("*.py"))
        if path != root / "home" / "spreadsheets.py" and any(w in path.read_text(encoding="utf-8") for w in writers)
    ]
    assert found == []

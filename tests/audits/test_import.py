"""Paper-logbook import: all or nothing, idempotent, every bad line with its reason, encodings."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from audits.enums import Phase, SessionStatus
from audits.imports import import_audits
from audits.models import AuditLine, AuditSession
from tests.factories.audits import audit_day

HEADER = "school_code,phase,date,persons_present,category_code,mass_g,item_count\n"
GOOD = (
    HEADER + "thcs-cau-dien,baseline,2022-10-17,450,organic,12500,\n"
    'thcs-cau-dien,baseline,2022-10-17,450,lvp_nylon_bag,"830,5",210\n'
    "thcs-cau-dien,final,2022-12-05,440,organic,10000.5,\n"
)


def _file(text, encoding="utf-8", name="so-can.csv"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def _run(world, text, **kwargs):
    with translation.override("en"):
        return import_audits(
            _file(text, **{k: v for k, v in kwargs.items() if k == "encoding"}),
            programme=world.programme,
            user=kwargs.get("user"),
        )


def test_good_file_imports_verified_days_with_decimal_commas_and_dots(world, periods):
    result = _run(world, GOOD)
    assert result.ok, result.errors
    assert (result.created, result.unchanged) == (3, 0)
    sessions = AuditSession.objects.order_by("date")
    assert [(s.date, s.students_present, s.status, s.period.phase) for s in sessions] == [
        (date(2022, 10, 17), 450, SessionStatus.VERIFIED, Phase.BASELINE),
        (date(2022, 12, 5), 440, SessionStatus.VERIFIED, Phase.FINAL),
    ]
    assert sorted(str(v) for v in AuditLine.objects.values_list("mass_g", flat=True)) == ["10000.5", "12500.0", "830.5"]


def test_same_file_twice_changes_nothing(world, periods):
    _run(world, GOOD)
    again = _run(world, GOOD)
    assert again.ok and (again.created, again.unchanged) == (0, 3)
    assert (AuditSession.objects.count(), AuditLine.objects.count()) == (2, 3)


def test_utf8_with_bom_and_codes_in_another_case_are_read(world, periods):
    text = GOOD.replace("thcs-cau-dien", "THCS-Cau-Dien")
    assert _run(world, "\ufeff" + text).ok
    assert AuditLine.objects.count() == 3


def test_windows_1258_vietnamese_text_is_decoded(world, periods):
    # "đầu kỳ" (baseline) as Excel writes it in Vietnamese ANSI: base letters with combining tone marks
    text = HEADER + "thcs-cau-dien,\u0111\u00e2\u0300u ky\u0300,2022-10-17,450,organic,100,\n"
    with translation.override("en"):
        result = import_audits(_file(text, encoding="cp1258"), programme=world.programme)
    assert result.ok, result.errors
    assert AuditSession.objects.get().period.phase == Phase.BASELINE
    assert "Windows-1258" in " ".join(str(n) for n in result.notes)


BAD_LINES = [
    ("thcs-cau-dien,baseline,2022-10-18,450,organic,-5,", "cannot be negative"),
    ("thcs-cau-dien,baseline,2022-10-18,450,organic,NaN,", "is not a mass in grams"),
    ("thcs-cau-dien,baseline,2022-10-18,450,organic,abc,", "is not a mass in grams"),
    ("thcs-cau-dien,baseline,2022-10-18,450,organic,2000000,", "more than 1,000 kg"),
    ("thcs-cau-dien,baseline,2022-10-18,450,lvp_straw,10,3.5", "must be a whole number"),
    ("thcs-cau-dien,baseline,2099-10-18,450,organic,10,", "in the future"),
    ("thcs-cau-dien,baseline,2022-11-18,450,organic,10,", "outside the baseline period"),
    ("thcs-cau-dien,baseline,2022-10-17,450,organic,99,", "already has an audit day on 17/10/2022"),
    ("thcs-cau-dien,baseline,2022-10-18,450,plastic_x,10,", "Unknown category"),
    ("thcs-khong-co,baseline,2022-10-18,450,organic,10,", "Unknown school"),
    ("thcs-cau-dien,baseline,2022-10-18,0,organic,10,", "Persons present must be more than 0"),
    ("thcs-cau-dien,midterm,2022-10-18,450,organic,10,", "Wrong phase"),
    ("thcs-cau-dien,final,2022-10-18,450,organic,10,", "outside the final period"),
    ("thcs-cau-dien,baseline,18/13/2022,450,organic,10,", "is not a date"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES, ids=[m for _l, m in BAD_LINES])
def test_one_bad_line_imports_nothing_and_names_the_line(world, periods, line, message):
    audit_day(
        period=periods[Phase.BASELINE], school=world.school, day=date(2022, 10, 17), persons=450, lines={"organic": 1}
    )
    before = (AuditSession.objects.count(), AuditLine.objects.count())
    result = _run(world, HEADER + "thcs-cau-dien,baseline,2022-10-19,450,organic,10,\n" + line + "\n")
    assert not result.ok
    assert result.error_lines == [3]
    assert message in str(result.errors[0]), result.errors
    assert (AuditSession.objects.count(), AuditLine.objects.count()) == before


def test_every_bad_line_is_listed(world, periods):
    text = HEADER + "x,baseline,2022-10-18,450,organic,10,\nthcs-cau-dien,baseline,2022-10-18,450,organic,-1,\n"
    text += "thcs-cau-dien,baseline,2022-10-18,450,organic,10,\nthcs-cau-dien,baseline,2022-10-18,450,organic,11,\n"
    text += "thcs-cau-dien,baseline,2022-10-18,451,paper,10,\n"
    result = _run(world, text)
    assert result.error_lines == [2, 3, 5, 6]  # unknown school, negative, category twice, persons differ
    assert AuditSession.objects.count() == 0


def test_teacher_imports_only_their_own_school(world, periods):
    from tests.factories import EnrolmentFactory

    EnrolmentFactory(programme=world.programme, school=world.other_school)
    text = HEADER + "thcs-hang-bac,baseline,2022-10-18,300,organic,10,\n"
    result = _run(world, text, user=world.teacher)
    assert "only import the days of your own school" in str(result.errors[0])
    assert _run(world, text, user=world.organiser).ok


def test_xlsx_with_the_same_columns(world, periods):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["thcs-cau-dien", "baseline", date(2022, 10, 17), 450, "organic", 1250.5, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("so.xlsx", buffer.getvalue())
    with translation.override("en"):
        result = import_audits(upload, programme=world.programme)
    assert result.ok, result.errors
    assert str(AuditLine.objects.get().mass_g) == "1250.5"


def test_command_imports_and_exits_non_zero_on_a_bad_file(world, periods, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_audits", str(good), "--programme", world.programme.slug, stdout=out)
    assert AuditLine.objects.count() == 3
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "thcs-cau-dien,baseline,2022-10-20,450,organic,-3,\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_audits", str(bad), "--programme", world.programme.slug, stdout=io.StringIO(), stderr=err)
    assert "Dòng 2" in err.getvalue() or "Line 2" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("import_audits", str(good), "--programme", "khong-co", stdout=io.StringIO())
    assert AuditLine.objects.count() == 3


def test_import_page_for_teachers(world, periods, client_for):
    client = client_for(world.teacher)
    client.cookies["django_language"] = "en"
    response = client.post(reverse("audits:import"), {"programme": world.programme.pk, "file": _file(GOOD)})
    assert response.status_code == 200, response.content.decode()[:2000]
    assert AuditLine.objects.count() == 3
    response = client.post(
        reverse("audits:import"),
        {"programme": world.programme.pk, "file": _file(HEADER + "thcs-cau-dien,final,2022-12-06,1,organic,x,\n")},
    )
    assert response.status_code == 400
    assert "Line 2" in response.content.decode()


def test_masses_are_read_the_vietnamese_way_and_echoed_in_the_preview(world, periods):
    text = HEADER + "thcs-cau-dien,baseline,2022-10-17,450,organic,3.200,\n"
    text += 'thcs-cau-dien,baseline,2022-10-17,450,paper,"3,2",\n'
    text += 'thcs-cau-dien,baseline,2022-10-17,450,lvp_nylon_bag,"1.250,5",\n'
    with translation.override("en"):
        preview = import_audits(_file(text), programme=world.programme, dry_run=True)
    assert preview.ok and preview.created == 3 and AuditLine.objects.count() == 0
    assert [str(n) for n in preview.notes] == [
        "Line 2: mass “3.200” read as 3\u00a0200 g.",
        "Line 3: mass “3,2” read as 3,2 g.",
        "Line 4: mass “1.250,5” read as 1\u00a0250,5 g.",
    ]
    assert _run(world, text).ok
    masses = {line.category.code: str(line.mass_g) for line in AuditLine.objects.select_related("category")}
    assert masses == {"organic": "3200.0", "paper": "3.2", "lvp_nylon_bag": "1250.5"}


@pytest.mark.parametrize("mass", ["1,250.5", "1,250,000", "3.20.0"])
def test_english_thousands_separators_are_refused_as_ambiguous(world, periods, mass):
    result = _run(world, HEADER + f'thcs-cau-dien,baseline,2022-10-17,450,organic,"{mass}",\n')
    assert result.error_lines == [2]
    assert "ambiguous" in str(result.errors[0])
    assert AuditLine.objects.count() == 0


def test_a_bad_row_of_a_stored_day_is_its_only_error_with_no_false_conflict(world, periods):
    assert _run(world, GOOD).ok
    again = GOOD.replace('"830,5"', "-1")  # line 3, the second line of the stored 17/10
    result = _run(world, again)
    assert result.error_lines == [3]
    assert [p.message for p in result.errors] == ["The mass cannot be negative."]
    assert AuditLine.objects.count() == 3


def test_a_day_that_really_differs_still_reports_its_conflict(world, periods):
    assert _run(world, GOOD).ok
    result = _run(world, GOOD.replace("12500", "12600"))
    assert result.error_lines == [2]
    assert "already has an audit day" in str(result.errors[0])

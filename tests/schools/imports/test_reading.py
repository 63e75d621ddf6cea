"""File-level problems: each gives one clear message and changes nothing."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from schools.imports import import_schools, import_users
from schools.imports.forms import ImportForm
from schools.imports.reading import Column, ImportFileError, read_table
from tests.schools.imports.test_support import (
    SCHOOL_HEADER,
    HugeUpload,
    csv_upload,
    error_lines,
    snapshot,
    xlsx_bytes,
    xlsx_upload,
)


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English (their msgids), whatever catalogue is compiled."""
    with translation.override("en"):
        yield


GOOD_ROW = "th-moi,Trường Tiểu học Mới,Tiểu học,cau-dien,300,10"


def assert_refused(result, before, *, lines=(None,), contains=""):
    assert not result.ok
    assert error_lines(result) == list(lines)
    assert contains in result.errors[0].message
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert snapshot() == before


def test_read_table_empty_file_is_refused(world):
    before = snapshot()
    result = import_schools(csv_upload(""))
    assert_refused(result, before, contains="empty")


def test_read_table_blank_lines_only_is_empty(world):
    before = snapshot()
    result = import_schools(csv_upload("\r\n  \r\n,,,\r\n"))
    assert_refused(result, before, contains="empty")


def test_read_table_header_only_is_refused(world):
    before = snapshot()
    result = import_schools(csv_upload(SCHOOL_HEADER + "\r\n"))
    assert_refused(result, before, contains="no data rows")


def test_read_table_windows_1258_file_must_be_utf8(world):
    before = snapshot()
    text = SCHOOL_HEADER + "\nth-a,Truong A,primary,cau-dien,,\nth-b,Trường Bà Đà,primary,cau-dien,,\n"
    result = import_schools(csv_upload(text.replace("Trường ", ""), encoding="cp1258"))
    assert_refused(result, before, contains="UTF-8")
    assert "line 3" in result.errors[0].message


def test_read_table_latin1_file_must_be_utf8(world):
    before = snapshot()
    result = import_schools(csv_upload(SCHOOL_HEADER + "\nth-a,École,primary,cau-dien,,\n", encoding="latin-1"))
    assert_refused(result, before, contains="UTF-8")


def test_read_table_utf16_file_must_be_utf8(world):
    before = snapshot()
    result = import_schools(SimpleUploadedFile("a.csv", (SCHOOL_HEADER + "\n" + GOOD_ROW).encode("utf-16")))
    assert_refused(result, before, contains="UTF-8")


def test_read_table_over_size_limit_is_refused_unread(world):
    before = snapshot()
    result = import_schools(HugeUpload())
    assert_refused(result, before, contains="50")
    assert "5 MB" in result.errors[0].message.replace("\xa0", " ").replace(",0", "").replace(".0", "")


@override_settings(IMPORT_MAX_BYTES=100)
def test_read_table_content_over_limit_is_refused_even_if_size_is_wrong(world):
    upload = csv_upload(SCHOOL_HEADER + "\n" + GOOD_ROW * 10)
    upload.size = 10  # a lying size attribute: the bytes read are counted too
    before = snapshot()
    result = import_schools(upload)
    assert_refused(result, before, contains="limit")


def test_upload_form_refuses_50_mb_before_reading():
    form = ImportForm(data={}, files={"file": HugeUpload()})
    assert not form.is_valid()
    assert form.errors["file"][0].startswith("The file is 50")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"GIF89a\x01\x00",
        b"random\x00binary\x00data",
    ],
    ids=["pdf", "png", "jpeg", "gif", "nul-bytes"],
)
def test_read_table_binary_file_is_neither_csv_nor_xlsx(world, data):
    before = snapshot()
    result = import_schools(SimpleUploadedFile("schools.csv", data))
    assert_refused(result, before, contains="neither a CSV file nor an Excel workbook")


def test_read_table_zip_that_is_not_a_workbook_is_refused(world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    before = snapshot()
    result = import_schools(SimpleUploadedFile("schools.xlsx", buffer.getvalue()))
    assert_refused(result, before, contains="neither a CSV file nor an Excel workbook")


def test_read_table_damaged_workbook_is_refused(world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    before = snapshot()
    result = import_schools(SimpleUploadedFile("schools.xlsx", buffer.getvalue()))
    assert_refused(result, before, contains="cannot be read")


def test_read_table_truncated_workbook_is_refused(world):
    data = xlsx_bytes([SCHOOL_HEADER.split(","), GOOD_ROW.split(",")])
    before = snapshot()
    result = import_schools(SimpleUploadedFile("schools.xlsx", data[: len(data) // 2]))
    assert_refused(result, before, contains="neither a CSV file nor an Excel workbook")


def test_read_table_old_xls_file_is_refused(world):
    before = snapshot()
    result = import_schools(SimpleUploadedFile("schools.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512))
    assert_refused(result, before, contains=".xls")


def test_read_table_missing_columns_are_named(world):
    before = snapshot()
    result = import_schools(csv_upload("code,name,enrolment\nth-a,Trường A,12\n"))
    assert_refused(result, before, lines=[1], contains="level, area_code")
    assert "code,name,level,area_code,enrolment,classes" in result.errors[0].message


def test_read_table_missing_user_columns_are_named(world):
    before = snapshot()
    result = import_users(csv_upload("username,full_name,email\nlan,Lan,lan@example.org\n"))
    assert_refused(result, before, lines=[1], contains="role, school_code")


def test_read_table_duplicate_column_is_refused(world):
    before = snapshot()
    result = import_schools(csv_upload("code,name,level,area_code,Code\nth-a,A,primary,cau-dien,x\n"))
    assert_refused(result, before, lines=[1], contains="“code” appears twice")


@override_settings(IMPORT_MAX_ROWS=5)
def test_read_table_too_many_rows_is_refused(world):
    rows = "\n".join(f"th-{n},Trường {n},primary,cau-dien,," for n in range(6))
    before = snapshot()
    result = import_schools(csv_upload(SCHOOL_HEADER + "\n" + rows))
    assert_refused(result, before, contains="more than 5 rows")


@override_settings(IMPORT_MAX_ROWS=5)
def test_read_table_exactly_the_row_limit_is_accepted(world):
    rows = "\n".join(f"th-{n},Trường {n},primary,cau-dien,," for n in range(5))
    result = import_schools(csv_upload(SCHOOL_HEADER + "\n" + rows))
    assert result.ok and result.created == 5


def test_read_table_default_row_cap_is_5000(world):
    rows = "\n".join(f"th-{n},Trường {n},primary,cau-dien,," for n in range(5001))
    before = snapshot()
    result = import_schools(csv_upload(SCHOOL_HEADER + "\n" + rows))
    assert_refused(result, before, contains="more than 5000 rows")


def test_read_table_unclosed_quote_names_its_line(world):
    before = snapshot()
    text = SCHOOL_HEADER + "\n" + GOOD_ROW + '\nth-b,"Trường B,primary,cau-dien,,\n' + "x" * 140_000
    result = import_schools(csv_upload(text))
    assert_refused(result, before, lines=[3], contains="Line 3")


def test_read_table_row_with_extra_values_is_reported(world):
    before = snapshot()
    text = SCHOOL_HEADER + "\n" + GOOD_ROW + "\nth-b,Trường B, Hà Nội,primary,cau-dien,300,10\n"
    result = import_schools(csv_upload(text))
    assert not result.ok
    assert 3 in error_lines(result)
    assert "double quotes" in result.errors[0].message
    assert snapshot() == before


def test_read_table_normalises_header_bom_case_spaces_and_aliases():
    text = "\ufeff Code ,NAME,Level,Area Code,Enrollment\nth-a, Trường A ,primary,cau-dien,12\n"
    columns = [
        Column("code", True, ""),
        Column("name", True, ""),
        Column("level", True, ""),
        Column("area_code", True, ""),
        Column("enrolment", False, "", aliases=("enrollment",)),
    ]
    table = read_table(csv_upload(text, bom=True), columns)
    assert [(row.line, row.values) for row in table.rows] == [
        (2, {"code": "th-a", "name": "Trường A", "level": "primary", "area_code": "cau-dien", "enrolment": "12"})
    ]


def test_read_table_keeps_physical_line_numbers_across_blank_and_multiline_rows():
    text = 'code,name\r\n\r\na,"two\r\nlines"\r\n\r\nb,B\r\n'
    table = read_table(csv_upload(text), [Column("code", True, ""), Column("name", True, "")])
    assert [(row.line, row["code"]) for row in table.rows] == [(3, "a"), (6, "b")]


def test_read_table_accepts_semicolons_from_excel_locales():
    table = read_table(csv_upload("code;name\na;Trường; B\n"), [Column("code", True, ""), Column("name", True, "")])
    assert table.rows[0].values == {"code": "a", "name": "Trường"}
    assert table.errors == [(2, table.errors[0][1])]


def test_read_table_notes_unknown_columns_and_extra_sheets():
    upload = xlsx_upload([["code", "ghi chú"], ["a", "x"]], sheets=2)
    table = read_table(upload, [Column("code", True, "")])
    assert [row.values for row in table.rows] == [{"code": "a"}]
    assert [message for _line, message in table.notes] == [
        "Only the first sheet, “Dữ liệu”, was read.",
        "Unknown column(s) ignored: ghi chú.",
    ]


def test_read_table_xlsx_numbers_and_blank_rows():
    upload = xlsx_upload([["code", "n"], [None, None], ["a", 1250.0], [12, 3]])
    table = read_table(upload, [Column("code", True, ""), Column("n", True, "")])
    assert [(row.line, row.values) for row in table.rows] == [
        (3, {"code": "a", "n": "1250"}),
        (4, {"code": "12", "n": "3"}),
    ]


def test_read_table_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr("schools.imports.reading.MAX_UNPACKED_BYTES", 1000)
    upload = xlsx_upload([["code"], ["a" * 2000]])
    with pytest.raises(ImportFileError, match="too large once unpacked"):
        read_table(upload, [Column("code", True, "")])

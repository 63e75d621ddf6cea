"""A file (CSV in UTF-8, or XLSX) → a table of rows, each with its line number.

Contract: `read_table` either returns a `Table` or raises `ImportFileError` with a
message for the person who made the file; it never lets a parser error through.
Line numbers are those a spreadsheet shows: the header is line 1, blank lines count
but are skipped. Cell text is NFC-normalised and trimmed; header names are trimmed,
lowercased, and spaces or hyphens become underscores ("Area code" → "area_code"). A data
row holding a control character (NUL and the like; tab and line breaks are allowed) is
an error of its line and is left out of the rows.

Limits are checked before parsing: the file size (settings.IMPORT_MAX_BYTES, from
`file.size`, so a 50 MB upload is refused unread), the unpacked size of an XLSX (a
zip bomb is refused), and the number of data rows (settings.IMPORT_MAX_ROWS).
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from home.text import has_control_characters

DEFAULT_MAX_ROWS = 5000
MAX_COLUMNS = 64
# An XLSX is a zip: its unpacked XML may be much larger than the file, but not this much.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024

# A quick first look for what home.text.has_control_characters refuses (C0 but tab and line breaks, DEL).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, and password-protected .xlsx
_OTHER_BINARY = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")


class ImportFileError(Exception):
    """The file as a whole cannot be used; `line` is set when one line is to blame."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str
    aliases: tuple[str, ...] = ()


@dataclass
class Row:
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class Table:
    rows: list[Row]
    errors: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int | None, str]] = field(default_factory=list)


def max_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", 5 * 1024 * 1024)


def max_rows() -> int:
    return getattr(settings, "IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)


def background_rows() -> int:
    """Files with more data rows than this are imported by a background job."""
    return getattr(settings, "IMPORT_BACKGROUND_ROWS", 2000)


def rough_row_count(file) -> int:
    """The number of data rows, counted cheaply to choose between the request and a job:
    non-blank lines minus the header for a CSV (a quoted line break counts twice), the
    sheet's rows for an XLSX. A damaged file counts 0: the import itself says what is wrong.
    """
    file.seek(0)
    data = file.read(max_bytes() + 1)
    file.seek(0)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data.startswith(b"PK\x03\x04"):
        return max(sum(1 for line in data.splitlines() if line.strip()) - 1, 0)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = sheet.max_row or sum(1 for _row in sheet.iter_rows(values_only=True))
        finally:
            workbook.close()
    except Exception:  # noqa: BLE001 - any damage is reported by read_table
        return 0
    return max(rows - 1, 0)


def size_error(size: int) -> str | None:
    """The message for a file over the limit, or None. Used by the upload form too."""
    if size > max_bytes():
        return _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files.") % {
            "size": filesizeformat(size),
            "limit": filesizeformat(max_bytes()),
        }
    return None


def read_table(file, columns: list[Column]) -> Table:
    """Read an uploaded or opened file into rows keyed by the known column names."""
    size = getattr(file, "size", None)
    if size is not None and (message := size_error(size)):
        raise ImportFileError(message)
    file.seek(0)
    data = file.read(max_bytes() + 1)
    if isinstance(data, str):  # a text-mode file: it is already decoded
        data = data.encode("utf-8")
    if message := size_error(len(data)):
        raise ImportFileError(message)
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        records, notes = _xlsx_records(data)
    else:
        _refuse_binary(data)
        records, notes = _csv_records(data)
    table = _table_from_records(records, columns)
    table.notes[:0] = notes
    return table


# --- CSV -----------------------------------------------------------------------------


def _refuse_binary(data: bytes) -> None:
    if data.startswith(_UTF16_BOMS):
        raise ImportFileError(_not_utf8_message())
    if data.startswith(_OLE2):
        raise ImportFileError(
            _(
                "This is an old Excel file (.xls) or a workbook protected by a password. "
                "Open it in Excel and save it as “Excel Workbook (.xlsx)” or “CSV UTF-8”, without a password."
            )
        )
    if data.startswith(_OTHER_BINARY) or _looks_binary(data[:8192]):
        raise ImportFileError(_neither_message())


def _looks_binary(sample: bytes) -> bool:
    """NUL in the header line, or many of them: binary (or UTF-16 without a BOM).

    A stray NUL in a data row is that row's error instead (`_table_from_records`).
    """
    return b"\x00" in sample.split(b"\n", 1)[0] or sample.count(b"\x00") * 100 > len(sample)


def _not_utf8_message(line: int | None = None) -> str:
    advice = _("In Excel choose File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)”, or upload the .xlsx file.")
    if line is None:
        return _("The file is not saved as UTF-8.") + " " + advice
    return (
        _("The file is not saved as UTF-8 (the first unreadable character is on line %(line)s).") % {"line": line}
        + " "
        + advice
    )


def _neither_message() -> str:
    return _("This file is neither a CSV file nor an Excel workbook (.xlsx). Upload a .csv (UTF-8) or .xlsx file.")


def _csv_records(data: bytes):
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_not_utf8_message(data[: exc.start].count(b"\n") + 1)) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ","
    if "," not in first_line:  # Excel in some locales writes ";", "Unicode text" writes tabs
        delimiter = ";" if ";" in first_line else ("\t" if "\t" in first_line else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    end_of_previous = 0
    try:
        for record in reader:
            records.append((end_of_previous + 1, record))
            end_of_previous = reader.line_num
            if len(records) > _physical_line_cap():
                raise _too_many_rows()
    except csv.Error:
        raise ImportFileError(
            _("Line %(line)s cannot be read as CSV (an unclosed quote or a cell that is too long).")
            % {"line": end_of_previous + 1},
            line=end_of_previous + 1,
        ) from None
    return records, []


def _physical_line_cap() -> int:
    """Blank lines are skipped but still read: stop reading somewhere."""
    return max_rows() * 4 + 1000


def _too_many_rows() -> ImportFileError:
    return ImportFileError(_("The file has more than %(max)s rows. Split it into smaller files.") % {"max": max_rows()})


# --- XLSX ----------------------------------------------------------------------------


def _xlsx_records(data: bytes):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportFileError(_neither_message()) from None
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise ImportFileError(_neither_message())
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(_("This workbook is too large once unpacked. Save only the needed sheet as CSV UTF-8."))

    from openpyxl import load_workbook

    notes = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, XML and zip errors) on a damaged file
        raise ImportFileError(_damaged_message()) from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise ImportFileError(_("The workbook has no worksheet."))
        sheet = sheets[0]
        if len(sheets) > 1:
            notes.append((None, _("Only the first sheet, “%(sheet)s”, was read.") % {"sheet": sheet.title}))
        records = []
        for line, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            records.append((line, [_cell_text(value) for value in values]))
            if line > _physical_line_cap():
                raise _too_many_rows()
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(_damaged_message()) from None
    finally:
        workbook.close()
    return records, notes


def _damaged_message() -> str:
    return _(
        "This Excel file cannot be read: it may be damaged. "
        "Open it in Excel and save it again, or save it as CSV UTF-8."
    )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- Both ----------------------------------------------------------------------------


def clean_text(value: str) -> str:
    if value.isascii():  # nothing to normalise: the common case, kept fast for large files
        return value.strip()
    return unicodedata.normalize("NFC", value.replace("\ufeff", "")).strip()


def header_name(value: str) -> str:
    name = clean_text(value).lower()
    for sep in (" ", "-"):
        name = name.replace(sep, "_")
    while "__" in name:
        name = name.replace("__", "_")
    return name


def _table_from_records(records, columns: list[Column]) -> Table:
    records = [(line, [clean_text(cell) for cell in cells]) for line, cells in records]
    records = [(line, cells) for line, cells in records if any(cells)]
    if not records:
        raise ImportFileError(_("The file is empty."))
    header_line, header = records[0]
    positions, notes = _header_positions(header_line, header, columns)
    data = records[1:]
    if not data:
        raise ImportFileError(_("The file has a header row but no data rows."))
    if len(data) > max_rows():
        raise _too_many_rows()
    table = Table(rows=[], notes=notes)
    width = len(header)
    for line, cells in data:
        if any(cells[width:]):
            table.errors.append(
                (
                    line,
                    _(
                        "This row has more values than the header has columns. "
                        "If a value contains a comma, put it in double quotes."
                    ),
                )
            )
        if _CONTROL.search("".join(cells)) and any(has_control_characters(cell) for cell in cells):
            # Not validated further: a NUL would reach the database (PostgreSQL refuses it).
            table.errors.append((line, _control_message()))
            continue
        values = {name: (cells[i] if i < len(cells) else "") for name, i in positions.items()}
        table.rows.append(Row(line=line, values=values))
    return table


def _control_message() -> str:
    return _(
        "This row holds an invisible control character (such as NUL), often left by another program. "
        "Retype the row's values or save the file again as CSV UTF-8."
    )


def _header_positions(line: int, header: list[str], columns: list[Column]):
    known = {}
    for column in columns:
        known[column.name] = column.name
        for alias in column.aliases:
            known[alias] = column.name
    positions: dict[str, int] = {}
    ignored = []
    for i, cell in enumerate(header):
        name = header_name(cell)
        if not name:
            continue
        column = known.get(name)
        if column is None:
            ignored.append(cell)
        elif column in positions:
            raise ImportFileError(_("The column “%(column)s” appears twice in the header.") % {"column": column}, line)
        else:
            positions[column] = i
    missing = [c.name for c in columns if c.required and c.name not in positions]
    if missing:
        raise ImportFileError(
            _("Missing required column(s): %(missing)s. The header row must name the columns: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ",".join(c.name for c in columns)},
            line,
        )
    notes = []
    if ignored:
        notes.append((line, _("Unknown column(s) ignored: %(columns)s.") % {"columns": ", ".join(ignored)}))
    return positions, notes

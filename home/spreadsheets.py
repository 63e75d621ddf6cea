"""The one way the platform writes a spreadsheet (XLSX or CSV): every cell goes through
`escape_cell`, so a school name, a student's name or an entry title such as
`=HYPERLINK("http://x","y")` reaches Excel or LibreOffice as text, never as a formula.

The rule is OWASP's (CSV injection): a text cell that begins with `=`, `+`, `-`, `@`, a tab
or a carriage return gets a leading single quote. Numbers, dates, booleans and None keep
their type, so numeric columns still sort and sum (a negative *number* stays a number).
openpyxl would also store a string that begins with `=` as a formula; escaped strings never
do, and `append_row` forces every text cell it writes to the string type (`"s"`) besides.

No export of ours writes a formula on purpose; one that must should write that cell itself
and say why beside it.
"""

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import Workbook

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RISKY_FIRST = ("=", "+", "-", "@", "\t", "\r")
TYPED = (int, float, Decimal, datetime.date, datetime.datetime, datetime.time, datetime.timedelta)


def escape_cell(value):
    """The value as a spreadsheet may hold it: typed values unchanged, anything else as text,
    with a `'` before a text that a spreadsheet would run as a formula."""
    if value is None or isinstance(value, TYPED):
        return value
    text = str(value)
    return "'" + text if text.startswith(RISKY_FIRST) else text


def escape_row(row) -> list:
    return [escape_cell(value) for value in row]


def new_workbook(title: str) -> tuple[Workbook, object]:
    """A workbook and its first sheet, named `title` cut to Excel's 31 characters."""
    book = Workbook()
    sheet = book.active
    sheet.title = str(title)[:31]
    return book, sheet


def append_row(sheet, row) -> None:
    """Append one row of escaped cells to an openpyxl sheet; its text cells are strings."""
    values = escape_row(row)
    sheet.append(values)
    if not values:
        return
    number = sheet.max_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            sheet.cell(row=number, column=column).data_type = "s"


def append_rows(sheet, rows) -> None:
    for row in rows:
        append_row(sheet, row)


def workbook_bytes(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bytes(rows, *, title: str) -> bytes:
    """A one-sheet workbook of `rows`, every cell escaped."""
    book, sheet = new_workbook(title)
    append_rows(sheet, rows)
    return workbook_bytes(book)


def csv_text(rows, **writer_options) -> str:
    """The rows as CSV text (no BOM), every cell escaped; options go to `csv.writer`."""
    out = io.StringIO()
    writer = csv.writer(out, **writer_options)
    for row in rows:
        writer.writerow(escape_row(row))
    return out.getvalue()

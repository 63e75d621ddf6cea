"""Helpers shared by the import tests (no tests here): files in memory and a snapshot of the tables."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from home.models import User
from schools.models import Area, Classroom, Membership, School, SchoolYearProfile, Student

SCHOOL_HEADER = "code,name,level,area_code,enrolment,classes"
USER_HEADER = "username,full_name,role,school_code,class_name,email"


def csv_upload(text: str, *, bom: bool = False, encoding: str = "utf-8", name: str = "import.csv"):
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    return SimpleUploadedFile(name, data, content_type="text/csv")


def xlsx_bytes(rows, *, sheets: int = 1) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Dữ liệu"
    for row in rows:
        sheet.append(row)
    for n in range(1, sheets):
        workbook.create_sheet(f"Other {n}").append(["ignored"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_upload(rows, **kwargs):
    return SimpleUploadedFile(
        "import.xlsx",
        xlsx_bytes(rows, **kwargs),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def snapshot() -> dict:
    """Row counts of every table an import may write, to assert that nothing changed."""
    return {
        "areas": Area.objects.count(),
        "schools": School.objects.count(),
        "profiles": SchoolYearProfile.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "classrooms": Classroom.objects.count(),
        "students": Student.objects.count(),
    }


def error_lines(result) -> list:
    """Every (line) of the errors, in the order reported, file-level errors as None."""
    return [problem.line for problem in result.errors]


class HugeUpload:
    """An upload that announces 50 MB and fails the test if anything reads it."""

    name = "huge.csv"
    size = 50 * 1024 * 1024

    def read(self, *args):
        raise AssertionError("a file over the limit must not be read")

    def seek(self, *args):
        raise AssertionError("a file over the limit must not be read")

    def chunks(self, *args):
        raise AssertionError("a file over the limit must not be read")

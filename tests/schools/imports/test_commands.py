"""manage.py import_schools / import_users: a summary and exit 0, or every error and CommandError."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from schools.models import School, SchoolYearProfile
from tests.schools.imports.test_support import SCHOOL_HEADER, USER_HEADER, snapshot, xlsx_bytes


def run(command, path, *args):
    out, err = StringIO(), StringIO()
    call_command(command, str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_schools_command_good_file_exits_zero(world, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_bytes(b"\xef\xbb\xbf" + f"{SCHOOL_HEADER}\r\nth-x,Trường X,Tiểu học,cau-dien,120,5\r\n".encode())
    out, err = run("import_schools", path)
    assert err == ""
    assert out == (
        "Số học sinh và số lớp được ghi vào năm học 2022-2023.\n"
        "Đã nhập 1 dòng: 1 tạo mới, 0 cập nhật, 0 không thay đổi.\n"
    )
    assert School.objects.filter(code="th-x").exists()


def test_import_users_command_good_xlsx_exits_zero(world, tmp_path):
    path = tmp_path / "users.xlsx"
    path.write_bytes(xlsx_bytes([USER_HEADER.split(","), ["mai", "Đỗ Thị Mai", "giáo viên", "thcs-cau-dien"]]))
    before = snapshot()
    out, _err = run("import_users", path)
    assert out == "Đã nhập 1 dòng: 1 tạo mới, 0 cập nhật, 0 không thay đổi.\n"
    assert snapshot()["users"] == before["users"] + 1


def test_import_schools_command_bad_file_raises_and_writes_nothing(world, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,,\nth-y,Trường Y,primary,khong-co,,\n")
    before = snapshot()
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_schools", str(path), stdout=StringIO(), stderr=err)
    assert snapshot() == before
    assert err.getvalue().count("\n") == 1
    assert "khong-co" in err.getvalue()


def test_import_users_command_prints_every_error_in_vietnamese(world, tmp_path):
    path = tmp_path / "users.csv"
    path.write_text(
        f"{USER_HEADER}\n"
        "lan,Nguyễn Lan,giáo viên,khong-co,,\n"
        "an,Trần An,học sinh,thcs-cau-dien,6A1,an@example.org\n"
        "lan,Nguyễn Lan,giáo viên,thcs-cau-dien,,\n",
        encoding="utf-8",
    )
    before = snapshot()
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_users", str(path), stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "Dòng 2: Không có trường nào mã “khong-co”.",
        "Dòng 3: Học sinh không được có địa chỉ e-mail: hệ thống không thu thập e-mail của trẻ em. "
        "Hãy để trống ô email.",
        "Dòng 4: Tên đăng nhập “lan” đã có ở dòng 2.",
    ]
    assert str(raised.value) == "Chưa nhập gì: tìm thấy 3 lỗi ở 3 dòng."
    assert snapshot() == before


def test_import_schools_command_bad_encoding_says_utf8_in_vietnamese(world, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_bytes(
        f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,,\n".replace("Trường", "École").encode("latin-1")
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_schools", str(path), stdout=StringIO(), stderr=err)
    assert err.getvalue().startswith(
        "Tệp chưa được lưu ở dạng mã hoá UTF-8 (ký tự đầu tiên không đọc được nằm ở dòng 2)."
    )


def test_import_command_missing_file_raises(db, tmp_path):
    with pytest.raises(CommandError, match="khong-co.csv"):
        run("import_schools", tmp_path / "khong-co.csv")


def test_import_command_dry_run_writes_nothing(world, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,,\n", encoding="utf-8")
    before = snapshot()
    out, _err = run("import_schools", path, "--dry-run")
    assert snapshot() == before
    assert out.splitlines()[-1] + "\n" == "Tệp hợp lệ: 1 sẽ được tạo mới, 0 sẽ được cập nhật, 0 không thay đổi.\n"


def test_import_schools_command_files_figures_under_the_year_asked(world, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,120,5\n", encoding="utf-8")

    out, _err = run("import_schools", path, "--year", "2024-2025")

    assert out.startswith("Số học sinh và số lớp được ghi vào năm học 2024-2025.\n")
    assert SchoolYearProfile.objects.get(school__code="th-x").year.name == "2024-2025"


def test_import_schools_command_refuses_a_bad_year(world, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(f"{SCHOOL_HEADER}\nth-x,Trường X,primary,cau-dien,120,5\n", encoding="utf-8")

    with pytest.raises(CommandError, match="2023-2024"):
        run("import_schools", path, "--year", "2024")
    assert not School.objects.filter(code="th-x").exists()

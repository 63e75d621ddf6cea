"""The organisers' import of a showcase's entries (contests/entries/imports.py)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from contests.entries.imports import import_entries
from contests.enums import ContestKind, EntryStatus
from contests.models import Entry, EntryMember
from schools.models import Student
from tests.factories import SchoolFactory
from tests.factories.contests import ContestFactory
from tests.factories.programmes import EnrolmentFactory

HEADER = "code,title,school_code,members\n"


def _csv(text: str, name="bai-du-thi.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def contest(world):
    return ContestFactory(programme=world.programme, code_prefix="NTL", kind=ContestKind.INITIATIVE)


def _state():
    return (
        list(Entry.objects.values_list("code", "title", "school__code", "status").order_by("pk")),
        list(EntryMember.objects.values_list("entry__code", "student__display_name", "is_lead").order_by("pk")),
        list(Student.objects.values_list("display_name", "classroom__name").order_by("pk")),
    )


def test_import_keeps_the_showcase_codes_and_finds_or_makes_the_team(world, contest):
    text = HEADER + (
        "NTL-01,Tái chế chai nhựa,thcs-cau-dien,Trần Minh An (6A1); Nguyễn Văn Bình (7A3)\n"
        "ntl-02,Nói không với túi ni lông,THCS-CAU-DIEN,Nguyễn Văn Bình (7A3)\n"
    )
    outcome = import_entries(_csv(text), contest=contest, user=world.organiser)
    assert outcome.result.ok, outcome.result.errors
    assert (outcome.result.created, outcome.result.updated, outcome.result.unchanged) == (2, 0, 0)
    assert outcome.students_added == 1
    entries = {e.code: e for e in Entry.objects.filter(contest=contest)}
    assert set(entries) == {"NTL-01", "NTL-02"}
    first = entries["NTL-01"]
    assert (first.status, first.submitted_by, first.endorsed_by) == (
        EntryStatus.ENDORSED,
        world.organiser,
        world.organiser,
    )
    team = list(first.members.order_by("-is_lead", "pk").values_list("student__display_name", "is_lead"))
    assert team == [("Trần Minh An", True), ("Nguyễn Văn Bình", False)]
    assert first.members.get(is_lead=True).student == world.student  # found by name and class
    binh = Student.objects.get(display_name="Nguyễn Văn Bình")
    assert (binh.school, binh.classroom.name, binh.user, binh.consent_child) == (world.school, "7A3", None, False)
    assert entries["NTL-02"].members.get().student == binh  # one child in two teams


def test_rows_without_code_are_numbered_after_the_coded_ones(world, contest):
    text = HEADER + ",Sáng kiến A,thcs-cau-dien,\nNTL-005,Sáng kiến B,thcs-cau-dien,\n,Sáng kiến C,thcs-cau-dien,\n"
    outcome = import_entries(_csv(text), contest=contest, user=world.organiser)
    assert outcome.result.ok, outcome.result.errors
    codes = dict(Entry.objects.filter(contest=contest).values_list("title", "code"))
    assert codes == {"Sáng kiến B": "NTL-005", "Sáng kiến A": "NTL-006", "Sáng kiến C": "NTL-007"}


def test_importing_the_same_file_twice_changes_nothing(world, contest):
    text = HEADER + "NTL-01,Tái chế,thcs-cau-dien,Lê Văn Cường (7A3)\n,Không mã,thcs-cau-dien,Lê Văn Cường (7A3)\n"
    import_entries(_csv(text), contest=contest, user=world.organiser)
    before = _state()
    outcome = import_entries(_csv(text), contest=contest, user=world.organiser)
    assert outcome.result.ok, outcome.result.errors
    assert (outcome.result.created, outcome.result.updated, outcome.result.unchanged) == (0, 0, 2)
    assert outcome.students_added == 0
    assert _state() == before


def test_a_changed_title_updates_until_the_entry_is_checked(world, contest):
    import_entries(_csv(HEADER + "NTL-01,Tái chế,thcs-cau-dien,\n"), contest=contest, user=world.organiser)
    outcome = import_entries(
        _csv(HEADER + "NTL-01,Tái chế rác,thcs-cau-dien,\n"), contest=contest, user=world.organiser
    )
    assert (outcome.result.created, outcome.result.updated) == (0, 1)
    Entry.objects.filter(code="NTL-01").update(status=EntryStatus.ELIGIBLE)
    outcome = import_entries(_csv(HEADER + "NTL-01,Đổi nữa,thcs-cau-dien,\n"), contest=contest, user=world.organiser)
    assert not outcome.result.ok
    assert str(outcome.result.errors[0]) == (
        "Dòng 2: Bài NTL-01 đang ở trạng thái “Hợp lệ”: không thể sửa bằng tệp nhập nữa."
    )
    assert Entry.objects.get(code="NTL-01").title == "Tái chế rác"


def test_every_bad_row_is_listed_in_vietnamese_and_nothing_is_imported(world, contest):
    EnrolmentFactory(programme=world.programme, school=SchoolFactory(code="mam-non", level="preschool"))
    contest.eligible_levels = ["lower_secondary"]
    contest.save()
    text = HEADER + (
        "NTL-01,Đúng,thcs-cau-dien,Trần Minh An (6A1)\n"  # line 2 fine
        "NTL 02,Mã sai,thcs-cau-dien,\n"  # 3: bad code
        "ntl-01,Mã trùng,thcs-cau-dien,\n"  # 4: code twice
        "NTL-04,Trường lạ,khong-co,\n"  # 5: unknown school
        "NTL-05,Trường ngoài,thcs-hang-bac,\n"  # 6: not enrolled
        "NTL-06,Mầm non,mam-non,\n"  # 7: level not eligible
        "NTL-07,,thcs-cau-dien,\n"  # 8: no title
        "NTL-08,Đội sai,thcs-cau-dien,Nguyễn Văn A\n"  # 9: member without class
        "NTL-09,Email,thcs-cau-dien,a@b.vn (7A1)\n"  # 10: an e-mail as a name
    )
    outcome = import_entries(_csv(text), contest=contest, user=world.organiser)
    result = outcome.result
    assert not result.ok
    assert result.error_lines == [3, 4, 5, 6, 7, 8, 9, 10]
    messages = [str(p) for p in result.errors]
    assert messages[0].startswith("Dòng 3: ")
    assert "NTL-01" in messages[1] and "dòng 2" in messages[1]
    assert Entry.objects.count() == 0
    assert Student.objects.filter(display_name="Nguyễn Văn A").count() == 0


def test_a_dry_run_counts_but_writes_nothing(world, contest):
    before = _state()
    outcome = import_entries(
        _csv(HEADER + "NTL-01,Tái chế,thcs-cau-dien,Lê Văn Cường (7A3)\n"),
        contest=contest,
        user=world.organiser,
        dry_run=True,
    )
    assert outcome.result.ok and outcome.result.created == 1 and outcome.students_added == 1
    assert [r.code for r in outcome.records] == ["NTL-01"]
    assert _state() == before


def test_a_slogan_contest_needs_the_slogan_within_its_length(world):
    contest = ContestFactory(programme=world.programme, code_prefix="KH", kind=ContestKind.SLOGAN, slogan_max_length=20)
    text = "code,school_code,slogan\nKH-1,thcs-cau-dien,Xanh trường em\nKH-2,thcs-cau-dien,\nKH-3,thcs-cau-dien," + (
        "x" * 21 + "\n"
    )
    outcome = import_entries(_csv(text), contest=contest, user=world.organiser)
    assert outcome.result.error_lines == [3, 4]
    outcome = import_entries(
        _csv("code,school_code,slogan\nKH-1,thcs-cau-dien,Xanh trường em\n"), contest=contest, user=world.organiser
    )
    assert outcome.result.ok
    assert Entry.objects.get(contest=contest).text == "Xanh trường em"


def test_an_xlsx_file_is_read_like_a_csv(world, contest):
    book = Workbook()
    sheet = book.active
    sheet.append(["Code", "Title", "School code", "Members"])
    sheet.append(["NTL-01", "Tái chế", "thcs-cau-dien", "Trần Minh An (6A1)"])
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("ds.xlsx", out.getvalue())
    outcome = import_entries(upload, contest=contest, user=world.organiser)
    assert outcome.result.ok, outcome.result.errors
    assert Entry.objects.get(contest=contest).code == "NTL-01"

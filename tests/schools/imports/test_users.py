"""Importing users: validation of every row, memberships, students, welcome e-mails, idempotency."""

import time

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation

from home.models import User
from schools.enums import Role
from schools.imports import import_users
from schools.models import Classroom, Membership, Student
from schools.services import school_year_current
from tests.factories import ClassroomFactory, StudentFactory, UserFactory
from tests.schools.imports.test_support import USER_HEADER, csv_upload, error_lines, snapshot, xlsx_upload

GOOD = (
    USER_HEADER + "\r\n"
    "lan.nguyen,Nguyễn Thị Lan,giáo viên,thcs-cau-dien,,Lan.Nguyen@Example.edu.vn\r\n"
    "an.tran.6a2,Trần Minh An,học sinh,thcs-cau-dien,6a2,\r\n"
    "binh.le,Lê Văn Bình,student,thcs-hang-bac,7B2,\r\n"
    "ha.pham,Phạm Thu Hà,cán bộ,nam-tu-liem,,ha.pham@example.gov.vn\r\n"
    "hoa.le,Lê Văn Hoà,Giám khảo,,,hoa.le@example.org\r\n"
)


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English (their msgids), whatever catalogue is compiled."""
    with translation.override("en"):
        yield


def refused(text, lines):
    before = snapshot()
    result = import_users(csv_upload(text))
    assert not result.ok
    assert error_lines(result) == lines
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert snapshot() == before
    return result


def roles(username):
    return sorted(
        (m.role, m.school.code if m.school else None, m.area.code if m.area else None)
        for m in Membership.objects.filter(user__username=username).select_related("school", "area")
    )


def test_import_users_good_csv_creates_accounts_memberships_and_students(world, django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        result = import_users(csv_upload(GOOD))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (5, 0, 0)
    after = snapshot()
    assert after["users"] == before["users"] + 5
    assert after["memberships"] == before["memberships"] + 5
    assert after["students"] == before["students"] + 2
    assert after["classrooms"] == before["classrooms"] + 2  # 6A2 here, 7B2 of this school year there
    lan = User.objects.get(username="lan.nguyen")
    assert (lan.full_name, lan.email, lan.has_usable_password()) == (
        "Nguyễn Thị Lan",
        "lan.nguyen@example.edu.vn",
        False,
    )
    assert roles("lan.nguyen") == [(Role.TEACHER, "thcs-cau-dien", None)]
    assert roles("ha.pham") == [(Role.OFFICER, None, "nam-tu-liem")]
    assert roles("hoa.le") == [(Role.JUDGE, None, None)]
    an = Student.objects.select_related("classroom").get(user__username="an.tran.6a2")
    assert (an.display_name, an.school, an.classroom.name, an.classroom.year) == (
        "Trần Minh An",
        world.school,
        "6A2",
        school_year_current(),
    )
    assert User.objects.get(username="an.tran.6a2").email == ""
    assert roles("an.tran.6a2") == [(Role.STUDENT, "thcs-cau-dien", None)]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ha.pham@example.gov.vn",
        "hoa.le@example.org",
        "lan.nguyen@example.edu.vn",
    ]


def test_import_users_welcome_email_is_vietnamese_with_a_password_link(world, django_capture_on_commit_callbacks):
    with translation.override("en"):  # an organiser reading English still sends Vietnamese e-mails
        with django_capture_on_commit_callbacks(execute=True):
            import_users(
                csv_upload(f"{USER_HEADER}\nlan.nguyen,Nguyễn Thị Lan,teacher,thcs-cau-dien,,lan@example.org\n")
            )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    lan = User.objects.get(username="lan.nguyen")
    with translation.override("vi"):
        context = {"user": lan, "site_name": "Trường học Xanh"}
        expected_subject = render_to_string("schools/email/welcome_subject.txt", context).strip()
    assert message.subject == expected_subject
    assert message.to == ["lan@example.org"]
    assert "http://testserver/accounts/password/reset/" in message.body
    assert "lan.nguyen" in message.body
    assert lan.welcome_sent_at is not None


def test_import_users_good_xlsx(world, django_capture_on_commit_callbacks):
    rows = [line.split(",") for line in GOOD.strip().split("\r\n")]
    with django_capture_on_commit_callbacks(execute=True):
        result = import_users(xlsx_upload(rows))
    assert result.ok, result.errors
    assert result.created == 5
    assert len(mail.outbox) == 3


def test_import_users_good_csv_with_bom(world):
    result = import_users(csv_upload(GOOD, bom=True))
    assert result.ok, result.errors
    assert result.created == 5


def test_import_users_same_file_twice_changes_nothing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_users(csv_upload(GOOD))
    after_first = snapshot()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = import_users(csv_upload(GOOD))
    assert result.ok
    assert (result.created, result.updated, result.unchanged) == (0, 0, 5)
    assert result.notes == []
    assert callbacks == []
    assert snapshot() == after_first
    assert len(mail.outbox) == 3


def test_import_users_existing_user_gets_the_missing_membership(world):
    result = import_users(csv_upload(f"{USER_HEADER}\nTEACHER,Another Name,giám khảo,,,\n"))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    assert [str(note) for note in result.notes] == [
        "Line 2: “teacher” already exists as “Nguyễn Thị Giáo Viên”: that name was kept."
    ]
    result = import_users(csv_upload(f"{USER_HEADER}\nteacher,Nguyễn Thị Giáo Viên,teacher,thcs-hang-bac,,\n"))
    assert (result.created, result.updated, result.unchanged, result.notes) == (0, 1, 0, [])
    assert roles("teacher") == [
        (Role.JUDGE, None, None),
        (Role.TEACHER, "thcs-cau-dien", None),
        (Role.TEACHER, "thcs-hang-bac", None),
    ]
    world.teacher.refresh_from_db()
    assert world.teacher.full_name == "Nguyễn Thị Giáo Viên"


def test_import_users_existing_judge_with_a_programme_is_unchanged(world):
    result = import_users(csv_upload(f"{USER_HEADER}\njudge,Vũ Giám Khảo,judge,,,judge@example.org\n"))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)


def test_import_users_existing_student_moves_class_in_the_same_school(world):
    result = import_users(csv_upload(f"{USER_HEADER}\nstudent,Trần Minh An,học sinh,thcs-cau-dien,7A1,\n"))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    world.student.refresh_from_db()
    assert world.student.classroom.name == "7A1"
    assert Student.objects.filter(user=world.student_user).count() == 1


def test_import_users_links_a_student_typed_in_before(world):
    classroom = ClassroomFactory(school=world.school, year=school_year_current(), name="6A3")
    unlinked = StudentFactory(classroom=classroom, display_name="Lê Thu Trang")
    before = snapshot()
    result = import_users(csv_upload(f"{USER_HEADER}\ntrang.6a3,Lê Thu Trang,học sinh,thcs-cau-dien,6a3,\n"))
    assert result.created == 1
    unlinked.refresh_from_db()
    assert unlinked.user.username == "trang.6a3"
    assert snapshot()["students"] == before["students"]


def test_import_users_bad_role(world):
    text = f"{USER_HEADER}\nlan,Lan,giáo viên,thcs-cau-dien,,\nx,X,hiệu trưởng,thcs-cau-dien,,\ny,Y,,,,\nz,Z,BTC,,,\n"
    result = refused(text, [3, 4, 5])
    assert [p.message for p in result.errors] == [
        "Unknown role “hiệu trưởng”. Use one of: giáo viên, học sinh, giám khảo, cán bộ.",
        "The role is missing. Use one of: giáo viên, học sinh, giám khảo, cán bộ.",
        "Organisers cannot be imported: an administrator grants that role in the back office.",
    ]


def test_import_users_unknown_school_code(world):
    result = refused(f"{USER_HEADER}\nlan,Lan,teacher,khong-co,,\n", [2])
    assert result.errors[0].message == "No school has the code “khong-co”."


def test_import_users_officer_needs_an_area_code(world):
    text = f"{USER_HEADER}\nha,Hà,officer,thcs-cau-dien,,\nhb,Hb,officer,,,\n"
    result = refused(text, [2, 3])
    assert result.errors[0].message.startswith("No area has the code “thcs-cau-dien”")


def test_import_users_duplicate_username_in_file(world):
    text = f"{USER_HEADER}\nlan,Lan,teacher,thcs-cau-dien,,\nmai,Mai,teacher,thcs-cau-dien,,\nLAN,Lan,judge,,,\n"
    result = refused(text, [4])
    assert result.errors[0].message == "The username “LAN” is also on line 2."


def test_import_users_student_with_email_is_refused(world):
    result = refused(f"{USER_HEADER}\nan,An,học sinh,thcs-cau-dien,6A1,an@example.org\n", [2])
    assert "must not have an e-mail address" in result.errors[0].message


def test_import_users_every_bad_row_is_reported_and_nothing_written(world):
    text = (
        f"{USER_HEADER}\n"
        "ok.teacher,Giáo Viên Tốt,teacher,thcs-cau-dien,,ok@example.org\n"  # 2: fine
        ",Không Tên,teacher,thcs-cau-dien,,\n"  # 3: no username
        "có dấu,Có Dấu,teacher,thcs-cau-dien,,\n"  # 4: bad username
        "no.name,,teacher,thcs-cau-dien,,\n"  # 5: no full name
        "no.class,Không Lớp,student,thcs-cau-dien,,\n"  # 6: student without class
        "no.school,Không Trường,teacher,,,\n"  # 7: teacher without school
        "judge.school,Giám Khảo,judge,thcs-cau-dien,,\n"  # 8: judge with a school
        "teacher.class,GV Lớp,teacher,thcs-cau-dien,6A1,\n"  # 9: class for a teacher
        "bad.mail,Sai Thư,teacher,thcs-cau-dien,,not-an-email\n"  # 10: bad e-mail
        "student,Trần Minh An,teacher,thcs-cau-dien,,\n"  # 11: a student's account as a teacher
        "teacher,Nguyễn Thị Giáo Viên,student,thcs-cau-dien,6A1,\n"  # 12: an adult's account as a student
        "ok.teacher,Trùng,teacher,thcs-cau-dien,,\n"  # 13: duplicate of line 2
    )
    result = refused(text, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    assert all(p.message for p in result.errors)


def test_import_users_student_of_another_school_is_refused(world):
    result = refused(f"{USER_HEADER}\nstudent,Trần Minh An,student,thcs-hang-bac,7B2,\n", [2])
    assert result.errors[0].message == (
        "“student” is already a student at Trường THCS Cầu Diễn: a student belongs to one school."
    )


def test_import_users_account_with_email_cannot_become_a_student(world):
    UserFactory(username="adult", email="adult@example.org")
    result = refused(f"{USER_HEADER}\nadult,Người Lớn,student,thcs-cau-dien,6A1,\n", [2])
    assert "adult's account" in result.errors[0].message


def test_import_users_dry_run_sends_nothing(world, django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = import_users(csv_upload(GOOD), dry_run=True)
    assert result.ok and result.created == 5
    assert callbacks == []
    assert mail.outbox == []
    assert snapshot() == before


@pytest.mark.parametrize("rows", [200])
def test_import_users_200_rows_takes_a_few_seconds(world, django_capture_on_commit_callbacks, rows):
    lines = [USER_HEADER]
    for n in range(rows):
        if n % 4 == 0:
            lines.append(f"gv{n},Giáo Viên {n},teacher,thcs-cau-dien,,gv{n}@example.org")
        else:
            lines.append(f"hs{n},Học Sinh {n},student,thcs-cau-dien,6A{n % 5},")
    text = "\n".join(lines)
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        result = import_users(csv_upload(text))
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = import_users(csv_upload(text))
    second = time.perf_counter() - started
    print(f"\nimport of {rows} users: {first:.2f} s; again (all unchanged): {second:.2f} s")
    assert result.created == rows and again.unchanged == rows
    assert len(mail.outbox) == rows // 4
    assert Classroom.objects.filter(school=world.school, year=school_year_current()).count() == 5
    assert first < 10 and second < 5


def test_import_users_unchanged_rows_cost_no_query_per_row(world, django_assert_max_num_queries):
    rows = "\n".join(f"hs{n},Học Sinh {n},student,thcs-cau-dien,6A1," for n in range(30))
    rows += "\n" + "\n".join(f"gv{n},Giáo Viên {n},teacher,thcs-cau-dien,," for n in range(10))
    import_users(csv_upload(f"{USER_HEADER}\n{rows}\n"))
    with django_assert_max_num_queries(12):
        result = import_users(csv_upload(f"{USER_HEADER}\n{rows}\n"))
    assert result.unchanged == 40

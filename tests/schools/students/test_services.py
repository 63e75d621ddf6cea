"""services_students and selectors_students called directly: contracts and all-or-nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from home.models import User
from schools.models import Classroom, Student
from schools.selectors import school_year_name_for
from schools.services import school_year_current
from schools.students.selectors import (
    duplicate_names,
    school_year_current_get,
    vietnamese_name_key,
)
from schools.students.services import (
    MAX_NAMES_PER_SUBMIT,
    classroom_add,
    login_cards_issue,
    student_deactivate,
    student_names_clean,
    students_add_bulk,
)
from tests.factories import ClassroomFactory, StudentFactory


def test_student_names_clean_trims_collapses_and_drops_blank_lines():
    assert student_names_clean(["  Lê  Văn   Tám ", "", "   ", "An"]) == ["Lê Văn Tám", "An"]


@pytest.mark.parametrize(
    ("names", "code"),
    [
        ([], "empty"),
        (["", " "], "empty"),
        ([f"HS {n}" for n in range(MAX_NAMES_PER_SUBMIT + 1)], "too_many"),
        (["x" * 121], "too_long"),
    ],
)
def test_student_names_clean_refuses_bad_lists(names, code):
    with pytest.raises(ValidationError) as error:
        student_names_clean(names)

    assert error.value.code == code


def test_students_add_bulk_returns_students_and_passwords_in_order(world):
    added = students_add_bulk(classroom=world.classroom, names=["Bình", "An"], with_logins=True)

    assert [s.display_name for s, _pw in added] == ["Bình", "An"]
    assert all(s.user.check_password(pw) for s, pw in added)


def test_students_add_bulk_without_logins_gives_no_passwords(world):
    added = students_add_bulk(classroom=world.classroom, names=["Bình"], with_logins=False)

    assert [(s.user, pw) for s, pw in added] == [(None, None)]


def test_students_add_bulk_refused_list_adds_nobody(world):
    with pytest.raises(ValidationError):
        students_add_bulk(classroom=world.classroom, names=["Bình", "y" * 200], with_logins=True)

    assert Student.objects.count() == 1
    assert User.objects.filter(username__startswith="binh").count() == 0


def test_classroom_add_refuses_a_name_used_this_year(world):
    classroom_add(school=world.school, name="6b2")

    with pytest.raises(ValidationError) as error:
        classroom_add(school=world.school, name="6B2")

    assert error.value.code == "duplicate"
    assert Classroom.objects.filter(school=world.school, name="6B2").count() == 1


def test_login_cards_issue_refuses_students_of_another_class(world):
    other = StudentFactory(classroom=ClassroomFactory(school=world.school, name="6A7"))

    with pytest.raises(ValidationError):
        login_cards_issue(classroom=world.classroom, students=[world.student, other])

    other.refresh_from_db()
    assert other.user is None


def test_login_cards_issue_refuses_an_empty_selection(world):
    with pytest.raises(ValidationError):
        login_cards_issue(classroom=world.classroom, students=[])


def test_student_deactivate_keeps_the_row(world):
    student_deactivate(student=world.student)

    world.student.refresh_from_db()
    assert world.student.active is False
    assert User.objects.get(pk=world.student_user.pk).is_active is False


def test_duplicate_names_compares_without_diacritics(world):
    assert duplicate_names(world.classroom, ["tran minh an", "Lê Hoa", "Le Hoa", "Mai"]) == ["tran minh an", "Le Hoa"]


def test_school_year_current_get_reads_what_the_service_creates(db):
    assert school_year_current_get() is None

    year = school_year_current()

    assert school_year_current_get() == year


@pytest.mark.parametrize(
    ("day", "name"), [("2026-11-26", "2026-2027"), ("2027-05-31", "2026-2027"), ("2027-08-01", "2027-2028")]
)
def test_school_year_name_for_matches_vietnamese_school_year(day, name):
    assert school_year_name_for(date.fromisoformat(day)) == name


def test_vietnamese_name_key_orders_by_given_name_then_vietnamese_alphabet():
    names = ["Trần Minh Đức", "Lê Văn Dũng", "Nguyễn Thị Ánh", "Phạm An", "Bùi Thị Ấn", "Đỗ Văn Ăn", "Vũ Văn An"]

    ordered = sorted(names, key=vietnamese_name_key)

    assert ordered == [
        "Phạm An",
        "Vũ Văn An",
        "Nguyễn Thị Ánh",
        "Đỗ Văn Ăn",
        "Bùi Thị Ấn",
        "Lê Văn Dũng",
        "Trần Minh Đức",
    ]

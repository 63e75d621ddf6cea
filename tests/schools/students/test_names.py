"""A student's name is only a name: e-mail addresses and phone numbers are refused by one
validator, wherever a name is entered (add form, services, admin, users import)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from schools.imports import import_users
from schools.models import Student
from schools.services import student_create
from schools.students.services import students_add_bulk
from schools.validators import validate_student_name
from tests.schools.imports.test_support import USER_HEADER, csv_upload, error_lines, snapshot

EMAILS = ["hs.binh@gmail.com", "Bình hs.binh@gmail.com", "binh@truong"]
PHONES = ["0912345678", "+84 912 345 678", "091.234.5678", "Bình 0912-345-678", "(024) 3826 1234"]
NAMES = ["Nguyễn Văn Bình", "Lê Thị Lan 2", "Trần An 6A1", "Phạm Hà (2015)", "Đỗ Minh Anh-Thư"]
EMAIL_MESSAGE = "giống một địa chỉ e-mail: chỉ nhập tên học sinh, không nhập e-mail."
PHONE_MESSAGE = "giống một số điện thoại: chỉ nhập tên học sinh, không nhập số điện thoại."
BAD = [*((name, "email_in_name") for name in EMAILS), *((name, "phone_in_name") for name in PHONES)]


@pytest.mark.parametrize(("name", "code"), BAD)
def test_validate_student_name_refuses_emails_and_phone_numbers(name, code):
    with pytest.raises(ValidationError) as error:
        validate_student_name(name)

    assert error.value.code == code


@pytest.mark.parametrize("name", NAMES)
def test_validate_student_name_accepts_names_with_short_numbers(name):
    validate_student_name(name)


# --- workspace: the add-students form -----------------------------------------------------------


def _classroom_url(world):
    return reverse("workspace:classroom", args=[world.school.pk, world.classroom.pk])


@pytest.mark.parametrize(("name", "code"), BAD)
def test_students_add_form_refuses_a_name_that_is_an_email_or_phone(world, client_for, name, code):
    before = Student.objects.count()

    response = client_for(world.teacher).post(
        _classroom_url(world), {"names": f"Lê Văn Tám\n{name}\nNgô Lan", "token": "t1"}
    )

    assert response.status_code == 400
    errors = response.context["add_form"].errors["names"]
    message = EMAIL_MESSAGE if code == "email_in_name" else PHONE_MESSAGE
    assert errors == [f"“{name}” {message}"]
    assert Student.objects.count() == before


@pytest.mark.parametrize(("name", "code"), BAD[:1] + BAD[-2:-1])
def test_students_add_bulk_refuses_the_whole_list(world, name, code):
    before = Student.objects.count()

    with pytest.raises(ValidationError) as error:
        students_add_bulk(classroom=world.classroom, names=["Lê Văn Tám", name], with_logins=True)

    assert error.value.code == code
    assert Student.objects.count() == before


def test_student_create_refuses_a_phone_number(world):
    with pytest.raises(ValidationError) as error:
        student_create(classroom=world.classroom, display_name="0912345678")

    assert [e.code for e in error.value.error_dict["display_name"]] == ["phone_in_name"]
    assert not Student.objects.filter(display_name="0912345678").exists()


# --- admin: add and edit -------------------------------------------------------------------------


def _admin_data(world, name):
    return {"display_name": name, "school": world.school.pk, "classroom": world.classroom.pk, "active": "on"}


@pytest.mark.parametrize("name", ["hs.binh@gmail.com", "+84 912 345 678"])
def test_admin_student_edit_refuses_an_email_or_phone_as_name(world, client_for, name):
    response = client_for(world.organiser).post(
        reverse("student:edit", args=[world.student.pk]), _admin_data(world, name)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"][0].startswith(f"“{name}” giống")
    assert Student.objects.get(pk=world.student.pk).display_name == "Trần Minh An"


def test_admin_student_add_refuses_a_phone_as_name(world, client_for):
    before = Student.objects.count()

    response = client_for(world.organiser).post(reverse("student:add"), _admin_data(world, "091.234.5678"))

    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    assert Student.objects.count() == before


# --- the users import --------------------------------------------------------------------------------


def test_import_users_student_named_by_email_or_phone_is_a_bad_row(world):
    text = (
        USER_HEADER + "\n"
        "hs.moi.an,Trần Văn An,học sinh,thcs-cau-dien,6A1,\n"
        "hs.moi.binh,hs.binh@gmail.com,học sinh,thcs-cau-dien,6A1,\n"
        "hs.moi.lan,0912345678,student,thcs-cau-dien,6A1,\n"
        "gv.moi.lan,Nguyễn Thị Lan,giáo viên,thcs-cau-dien,,lan.moi@example.edu.vn\n"
    )
    before = snapshot()

    result = import_users(csv_upload(text))

    assert error_lines(result) == [3, 4]
    assert [e.message for e in result.errors] == [
        f"“hs.binh@gmail.com” {EMAIL_MESSAGE}",
        f"“0912345678” {PHONE_MESSAGE}",
    ]
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert snapshot() == before

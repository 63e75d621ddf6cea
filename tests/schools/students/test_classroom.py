"""A class's page: who may open it, adding students in bulk, consent, deactivation, query counts."""

import unicodedata

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import User
from schools.models import Student
from tests.factories import ClassroomFactory, StudentFactory, UserFactory

STATUS_BY_ROLE = [
    ("anonymous", 302),
    ("organiser", 200),
    ("officer", 403),
    ("teacher", 200),
    ("other_teacher", 404),
    ("student", 403),
    ("judge", 404),
    ("outsider", 404),
]


def _url(world, classroom=None, school=None):
    classroom = classroom or world.classroom
    return reverse("workspace:classroom", args=[(school or classroom.school).pk, classroom.pk])


def _student_url(name, student, school=None):
    return reverse(f"workspace:{name}", args=[(school or student.school).pk, student.classroom_id, student.pk])


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(("role", "status"), STATUS_BY_ROLE)
def test_classroom_detail_status_by_role(world, client_for, role, status):
    response = client_for(world.user_for(role)).get(_url(world))

    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("role", "status"), STATUS_BY_ROLE)
def test_students_add_status_by_role_and_only_allowed_roles_add(world, client_for, role, status):
    response = client_for(world.user_for(role)).post(_url(world), {"names": "Lê Thị Mai", "token": "t1"})

    assert response.status_code == (302 if status == 200 else status)
    assert Student.objects.filter(display_name="Lê Thị Mai").exists() is (status == 200)


def test_classroom_of_another_school_is_404(world, client_for):
    client = client_for(world.teacher)

    assert client.get(_url(world, world.other_classroom)).status_code == 404
    # Our school in the URL does not open another school's class either.
    assert client.get(_url(world, world.other_classroom, school=world.school)).status_code == 404


def test_classroom_detail_lists_students_with_login_and_consent(world, client_for):
    StudentFactory(classroom=world.classroom, display_name="Bùi Văn Cường", consent_child=True, consent_guardian=True)
    StudentFactory(classroom=world.classroom, display_name="Vũ Thị Dung", active=False)

    response = client_for(world.teacher).get(_url(world))

    content = response.content.decode()
    assert [s.display_name for s in response.context["students"]] == ["Trần Minh An", "Bùi Văn Cường"]
    assert world.student_user.username in content
    assert "No login" in content or "Chưa có tài khoản" in content
    assert [s.display_name for s in response.context["inactive_students"]] == ["Vũ Thị Dung"]
    assert response.context["login_count"] == 1
    assert "no-store" in response["Cache-Control"]


def test_students_add_creates_exactly_the_names_without_logins(world, client_for):
    names = "  Nguyễn Văn Bình \r\n\r\nPhạm   Thị Hoa\n\n  \nĐặng Quốc Anh  \n"

    response = client_for(world.teacher).post(_url(world), {"names": names, "token": "t1"})

    assert response.status_code == 302
    assert response.url == _url(world)
    added = Student.objects.filter(classroom=world.classroom).exclude(pk=world.student.pk)
    assert sorted(s.display_name for s in added) == ["Nguyễn Văn Bình", "Phạm Thị Hoa", "Đặng Quốc Anh"]
    assert all(s.user is None and s.school == world.school for s in added)


def test_students_add_stores_names_nfc(world, client_for):
    decomposed = unicodedata.normalize("NFD", "Hoàng Thị Ánh")

    client_for(world.teacher).post(_url(world), {"names": decomposed, "token": "t1"})

    assert Student.objects.filter(display_name=unicodedata.normalize("NFC", "Hoàng Thị Ánh")).count() == 1


def test_students_add_with_logins_renders_cards_once_and_creates_logins(world, client_for):
    users_before = User.objects.count()

    response = client_for(world.teacher).post(
        _url(world), {"names": "Ngô Bảo Châu\nLý Thu Trang", "with_logins": "on", "token": "t1"}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response.templates[0].name == "schools/students/login_cards.html"
    added = Student.objects.filter(display_name__in=["Ngô Bảo Châu", "Lý Thu Trang"]).select_related("user")
    assert len(added) == 2
    assert User.objects.count() == users_before + 2
    cards = response.context["sheets"][0]
    assert {c["student"].pk for c in cards} == {s.pk for s in added}
    content = response.content.decode()
    for card in cards:
        user = User.objects.get(pk=card["student"].user_id)
        assert user.must_change_password
        assert user.check_password(card["password"])
        assert content.count(card["password"]) == 1
        assert user.memberships.get().school == world.school


def test_students_add_again_with_the_same_token_adds_nothing(world, client_for):
    client = client_for(world.teacher)
    client.post(_url(world), {"names": "Mai Anh", "token": "same"})

    response = client.post(_url(world), {"names": "Mai Anh", "token": "same"})

    assert response.status_code == 302
    assert Student.objects.filter(display_name="Mai Anh").count() == 1
    assert any("already" in m or "đã" in m for m in _messages(response))


def test_students_add_warns_about_duplicates_but_adds_them(world, client_for):
    response = client_for(world.teacher).post(
        _url(world), {"names": "Tran Minh An\nLê Hoa\nle hoa", "token": "t1"}, follow=True
    )

    assert Student.objects.filter(classroom=world.classroom).count() == 4
    warning = [m for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warning) == 1
    assert "Tran Minh An" in str(warning[0]) and "le hoa" in str(warning[0])


@pytest.mark.parametrize("names", ["", "  \n \n", "\r\n"])
def test_students_add_empty_list_changes_nothing(world, client_for, names):
    response = client_for(world.teacher).post(_url(world), {"names": names, "token": "t1"})

    assert response.status_code == 400
    assert response.context["add_form"].errors["names"]
    assert Student.objects.count() == 1


def test_students_add_more_than_sixty_names_changes_nothing(world, client_for):
    names = "\n".join(f"Học Sinh {n}" for n in range(61))

    response = client_for(world.teacher).post(_url(world), {"names": names, "with_logins": "on", "token": "t1"})

    assert response.status_code == 400
    assert "61" in response.context["add_form"].errors["names"][0]
    assert Student.objects.count() == 1
    assert User.objects.filter(student__isnull=False).count() == 1


def test_students_add_sixty_names_is_allowed(world, client_for):
    names = "\n".join(f"Học Sinh {n}" for n in range(60))

    response = client_for(world.teacher).post(_url(world), {"names": names, "token": "t1"})

    assert response.status_code == 302
    assert Student.objects.filter(classroom=world.classroom).count() == 61


def test_students_add_name_too_long_changes_nothing(world, client_for):
    response = client_for(world.teacher).post(_url(world), {"names": "Lan\n" + "x" * 121, "token": "t1"})

    assert response.status_code == 400
    assert Student.objects.count() == 1


def test_students_add_huge_text_is_refused(world, client_for):
    response = client_for(world.teacher).post(_url(world), {"names": "a" * 20_001, "token": "t1"})

    assert response.status_code == 400
    assert Student.objects.count() == 1


def test_students_add_to_another_schools_class_is_404(world, client_for):
    response = client_for(world.teacher).post(_url(world, world.other_classroom), {"names": "Ai Đó", "token": "t1"})

    assert response.status_code == 404
    assert not Student.objects.filter(display_name="Ai Đó").exists()


# --- consent -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "child", "guardian", "public"),
    [
        ({"consent_child": "on", "consent_guardian": "on"}, True, True, True),
        ({"consent_child": "on"}, True, False, False),
        ({"consent_guardian": "on"}, False, True, False),
        ({}, False, False, False),
    ],
)
def test_student_consent_records_both_flags(world, client_for, data, child, guardian, public):
    response = client_for(world.teacher).post(_student_url("student_consent", world.student), data)

    world.student.refresh_from_db()
    assert response.status_code == 302
    assert response.url == _url(world) + f"#student-{world.student.pk}"
    assert (world.student.consent_child, world.student.consent_guardian) == (child, guardian)
    assert world.student.may_show_name is public
    # Nothing given or withdrawn (both unticked, as before): nothing recorded.
    assert (world.student.consent_recorded_at is not None) is bool(data)


def test_student_consent_withdrawn_hides_the_name_again(world, client_for):
    client = client_for(world.teacher)
    client.post(_student_url("student_consent", world.student), {"consent_child": "on", "consent_guardian": "on"})

    client.post(_student_url("student_consent", world.student), {"consent_child": "on"})

    world.student.refresh_from_db()
    assert world.student.may_show_name is False


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("organiser", 302),
        ("officer", 403),
        ("teacher", 302),
        ("other_teacher", 404),
        ("student", 403),
        ("judge", 404),
        ("outsider", 404),
    ],
)
def test_student_consent_status_by_role(world, client_for, role, status):
    response = client_for(world.user_for(role)).post(
        _student_url("student_consent", world.student), {"consent_child": "on", "consent_guardian": "on"}
    )

    world.student.refresh_from_db()
    assert response.status_code == status
    assert world.student.may_show_name is (role in ("organiser", "teacher"))


def test_student_consent_get_is_not_allowed(world, client_for):
    response = client_for(world.teacher).get(_student_url("student_consent", world.student))

    assert response.status_code == 405


def test_student_consent_of_another_schools_student_is_404(world, client_for):
    other = StudentFactory(classroom=world.other_classroom)

    client = client_for(world.teacher)
    own_school_url = _student_url("student_consent", other, school=world.school)
    responses = [
        client.post(_student_url("student_consent", other), {"consent_child": "on"}),
        client.post(own_school_url, {"consent_child": "on"}),
    ]

    other.refresh_from_db()
    assert [r.status_code for r in responses] == [404, 404]
    assert other.consent_child is False


def test_student_consent_of_a_student_of_another_class_in_the_url_is_404(world, client_for):
    sibling_class = ClassroomFactory(school=world.school, name="6A9")
    url = reverse("workspace:student_consent", args=[world.school.pk, sibling_class.pk, world.student.pk])

    response = client_for(world.teacher).post(url, {"consent_child": "on"})

    assert response.status_code == 404


# --- deactivation ------------------------------------------------------------------------


def test_student_deactivate_hides_student_and_stops_login(world, client_for):
    response = client_for(world.teacher).post(_student_url("student_deactivate", world.student))

    world.student.refresh_from_db()
    world.student_user.refresh_from_db()
    assert response.status_code == 302
    assert world.student.active is False
    assert world.student_user.is_active is False
    page = client_for(world.teacher).get(_url(world))
    assert list(page.context["students"]) == []
    assert list(page.context["inactive_students"]) == [world.student]


def test_student_reactivate_restores_student_and_login(world, client_for):
    client = client_for(world.teacher)
    client.post(_student_url("student_deactivate", world.student))

    response = client.post(_student_url("student_reactivate", world.student))

    world.student.refresh_from_db()
    world.student_user.refresh_from_db()
    assert response.status_code == 302
    assert world.student.active and world.student_user.is_active


@pytest.mark.parametrize(("role", "status"), [("officer", 403), ("student", 403), ("other_teacher", 404)])
def test_student_deactivate_refused_changes_nothing(world, client_for, role, status):
    response = client_for(world.user_for(role)).post(_student_url("student_deactivate", world.student))

    world.student.refresh_from_db()
    assert response.status_code == status
    assert world.student.active is True


def test_student_deactivate_of_another_schools_student_is_404(world, client_for):
    other = StudentFactory(classroom=world.other_classroom)

    response = client_for(world.teacher).post(_student_url("student_deactivate", other))

    other.refresh_from_db()
    assert response.status_code == 404
    assert other.active is True


# --- query counts ------------------------------------------------------------------------


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_classroom_detail_query_count_does_not_grow_with_rows(world, client_for):
    client = client_for(world.teacher)
    url = _url(world)
    StudentFactory(classroom=world.classroom, active=False)
    client.get(url)

    one = _count_queries(client, url)
    StudentFactory(classroom=world.classroom, user=UserFactory())
    StudentFactory(classroom=world.classroom, consent_child=True)
    StudentFactory(classroom=world.classroom, active=False)
    three = _count_queries(client, url)

    assert len(client.get(url).context["students"]) == 3
    assert one == three
    assert three <= 12


def test_students_add_without_token_still_works(world, client_for):
    response = client_for(world.teacher).post(_url(world), {"names": "Kiều Oanh"})

    assert response.status_code == 302
    assert Student.objects.filter(display_name="Kiều Oanh").count() == 1


def test_classroom_detail_add_form_carries_a_fresh_token(world, client_for):
    client = client_for(world.teacher)

    first = client.get(_url(world)).context["add_form"]["token"].value()
    second = client.get(_url(world)).context["add_form"]["token"].value()

    assert first and second and first != second

"""The core-team picker names each student with their class (issue 18)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from schools.plans.selectors import team_choices
from tests.factories.people import StudentFactory, UserFactory
from tests.factories.places import ClassroomFactory

pytestmark = pytest.mark.django_db


def _student_options(school) -> dict[str, str]:
    return {value: label for _group, items in team_choices(school)[2:] for value, label in items}


def test_students_of_the_same_name_in_two_classes_show_their_class(world):
    a6, b7 = (
        ClassroomFactory(school=world.school, name="6A", grade=6),
        ClassroomFactory(school=world.school, name="7B", grade=7),
    )
    first = StudentFactory(classroom=a6, display_name="Nguyễn Minh An")
    second = StudentFactory(classroom=b7, display_name="Nguyễn Minh An")

    options = _student_options(world.school)

    assert options[f"s{first.pk}"] == "Nguyễn Minh An (6A)"
    assert options[f"s{second.pk}"] == "Nguyễn Minh An (7B)"


def test_students_of_the_same_name_in_one_class_are_told_apart(world):
    a6 = ClassroomFactory(school=world.school, name="6A", grade=6)
    with_login = StudentFactory(classroom=a6, display_name="Lê Hà", user=UserFactory(username="ha.le6a"))
    first = StudentFactory(classroom=a6, display_name="Lê Hà")
    other = StudentFactory(classroom=a6, display_name="Lê Bình")

    options = _student_options(world.school)

    labels = {options[f"s{s.pk}"] for s in (with_login, first, other)}
    assert labels == {"Lê Hà (6A, ha.le6a)", "Lê Hà (6A, 2)", "Lê Bình (6A)"}


def test_plan_page_offers_students_with_their_class(world):
    a6 = ClassroomFactory(school=world.school, name="6A", grade=6)
    student = StudentFactory(classroom=a6, display_name="Phạm Thu")
    client = Client()
    client.force_login(world.teacher)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"

    html = client.get(reverse("workspace:plan", args=[world.programme.pk, world.school.pk])).content.decode()

    assert f'<option value="s{student.pk}">Phạm Thu (6A)</option>' in html

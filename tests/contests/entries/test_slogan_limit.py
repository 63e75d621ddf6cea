"""A slogan over the limit is refused with a message, never cut; a live counter shows the count (issue 18)."""

import uuid
from pathlib import Path

import pytest
from django.urls import reverse

from contests.enums import ContestKind
from contests.models import Entry
from tests.factories.contests import ContestFactory

JS = Path(__file__).resolve().parents[3] / "static" / "js" / "char-counter.js"


@pytest.fixture(autouse=True)
def _no_axes(settings):
    settings.AXES_ENABLED = False


@pytest.fixture
def contest(world):
    return ContestFactory(programme=world.programme, code_prefix="KH", kind=ContestKind.SLOGAN, slogan_max_length=120)


def test_pasted_slogan_over_the_limit_is_refused_whole(world, client_for, contest):
    long_text = "Tiết kiệm nước hôm nay, xanh tươi ngày mai " * 3  # 129 characters once stripped
    client = client_for(world.student_user)

    response = client.post(
        reverse("contests:entry_new", args=[contest.slug]),
        {"client_id": str(uuid.uuid4()), "text": long_text, "action": "save"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert Entry.objects.count() == 0
    assert "Khẩu hiệu dài tối đa 120 ký tự; câu này có 128 ký tự." in html
    assert long_text.strip() in html  # kept as pasted, for the pupil to shorten


def test_autosave_of_a_too_long_slogan_answers_the_error_and_saves_nothing(world, client_for, contest):
    client = client_for(world.student_user)

    response = client.post(
        reverse("contests:entry_autosave", args=[contest.slug]), {"client_id": str(uuid.uuid4()), "text": "x" * 121}
    )

    assert response.status_code == 400
    assert response.json()["errors"]["text"] == ["Khẩu hiệu dài tối đa 120 ký tự; câu này có 121 ký tự."]
    assert Entry.objects.count() == 0


def test_slogan_at_the_limit_is_saved(world, client_for, contest):
    client = client_for(world.student_user)

    response = client.post(
        reverse("contests:entry_autosave", args=[contest.slug]), {"client_id": str(uuid.uuid4()), "text": "x" * 120}
    )

    assert response.json()["ok"] is True
    assert Entry.objects.get().text == "x" * 120


def test_slogan_field_has_a_counter_and_no_maxlength(world, client_for, contest):
    html = client_for(world.student_user).get(reverse("contests:entry_new", args=[contest.slug])).content.decode()

    assert "maxlength" not in html
    assert 'data-max-length="120"' in html
    assert 'id="slogan-counter"' in html and 'data-max="120"' in html
    assert 'data-text="{count}/{max} ký tự"' in html
    assert "/static/js/char-counter.js" in html


def test_counter_script_is_a_static_file_that_cuts_nothing():
    source = JS.read_text()

    assert "data-char-counter" in source or "charCounter" in source
    assert "maxlength" not in source.lower().replace("data-max", "")
    assert ".value =" not in source

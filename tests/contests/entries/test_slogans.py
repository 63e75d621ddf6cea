"""Near-duplicate slogans: normalisation, detection on Vietnamese examples, the organisers' page."""

import random
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contests.entries.selectors_slogans import duplicate_pairs
from contests.entries.slogans import normalise, similar_pairs, similarity
from contests.enums import ContestKind, EntryStatus
from tests.factories.contests import ContestFactory, EntryFactory

SAME = "Tiết kiệm nước hôm nay, xanh tươi ngày mai"
REORDERED = "Xanh tươi ngày mai, tiết kiệm nước hôm nay"
NO_ACCENTS = "tiet kiem nuoc hom nay xanh tuoi ngay mai!"
DIFFERENT = "Nói không với túi ni lông, vì một Hà Nội xanh"


def test_normalise_strips_accents_case_punctuation_and_order():
    assert normalise(SAME) == "hom kiem mai nay ngay nuoc tiet tuoi xanh"
    assert normalise(REORDERED) == normalise(SAME)
    assert normalise(NO_ACCENTS) == normalise(SAME)


def test_normalise_d_with_stroke_and_decomposed_input():
    assert normalise("Đường ĐI đẹp") == "dep di duong"
    assert normalise("Tie\u0302\u0301t kie\u0323\u0302m") == "kiem tiet"  # NFD input
    assert normalise("  …!!! ") == ""


def test_similarity_of_vietnamese_examples():
    assert similarity(SAME, REORDERED) == 100
    assert similarity(SAME, NO_ACCENTS) == 100
    assert similarity(SAME, DIFFERENT) < 60


def test_similar_pairs_across_schools_only():
    texts = [SAME, REORDERED, NO_ACCENTS, DIFFERENT]
    pairs = similar_pairs(texts, ["A", "B", "A", "C"], threshold=85)
    assert [(p.first, p.second, p.score) for p in pairs] == [(0, 1, 100.0), (1, 2, 100.0)]


def test_similar_pairs_one_word_changed_flagged_at_85_not_at_95():
    near = "Tiết kiệm điện hôm nay, xanh tươi ngày mai"
    assert [(p.first, p.second) for p in similar_pairs([SAME, near], [1, 2], threshold=85)] == [(0, 1)]
    assert similar_pairs([SAME, near], [1, 2], threshold=95) == []


def test_similar_pairs_empty_texts_never_paired():
    assert similar_pairs(["", "!!!", SAME], [1, 2, 3]) == []


def test_similar_pairs_500_slogans_fast():
    words = (
        "nước xanh sạch tiết kiệm hôm nay ngày mai trường em yêu môi trường rác thải nhựa giảm "
        "tái chế cây bảo vệ trái đất tương lai hành động nhỏ ý nghĩa lớn"
    ).split()
    rng = random.Random(5)
    texts = [" ".join(rng.sample(words, rng.randint(6, 12))) for _ in range(500)]
    texts[499] = texts[3].upper() + "!"
    started = time.perf_counter()
    pairs = similar_pairs(texts, list(range(500)), threshold=85)
    elapsed = time.perf_counter() - started
    assert (3, 499, 100.0) in [(p.first, p.second, p.score) for p in pairs]
    assert elapsed < 2.0, elapsed  # measured ~0.06 s here


@pytest.fixture
def slogan_contest(world):
    return ContestFactory(programme=world.programme, kind=ContestKind.SLOGAN, duplicate_threshold=85)


def _slogan(contest, school, text, code, status=EntryStatus.SUBMITTED):
    return EntryFactory(contest=contest, school=school, text=text, code=code, title="", status=status)


def test_duplicate_pairs_of_contest(world, slogan_contest):
    a = _slogan(slogan_contest, world.school, SAME, "KH-001")
    b = _slogan(slogan_contest, world.other_school, REORDERED, "KH-002")
    _slogan(slogan_contest, world.school, NO_ACCENTS, "KH-003")  # same school as KH-001
    _slogan(slogan_contest, world.other_school, DIFFERENT, "KH-004")
    _slogan(slogan_contest, world.other_school, NO_ACCENTS, "KH-005", status=EntryStatus.WITHDRAWN)
    _slogan(slogan_contest, world.other_school, SAME, "KH-006", status=EntryStatus.DRAFT)
    pairs = duplicate_pairs(slogan_contest)
    assert [(p.first.code, p.second.code, p.score) for p in pairs] == [
        ("KH-001", "KH-002", 100.0),
        ("KH-002", "KH-003", 100.0),
    ]
    assert pairs[0].first == a
    assert pairs[0].second == b


def test_duplicate_pairs_of_initiative_contest_empty(world):
    contest = ContestFactory(programme=world.programme, kind=ContestKind.INITIATIVE)
    _slogan(contest, world.school, SAME, "SK-001")
    _slogan(contest, world.other_school, SAME, "SK-002")
    assert duplicate_pairs(contest) == []


def test_duplicates_page_shows_pairs_side_by_side(world, client_for, slogan_contest):
    _slogan(slogan_contest, world.school, SAME, "KH-001")
    _slogan(slogan_contest, world.other_school, f"<b>{REORDERED}</b>", "KH-002")
    _slogan(slogan_contest, world.other_school, DIFFERENT, "KH-004")
    response = client_for(world.organiser).get(reverse("contests:slogan_duplicates", args=[slogan_contest.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-pair="KH-001|KH-002"' in html
    assert "KH-004" not in html
    assert world.school.name in html
    assert world.other_school.name in html
    assert "<b>Xanh" not in html
    assert "&lt;b&gt;Xanh" in html


def test_duplicates_page_threshold_parameter(world, client_for, slogan_contest):
    _slogan(slogan_contest, world.school, SAME, "KH-001")
    _slogan(slogan_contest, world.other_school, "Tiết kiệm điện hôm nay, xanh tươi ngày mai", "KH-002")
    client = client_for(world.organiser)
    url = reverse("contests:slogan_duplicates", args=[slogan_contest.slug])
    assert 'data-pair="KH-001|KH-002"' in client.get(url).content.decode()
    assert 'data-pair="KH-001|KH-002"' not in client.get(url, {"threshold": "95"}).content.decode()
    assert client.get(url, {"threshold": "abc"}).context["threshold"] == 85
    assert client.get(url, {"threshold": "5"}).context["threshold"] == 85


@pytest.mark.parametrize("role", ["officer", "teacher", "student", "judge", "outsider"])
def test_duplicates_page_refused_to_non_organisers(world, client_for, slogan_contest, role):
    response = client_for(world.user_for(role)).get(reverse("contests:slogan_duplicates", args=[slogan_contest.slug]))
    assert response.status_code == 403


def test_duplicates_page_organiser_of_other_programme_refused(world, client_for, slogan_contest):
    from schools.enums import Role
    from schools.services import membership_grant
    from tests.factories import ProgrammeFactory, UserFactory

    user = UserFactory()
    membership_grant(user=user, role=Role.ORGANISER, programme=ProgrammeFactory())
    response = client_for(user).get(reverse("contests:slogan_duplicates", args=[slogan_contest.slug]))
    assert response.status_code == 403


@pytest.mark.parametrize("rows", [1, 50])
def test_duplicates_page_query_count_constant(world, client_for, slogan_contest, rows):
    for n in range(rows):
        school = world.school if n % 2 else world.other_school
        _slogan(slogan_contest, school, f"{SAME} {'!' * n}", f"KH-{n:03d}")
    client = client_for(world.organiser)
    url = reverse("contests:slogan_duplicates", args=[slogan_contest.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # session, user, memberships, contest, slogans with their schools, and the base layout's two
    assert len(queries) == 7

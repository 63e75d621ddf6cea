"""Serving entry media: who may open them (truth tables by role, and by reader of a student's
entry: author, team, classmate, ...), and the headers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contests.entries.services_media import entry_media_add
from contests.enums import ContestStatus, EntryStatus, RoundStatus
from contests.models import Award
from tests.contests.entries.test_media_uploads import PDF, image_bytes
from tests.contests.readers import MAY_READ, READERS, team_entry_with_readers
from tests.factories.contests import AssignmentFactory, ContestFactory, EntryFactory, PrizeTierFactory, RoundFactory


def _media(world, school, name="ảnh của em.jpg", data=None, django_capture_on_commit_callbacks=None):
    """An image of an entry made by the world's student (own school) or its other teacher."""
    contest = ContestFactory(programme=world.programme)
    creator = world.student_user if school == world.school else world.other_teacher
    entry = EntryFactory(contest=contest, school=school, status=EntryStatus.DRAFT, code="NTL-007", created_by=creator)
    with django_capture_on_commit_callbacks(execute=True):
        media = entry_media_add(entry=entry, upload=SimpleUploadedFile(name, data or image_bytes()), user=None)
    entry.status = EntryStatus.ELIGIBLE
    entry.save()
    media.refresh_from_db()
    return media


@pytest.fixture
def own(world, django_capture_on_commit_callbacks):
    return _media(world, world.school, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)


@pytest.fixture
def other(world, django_capture_on_commit_callbacks):
    return _media(world, world.other_school, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)


# role -> (own school's media, other school's media)
TRUTH = {
    "anonymous": (404, 404),
    "organiser": (200, 200),
    "officer": (404, 404),
    "teacher": (200, 404),
    "student": (200, 404),
    "judge": (404, 404),
    "other_teacher": (404, 200),
    "outsider": (404, 404),
}


@pytest.mark.parametrize("route", ["contests:media", "contests:media_blind", "contests:media_thumb"])
@pytest.mark.parametrize("role", list(TRUTH))
def test_media_truth_table(world, client_for, own, other, role, route):
    client = client_for(world.user_for(role) if role != "other_teacher" else world.other_teacher)
    codes = tuple(client.get(reverse(route, args=[m.pk])).status_code for m in (own, other))
    assert codes == TRUTH[role]


def test_media_assigned_judge_sees_entry_in_open_round(world, client_for, own, other):
    round_ = RoundFactory(contest=own.entry.contest, status=RoundStatus.OPEN)
    AssignmentFactory(round=round_, judge=world.judge, entry=own.entry)
    client = client_for(world.judge)
    assert client.get(reverse("contests:media_blind", args=[own.pk])).status_code == 200
    assert client.get(reverse("contests:media_blind", args=[other.pk])).status_code == 404


def test_media_judge_of_closed_round_refused(world, client_for, own):
    round_ = RoundFactory(contest=own.entry.contest, status=RoundStatus.CLOSED)
    AssignmentFactory(round=round_, judge=world.judge, entry=own.entry)
    assert client_for(world.judge).get(reverse("contests:media", args=[own.pk])).status_code == 404


def _publish(entry, world, public=True):
    contest = entry.contest
    contest.status = ContestStatus.RESULTS_PUBLISHED
    contest.results_public = public
    contest.save()
    Award.objects.create(
        contest=contest, entry=entry, tier=PrizeTierFactory(contest=contest), decided_by=world.organiser
    )


@pytest.mark.parametrize("role", ["anonymous", "outsider", "other_teacher", "judge"])
def test_media_of_published_entry_public(world, client_for, other, role):
    _publish(other.entry, world)
    user = world.other_teacher if role == "other_teacher" else world.user_for(role)
    assert client_for(user).get(reverse("contests:media", args=[other.pk])).status_code == 200


def test_media_of_awarded_entry_not_public_when_results_private(world, client_for, other):
    _publish(other.entry, world, public=False)
    assert client_for(None).get(reverse("contests:media", args=[other.pk])).status_code == 404


def test_media_of_unawarded_entry_in_published_contest_not_public(world, client_for, own, other):
    _publish(own.entry, world)
    other.entry.contest = own.entry.contest
    other.entry.code = "NTL-008"
    other.entry.save()
    assert client_for(None).get(reverse("contests:media", args=[other.pk])).status_code == 404


def test_media_headers(world, client_for, own):
    response = client_for(world.teacher).get(reverse("contests:media", args=[own.pk]))
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, max-age=600"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"] == 'inline; filename="NTL-007-1.jpg"'
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_media_blind_name_is_neutral(world, client_for, django_capture_on_commit_callbacks):
    media = _media(
        world,
        world.school,
        name="Nguyễn Văn An - THCS Cầu Diễn.pdf",
        data=PDF,
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    client = client_for(world.organiser)
    blind = client.get(reverse("contests:media_blind", args=[media.pk]))
    assert blind["Content-Disposition"] == 'inline; filename="NTL-007-1.pdf"'
    plain = client.get(reverse("contests:media", args=[media.pk]))
    assert "filename*=utf-8''Nguy" in plain["Content-Disposition"]
    assert plain["Content-Type"] == "application/pdf"


def test_media_thumb_headers(world, client_for, own):
    response = client_for(world.student_user).get(reverse("contests:media_thumb", args=[own.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'inline; filename="NTL-007-1-thumb.jpg"'


def test_media_thumb_of_document_404(world, client_for, django_capture_on_commit_callbacks):
    media = _media(
        world,
        world.school,
        name="a.pdf",
        data=PDF,
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    assert client_for(world.teacher).get(reverse("contests:media_thumb", args=[media.pk])).status_code == 404


def test_media_missing_pk_404(world, client_for):
    assert client_for(world.organiser).get(reverse("contests:media", args=[999999])).status_code == 404


def test_media_post_refused(world, client_for, own):
    assert client_for(world.teacher).post(reverse("contests:media", args=[own.pk])).status_code == 405


# --- A student's files: its authors and their teachers, not their classmates -------------


@pytest.fixture
def team_files(world, django_capture_on_commit_callbacks):
    """The draft of tests/contests/readers.py with a photo and a PDF, and its readers."""
    entry, readers = team_entry_with_readers(world)
    with django_capture_on_commit_callbacks(execute=True):
        photo = entry_media_add(entry=entry, upload=SimpleUploadedFile("anh.jpg", image_bytes()), user=None)
        document = entry_media_add(entry=entry, upload=SimpleUploadedFile("bao-cao.pdf", PDF), user=None)
    return {"photo": photo, "document": document}, readers


@pytest.mark.parametrize(
    ("route", "media"),
    [("contests:media", "photo"), ("contests:media_thumb", "photo"), ("contests:media", "document")],
)
@pytest.mark.parametrize("reader", READERS)
def test_media_of_a_student_entry_readers(team_files, client_for, reader, route, media):
    files, readers = team_files

    response = client_for(readers[reader]).get(reverse(route, args=[files[media].pk]))

    assert response.status_code == (200 if reader in MAY_READ else 404)


def _named_pdf(world, django_capture_on_commit_callbacks):
    return _media(
        world,
        world.school,
        name="Nguyễn Văn An - THCS Cầu Diễn.pdf",
        data=PDF,
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )


def test_media_judge_gets_the_neutral_name_on_the_plain_route_too(
    world, client_for, django_capture_on_commit_callbacks
):
    """A blind judge who types the plain media URL learns no child's or school's name."""
    media = _named_pdf(world, django_capture_on_commit_callbacks)
    round_ = RoundFactory(contest=media.entry.contest, status=RoundStatus.OPEN)
    AssignmentFactory(round=round_, judge=world.judge, entry=media.entry)
    response = client_for(world.judge).get(reverse("contests:media", args=[media.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="NTL-007-1.pdf"'


def test_media_public_download_of_an_awarded_entry_has_the_neutral_name(
    world, client_for, django_capture_on_commit_callbacks
):
    media = _named_pdf(world, django_capture_on_commit_callbacks)
    _publish(media.entry, world)
    response = client_for(None).get(reverse("contests:media", args=[media.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="NTL-007-1.pdf"'

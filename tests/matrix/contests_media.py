"""Permission matrix: contest media routes (an image of an unpublished, submitted entry).

Whoever may not see the media gets 404, anonymous visitors included (no login
redirect: it would tell that the file exists). The world's judge has no assignment.
Published entries' media are public: see tests/contests/entries/test_media_serving.py.
"""

from django.urls import reverse

from tests.matrix.base import Route, organisers_only, school_of

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
    b"\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)

# view_entry (rules_entries): teachers of the school, the entry's student authors, organisers
# of the contest. The world's student did not make this entry: a classmate's, 404 (authors:
# tests/contests/entries/test_media_serving.py).
SEEN_BY_SCHOOL = {
    "anonymous": 404,
    "organiser": 200,
    "officer": 404,
    "teacher": (200, 404),
    "student": 404,
    "judge": 404,
    "outsider": 404,
}


def _media(world, other):
    from django.core.files.base import ContentFile

    from contests.enums import EntryStatus, MediaKind, MediaStatus
    from contests.models import EntryMedia
    from tests.factories.contests import ContestFactory, EntryFactory

    contest = ContestFactory(programme=world.programme)
    entry = EntryFactory(contest=contest, school=school_of(world, other), status=EntryStatus.SUBMITTED)
    media = EntryMedia(
        entry=entry,
        kind=MediaKind.IMAGE,
        extension=".png",
        original_name="ảnh.png",
        content_type="image/png",
        size=len(PNG),
        sha256="0" * 64,
        status=MediaStatus.READY,
        position=1,
    )
    media.file.save("x", ContentFile(PNG), save=False)
    media.thumbnail.save("t", ContentFile(PNG), save=False)
    media.save()
    return media


def _url(name):
    return lambda world, other: reverse(f"contests:{name}", args=[_media(world, other).pk])


def _duplicates_url(world, other):
    from contests.enums import ContestKind
    from tests.factories.contests import ContestFactory

    contest = ContestFactory(programme=world.programme, kind=ContestKind.SLOGAN)
    return reverse("contests:slogan_duplicates", args=[contest.slug])


ROUTES = {
    "contests:media": Route(_url("media"), SEEN_BY_SCHOOL),
    "contests:media_blind": Route(_url("media_blind"), SEEN_BY_SCHOOL),
    "contests:media_thumb": Route(_url("media_thumb"), SEEN_BY_SCHOOL),
    "contests:slogan_duplicates": Route(_duplicates_url, organisers_only()),
}

"""Permission matrix: contest entries routes (workspace pages under /workspace/contests/)."""

import io
import uuid

from django.urls import reverse

from tests.matrix.base import LOGIN, Route, school_of


def _contest(world):
    from tests.factories.contests import ContestFactory

    return ContestFactory(programme=world.programme, slug="sang-kien-nuoc", code_prefix="NUOC")


def _entry(world, other, status="draft"):
    from tests.factories.contests import EntryFactory

    creator = world.other_teacher if other else world.student_user
    return EntryFactory(contest=_contest(world), school=school_of(world, other), status=status, created_by=creator)


def _entry_url(name, status="draft"):
    return lambda w, o: reverse(f"contests:{name}", args=[_entry(w, o, status).pk])


def _media_url(world, other):
    from PIL import Image

    from contests.entries.services_media import entry_media_add

    entry = _entry(world, other)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 60)).save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "anh.jpg"
    from django.core.files.uploadedfile import SimpleUploadedFile

    media = entry_media_add(entry=entry, upload=SimpleUploadedFile("anh.jpg", buffer.getvalue()), user=None)
    return reverse("contests:entry_media_remove", args=[entry.pk, media.pk])


def _contest_url(name):
    return lambda w, o: reverse(f"contests:{name}", args=[_contest(w).slug])


def _entry_access(organiser, teacher, student):
    """Own school's entry: the given codes; another school's: 404, except organisers (all schools)."""
    return {
        "anonymous": (LOGIN, LOGIN),
        "organiser": (organiser, organiser),
        "officer": (404, 404),
        "teacher": (teacher, 404),
        "student": (student, 404),
        "judge": (404, 404),
        "outsider": (404, 404),
    }


def _contest_access(organiser, school_people):
    return {
        "anonymous": LOGIN,
        "organiser": organiser,
        "officer": 404,
        "teacher": school_people,
        "student": school_people,
        "judge": 404,
        "outsider": 404,
    }


SCHOOL_ROLES_ONLY = {
    "anonymous": LOGIN,
    "organiser": 200,
    "officer": 403,
    "teacher": 200,
    "student": 200,
    "judge": 403,
    "outsider": 403,
}
TEACHERS_ONLY = {
    "anonymous": LOGIN,
    **dict.fromkeys(["organiser", "officer", "student", "judge", "outsider"], 403),
    "teacher": 200,
}

ROUTES = {
    "contests:entries_home": Route(lambda w, o: reverse("contests:entries_home"), SCHOOL_ROLES_ONLY),
    "contests:endorse_queue": Route(lambda w, o: reverse("contests:endorse_queue"), TEACHERS_ONLY),
    "contests:entry": Route(_entry_url("entry"), _entry_access(200, 200, 200)),
    "contests:entry_withdraw": Route(_entry_url("entry_withdraw"), _entry_access(403, 302, 302), method="post"),
    "contests:entry_endorse": Route(
        _entry_url("entry_endorse", "submitted"), _entry_access(403, 302, 403), method="post"
    ),
    "contests:entry_return": Route(
        _entry_url("entry_return", "submitted"),
        _entry_access(403, 302, 403),
        method="post",
        data={"comment": "Bổ sung ảnh"},
    ),
    "contests:entry_check": Route(
        _entry_url("entry_check", "endorsed"),
        _entry_access(302, 403, 403),
        method="post",
        data={"decision": "eligible"},
    ),
    "contests:entry_media_remove": Route(_media_url, _entry_access(403, 302, 302), method="post"),
    "contests:my_entries": Route(_contest_url("my_entries"), _contest_access(302, 200)),
    "contests:entry_new": Route(_contest_url("entry_new"), _contest_access(403, 200)),
    "contests:entry_autosave": Route(
        _contest_url("entry_autosave"),
        _contest_access(403, 200),
        method="post",
        data={"client_id": str(uuid.UUID(int=5)), "title": "Nháp"},
    ),
    "contests:contest_entries": Route(_contest_url("contest_entries"), _contest_access(200, 403)),
    "contests:contest_entries_export": Route(_contest_url("contest_entries_export"), _contest_access(200, 403)),
    "contests:entries_import": Route(_contest_url("entries_import"), _contest_access(200, 403)),
    "contests:entries_check_bulk": Route(_contest_url("entries_check_bulk"), _contest_access(302, 403), method="post"),
}

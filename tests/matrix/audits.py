"""Routes of waste audits (workspace pages under /workspace/audits/) and the JSON API (/api/v1/)."""

import uuid
from datetime import date

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.matrix.base import LOGIN, Route, everyone, school_of

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
    b"\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _school(world, other):
    from schools.models import Enrolment

    school = school_of(world, other)
    Enrolment.objects.get_or_create(programme=world.programme, school=school)
    return school


def _period(world, phase="baseline"):
    from tests.factories.audits import AuditPeriodFactory

    return AuditPeriodFactory(programme=world.programme, phase=phase)


def _session(world, other, status="verified", photo=False):
    from tests.factories.audits import AuditSessionFactory

    session = AuditSessionFactory(period=_period(world), school=_school(world, other), status=status)
    if photo:
        session.photo.save("evidence.png", ContentFile(PNG), save=True)
    return session


def _school_url(name):
    return lambda w, o: reverse(f"audits:{name}", args=[_school(w, o).pk])


def _period_url(name):
    def url(world, other):
        school = _school(world, other)
        return reverse(f"audits:{name}", args=[school.pk, _period(world).pk])

    return url


def _session_url(name, **kwargs):
    def url(world, other):
        session = _session(world, other, **kwargs)
        return reverse(f"audits:{name}", args=[session.school_id, session.pk])

    return url


def _results_url(name, *extra):
    return lambda w, o: reverse(f"audits:{name}", args=[_school(w, o).pk, w.programme.slug, *extra])


def _access(own_officer, own_student, code):
    """Who reaches a school's audit route: `code` for those who may act, else 403 (visible) or 404."""
    return {
        "anonymous": (LOGIN, LOGIN),
        "organiser": (code, code),
        "officer": (own_officer, 404),
        "teacher": (code, 404),
        "student": (own_student, 404),
        "judge": (404, 404),
        "outsider": (404, 404),
    }


VIEW = _access(200, 200, 200)
RECORD = _access(403, 200, 200)


def _verify(code):
    return _access(403, 403, code)


PROGRAMME_RESULTS = {
    "anonymous": LOGIN,
    "organiser": 200,
    "officer": 200,
    **dict.fromkeys(["teacher", "student", "judge", "outsider"], 403),
}
# The world's programme is not published: aggregates for its organisers and officers only.
API_SUMMARY = {**PROGRAMME_RESULTS, "anonymous": 401}

ROUTES = {
    "audits:school": Route(_school_url("school"), VIEW),
    "audits:day_new": Route(_period_url("day_new"), RECORD),
    "audits:day_autosave": Route(
        _period_url("day_autosave"),
        RECORD,
        method="post",
        data={"client_id": str(uuid.UUID(int=1)), "date": date(2022, 10, 20).isoformat(), "students_present": "300"},
    ),
    "audits:tally_sheet": Route(_period_url("tally_sheet"), VIEW),
    "audits:day": Route(_session_url("day"), VIEW),
    "audits:day_verify": Route(_session_url("day_verify", status="submitted"), _verify(302), method="post"),
    "audits:day_return": Route(
        _session_url("day_return", status="submitted"), _verify(302), method="post", data={"reason": "Sai số"}
    ),
    "audits:day_correct": Route(_session_url("day_correct"), _verify(200)),
    "audits:day_photo": Route(_session_url("day_photo", photo=True), VIEW),
    "audits:school_results": Route(_results_url("school_results"), VIEW),
    "audits:school_export": Route(_results_url("school_export", "csv"), VIEW),
    "audits:programme": Route(lambda w, o: reverse("audits:programme", args=[w.programme.slug]), PROGRAMME_RESULTS),
    "audits:programme_export": Route(
        lambda w, o: reverse("audits:programme_export", args=[w.programme.slug, "xlsx"]), PROGRAMME_RESULTS
    ),
    "audits:import": Route(
        lambda w, o: reverse("audits:import"),
        {
            "anonymous": LOGIN,
            "organiser": 200,
            "teacher": 200,
            **dict.fromkeys(["officer", "student", "judge", "outsider"], 403),
        },
    ),
    "api:programme_audit_summary": Route(
        lambda w, o: reverse("api:programme_audit_summary", kwargs={"slug": w.programme.slug}), API_SUMMARY
    ),
    "api:openapi-json": Route(lambda w, o: reverse("api:openapi-json"), everyone(200)),
    "api:openapi-view": Route(lambda w, o: reverse("api:openapi-view"), everyone(200)),
    "api:api-root": Route(lambda w, o: reverse("api:api-root"), everyone(404)),
}

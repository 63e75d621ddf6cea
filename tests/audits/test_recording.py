"""Recording a day in the workspace: submit, double submit, autosave, bad input, verify, return, correct, photo."""

import io
import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from audits.enums import Phase, SessionStatus
from audits.models import AuditCorrection, AuditLine, AuditSession
from tests.audits.support import cat, day_post, jpeg_with_gps
from tests.factories.audits import AuditSessionFactory


@pytest.fixture
def baseline(periods):
    return periods[Phase.BASELINE]


def _new_url(world, period):
    return reverse("audits:day_new", args=[world.school.pk, period.pk])


def test_teacher_records_a_day_and_a_double_submit_stores_one(world, baseline, client_for):
    client = client_for(world.teacher)
    data = day_post()
    first = client.post(_new_url(world, baseline), data)
    second = client.post(_new_url(world, baseline), data)
    session = AuditSession.objects.get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == reverse("audits:day", args=[world.school.pk, session.pk])
    assert session.status == SessionStatus.SUBMITTED
    assert (session.students_present, session.staff_present, session.persons_present) == (420, 30, 450)
    assert session.recorded_by == world.teacher
    lines = {line.category.code: (line.mass_g, line.item_count) for line in session.lines.select_related("category")}
    assert lines == {"organic": (Decimal("12500.0"), None), "lvp_nylon_bag": (Decimal("830.5"), 210)}


def test_student_of_the_core_team_records_but_cannot_verify(world, baseline, client_for):
    client = client_for(world.student_user)
    assert client.post(_new_url(world, baseline), day_post()).status_code == 302
    session = AuditSession.objects.get()
    response = client.post(reverse("audits:day_verify", args=[world.school.pk, session.pk]))
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.status == SessionStatus.SUBMITTED


def test_autosave_creates_one_draft_then_updates_it(world, baseline, client_for):
    client = client_for(world.teacher)
    url = reverse("audits:day_autosave", args=[world.school.pk, baseline.pk])
    client_id = uuid.uuid4()
    first = client.post(url, day_post(client_id=client_id, students=""))
    second = client.post(url, day_post(client_id=client_id, students="400"))
    assert first.status_code == second.status_code == 200
    assert first.json()["ok"] and second.json()["id"] == first.json()["id"]
    session = AuditSession.objects.get()
    assert (session.status, session.students_present) == (SessionStatus.DRAFT, 400)
    # The full submit of the same form finishes the same draft.
    client.post(_new_url(world, baseline), day_post(client_id=client_id))
    assert AuditSession.objects.get().status == SessionStatus.SUBMITTED


BAD = [
    ({"m_organic": "-5"}, "organic", "cannot be negative"),
    ({"m_organic": "NaN"}, "organic", "is not a mass in grams"),
    ({"m_organic": "inf"}, "organic", "is not a mass in grams"),
    ({"m_organic": "mười"}, "organic", "is not a mass in grams"),
    ({"m_organic": "1000001"}, "organic", "more than 1,000 kg"),
    ({"n_lvp_nylon_bag": "2.5"}, "lvp_nylon_bag", "must be a whole number"),
    ({"students_present": "0"}, None, "cannot be 0"),
    ({"date": "2022-11-15"}, None, "must be within the baseline period"),
    ({"date": "2099-10-20"}, None, "in the future"),
]


@pytest.mark.parametrize(("change", "code", "message"), BAD, ids=[b[2] for b in BAD])
def test_bad_input_is_refused_and_nothing_is_saved(world, baseline, client_for, settings, change, code, message):
    settings.LANGUAGE_CODE = "en"
    client = client_for(world.teacher)
    client.cookies["django_language"] = "en"
    data = day_post()
    for key, value in change.items():
        key = f"{key[:2]}{cat(code).pk}" if code else key
        data[key] = value
    if "2099" in data["date"]:
        baseline.ends_on = baseline.ends_on.replace(year=2099)
        baseline.save()
    response = client.post(_new_url(world, baseline), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert AuditSession.objects.count() == AuditLine.objects.count() == 0


def test_second_day_for_the_same_school_and_date_is_refused(world, baseline, client_for):
    client = client_for(world.teacher)
    client.cookies["django_language"] = "en"
    client.post(_new_url(world, baseline), day_post())
    response = client.post(_new_url(world, baseline), day_post())  # another form, same date
    assert response.status_code == 400
    assert "already has an audit day on 20/10/2022" in response.content.decode()
    assert AuditSession.objects.count() == 1


def test_other_schools_day_answers_404(world, baseline, client_for):
    other = AuditSessionFactory(period=baseline, school=world.other_school)
    client = client_for(world.teacher)
    assert client.get(reverse("audits:day", args=[world.other_school.pk, other.pk])).status_code == 404
    assert client.get(reverse("audits:day", args=[world.school.pk, other.pk])).status_code == 404


def test_verify_locks_the_day_and_a_correction_keeps_the_old_value(world, baseline, client_for):
    client = client_for(world.teacher)
    client.post(_new_url(world, baseline), day_post())
    session = AuditSession.objects.get()
    client.post(reverse("audits:day_verify", args=[world.school.pk, session.pk]))
    session.refresh_from_db()
    assert (session.status, session.verified_by) == (SessionStatus.VERIFIED, world.teacher)
    # A verified day no longer takes the form: the same form resent changes nothing, another edit is refused.
    day_url = reverse("audits:day", args=[world.school.pk, session.pk])
    assert client.post(day_url, day_post(client_id=session.client_id, staff="99")).status_code == 302
    assert client.post(day_url, day_post(client_id=session.client_id, action="save")).status_code == 403
    session.refresh_from_db()
    assert (session.status, session.staff_present) == (SessionStatus.VERIFIED, 30)
    correct = reverse("audits:day_correct", args=[world.school.pk, session.pk])
    response = client.post(correct, {"category": cat("organic").pk, "mass_g": "11500", "reason": "Cân nhầm túi"})
    assert response.status_code == 302
    assert AuditLine.objects.get(session=session, category=cat("organic")).mass_g == Decimal("11500")
    correction = AuditCorrection.objects.get()
    assert (correction.field, correction.old_value, correction.new_value, correction.reason) == (
        "mass_g",
        "12500.0",
        "11500.0",
        "Cân nhầm túi",
    )
    # Without a reason nothing changes.
    client.post(correct, {"category": cat("organic").pk, "mass_g": "1", "reason": ""})
    assert AuditCorrection.objects.count() == 1


def test_returned_day_can_be_fixed_and_submitted_again(world, baseline, client_for):
    client = client_for(world.teacher)
    client.post(_new_url(world, baseline), day_post())
    session = AuditSession.objects.get()
    client.post(reverse("audits:day_return", args=[world.school.pk, session.pk]), {"reason": "Thiếu số nhân viên"})
    session.refresh_from_db()
    assert (session.status, session.return_reason) == (SessionStatus.RETURNED, "Thiếu số nhân viên")
    url = reverse("audits:day", args=[world.school.pk, session.pk])
    assert client.post(url, day_post(client_id=session.client_id, staff="35")).status_code == 302
    session.refresh_from_db()
    assert (session.status, session.staff_present) == (SessionStatus.SUBMITTED, 35)


def test_photo_is_reencoded_without_exif_and_served_only_to_the_school(world, baseline, client_for):
    client = client_for(world.teacher)
    upload = SimpleUploadedFile("IMG_2041.jpg", jpeg_with_gps(), content_type="image/jpeg")
    client.post(_new_url(world, baseline), {**day_post(), "photo": upload})
    session = AuditSession.objects.get()
    assert session.photo.name != "IMG_2041.jpg" and session.photo.name.endswith(".jpg")
    response = client.get(reverse("audits:day_photo", args=[world.school.pk, session.pk]))
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert not image.getexif()
    assert (
        client_for(world.other_teacher).get(reverse("audits:day_photo", args=[world.school.pk, session.pk])).status_code
        == 404
    )


def test_a_file_that_is_not_an_image_is_refused(world, baseline, client_for):
    client = client_for(world.teacher)
    client.cookies["django_language"] = "en"
    upload = SimpleUploadedFile("scale.jpg", b"<html>not a photo</html>", content_type="image/jpeg")
    response = client.post(_new_url(world, baseline), {**day_post(), "photo": upload})
    assert response.status_code == 400
    assert "not a photo we can read" in response.content.decode()
    assert AuditSession.objects.count() == 0


def test_school_audit_page_queries_do_not_grow_with_days(world, baseline, client_for):
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.teacher)
    url = reverse("audits:school", args=[world.school.pk])
    AuditSessionFactory(period=baseline, school=world.school, date=baseline.starts_on, recorded_by=world.teacher)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    one = count()
    for i in range(1, 8):
        AuditSessionFactory(period=baseline, school=world.school, date=baseline.starts_on + timedelta(days=i))
    assert count() == one <= 12


def test_autosave_answers_the_day_url(world, baseline, client_for):
    client = client_for(world.teacher)
    url = reverse("audits:day_autosave", args=[world.school.pk, baseline.pk])
    data = client.post(url, day_post()).json()
    assert data["url"] == reverse("audits:day", args=[world.school.pk, AuditSession.objects.get().pk])

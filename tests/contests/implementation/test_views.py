"""Implementation records of selected initiatives: updates by the school's teachers, refusals
(nothing changed), photos through the media checks, scope (another school: 404), the list."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from contests.enums import EntryStatus, ImplementationStatus
from contests.models import Implementation, Indicator, Milestone
from tests.factories.contests import ContestFactory, EntryFactory, selected_entry


@pytest.fixture
def entry(world):
    return selected_entry(programme=world.programme, school=world.school, title="Tiết kiệm nước rửa tay")


def _url(name, entry, *args):
    return reverse(f"contests:{name}", args=[entry.pk, *args])


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (30, 140, 60))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {2: (21.0, 2.0, 3.0), 1: "N"}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_teacher_updates_status_progress_and_summary(world, client_for, entry):
    client = client_for(world.teacher)
    response = client.post(
        _url("implementation_update", entry),
        {"status": ImplementationStatus.IN_PROGRESS, "progress_pct": "40", "summary": "Đã lắp 3 vòi tiết kiệm"},
    )
    assert response.status_code == 302
    implementation = Implementation.objects.get(entry=entry)
    assert (implementation.status, implementation.progress_pct) == (ImplementationStatus.IN_PROGRESS, 40)
    assert implementation.summary == "Đã lắp 3 vòi tiết kiệm"
    assert implementation.updated_by == world.teacher
    html = client.get(_url("implementation", entry)).content.decode()
    assert "Đã lắp 3 vòi tiết kiệm" in html and "40%" in html


@pytest.mark.parametrize("progress", ["150", "-1", "abc", "", "40.5"])
def test_bad_progress_is_refused_and_nothing_changes(world, client_for, entry, progress):
    Implementation.objects.create(entry=entry, status=ImplementationStatus.IN_PROGRESS, progress_pct=30)
    response = client_for(world.teacher).post(
        _url("implementation_update", entry), {"status": ImplementationStatus.DONE, "progress_pct": progress}
    )
    assert response.status_code == 400
    assert any(str(m).startswith("Chưa lưu gì") for m in response.context["messages"])
    implementation = Implementation.objects.get(entry=entry)
    assert (implementation.status, implementation.progress_pct) == (ImplementationStatus.IN_PROGRESS, 30)


def test_unknown_status_is_refused(world, client_for, entry):
    response = client_for(world.teacher).post(
        _url("implementation_update", entry), {"status": "finished!", "progress_pct": "10"}
    )
    assert response.status_code == 400
    assert not Implementation.objects.filter(entry=entry).exists()


def test_indicator_is_added_then_updated_by_name(world, client_for, entry):
    client = client_for(world.teacher)
    data = {"name": "Nước tiết kiệm được", "unit": "m³", "value": "12.5", "target": "40"}
    assert client.post(_url("indicator_save", entry), data).status_code == 302
    assert client.post(_url("indicator_save", entry), {**data, "value": "18,25"}).status_code in (302, 400)
    indicator = Indicator.objects.get(implementation__entry=entry)
    assert (indicator.name, indicator.unit, indicator.target) == ("Nước tiết kiệm được", "m³", Decimal("40.00"))
    assert indicator.value in (Decimal("12.50"), Decimal("18.25"))
    client.post(_url("indicator_save", entry), {**data, "value": "18.25"})
    assert Indicator.objects.get(implementation__entry=entry).value == Decimal("18.25")
    assert "18.25 m³" in client.get(_url("implementation", entry)).content.decode().replace(",", ".")


@pytest.mark.parametrize(
    "change", [{"value": "-3"}, {"target": "-1"}, {"value": "abc"}, {"name": ""}, {"unit": ""}, {"value": "1e400"}]
)
def test_bad_indicator_is_refused_and_nothing_changes(world, client_for, entry, change):
    implementation = Implementation.objects.create(entry=entry)
    Indicator.objects.create(implementation=implementation, name="Nước tiết kiệm được", unit="m³", value=Decimal("5"))
    data = {"name": "Nước tiết kiệm được", "unit": "m³", "value": "7", "target": "40", **change}
    response = client_for(world.teacher).post(_url("indicator_save", entry), data)
    assert response.status_code == 400
    indicator = Indicator.objects.get(implementation=implementation)
    assert (indicator.value, indicator.target) == (Decimal("5.00"), None)


def test_milestone_with_photo_is_stored_without_metadata_and_served(world, client_for, entry):
    client = client_for(world.teacher)
    photo = SimpleUploadedFile("van.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(
        _url("milestone_add", entry), {"date": "2023-03-01", "title": "Lắp van tiết kiệm nước", "photo": photo}
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get(implementation__entry=entry)
    assert milestone.title == "Lắp van tiết kiệm nước" and milestone.created_by == world.teacher
    with milestone.photo.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert not stored.getexif()
    response = client.get(_url("milestone_photo", entry, milestone.pk))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert client_for(world.officer).get(_url("milestone_photo", entry, milestone.pk)).status_code == 200
    assert client_for(world.other_teacher).get(_url("milestone_photo", entry, milestone.pk)).status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [("not-a-photo.jpg", b"hello"), ("report.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")],
)
def test_milestone_with_a_bad_photo_is_refused(world, client_for, entry, name, content):
    response = client_for(world.teacher).post(
        _url("milestone_add", entry),
        {"date": "2023-03-01", "title": "Lắp van", "photo": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert not Milestone.objects.exists()


def test_milestone_without_date_or_title_is_refused(world, client_for, entry):
    client = client_for(world.teacher)
    assert client.post(_url("milestone_add", entry), {"title": "Lắp van"}).status_code == 400
    assert client.post(_url("milestone_add", entry), {"date": "2023-03-01", "title": "  "}).status_code == 400
    assert not Milestone.objects.exists()


def test_milestone_is_removed(world, client_for, entry):
    implementation = Implementation.objects.create(entry=entry)
    milestone = Milestone.objects.create(implementation=implementation, date="2023-03-01", title="x")
    assert client_for(world.teacher).post(_url("milestone_delete", entry, milestone.pk)).status_code == 302
    assert not Milestone.objects.exists()


def test_another_schools_teacher_gets_404_and_nothing_changes(world, client_for, entry):
    client = client_for(world.other_teacher)
    assert client.get(_url("implementation", entry)).status_code == 404
    data = {"status": ImplementationStatus.DONE, "progress_pct": "100"}
    assert client.post(_url("implementation_update", entry), data).status_code == 404
    assert not Implementation.objects.filter(entry=entry).exists()


def test_officer_and_student_see_but_may_not_update(world, client_for, entry):
    for user in (world.officer, world.student_user):
        client = client_for(user)
        page = client.get(_url("implementation", entry))
        assert page.status_code == 200
        assert 'id="implementation-form"' not in page.content.decode()
        data = {"status": ImplementationStatus.DONE, "progress_pct": "100"}
        assert client.post(_url("implementation_update", entry), data).status_code == 403
    assert not Implementation.objects.filter(entry=entry).exists()


def test_an_entry_not_selected_has_no_record(world, client_for):
    entry = EntryFactory(
        contest=ContestFactory(programme=world.programme), school=world.school, status=EntryStatus.AWARDED
    )
    assert client_for(world.teacher).get(_url("implementation", entry)).status_code == 404


def test_list_shows_progress_per_initiative_scoped_to_the_user(world, client_for, entry):
    other = selected_entry(programme=world.programme, school=world.other_school, contest=entry.contest)
    Implementation.objects.create(entry=entry, status=ImplementationStatus.IN_PROGRESS, progress_pct=60)
    url = reverse("contests:implementations", args=[entry.contest.slug])
    organiser_html = client_for(world.organiser).get(url).content.decode()
    assert entry.code in organiser_html and other.code in organiser_html and "60%" in organiser_html
    officer_html = client_for(world.officer).get(url).content.decode()
    assert entry.code in officer_html and other.code not in officer_html


def test_organiser_list_queries_do_not_grow_with_initiatives(world, client_for):
    from schools.models import Enrolment
    from tests.factories.places import SchoolFactory

    def add(contest, n):
        for _ in range(n):
            school = SchoolFactory(area=world.ward)
            Enrolment.objects.create(programme=world.programme, school=school)
            entry = selected_entry(programme=world.programme, school=school, contest=contest)
            implementation = Implementation.objects.create(entry=entry, progress_pct=50)
            Indicator.objects.create(implementation=implementation, name="Nước", unit="m³", value=Decimal("3"))
            Milestone.objects.create(implementation=implementation, date="2023-01-01", title="x")

    contest = ContestFactory(programme=world.programme)
    client = client_for(world.organiser)
    url = reverse("contests:implementations", args=[contest.slug])
    add(contest, 1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).content.decode().count('class="implementation-row"') == 1
    add(contest, 9)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).content.decode().count('class="implementation-row"') == 10
    assert len(ten) == len(one)
    assert len(one) <= 12

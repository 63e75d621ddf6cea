"""Action plan pages: writing with autosave, the concurrent-edit refusal, attachments, the review cycle."""

import io
import json
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from schools.enums import PlanStatus
from schools.models import ActionPlan, Attachment, Goal
from schools.plans.services import plan_submit
from schools.plans.services_files import MAX_ATTACHMENT_BYTES
from tests.schools.plans.support import complete_plan, dated
from tests.upload_samples import DOCX_MAIN, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def en():
    """A new client per call, logged in as the user, reading English."""

    def login(user):
        client = Client()
        client.force_login(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login


def _url(world, name="plan", *extra):
    return reverse(f"workspace:{name}", args=[world.programme.pk, world.school.pk, *extra])


def _goals(version, *texts):
    data = {"version": version, "goals-TOTAL_FORMS": len(texts) + 1, "goals-INITIAL_FORMS": 0}
    for i, text in enumerate(texts):
        data.update(
            {
                f"goals-{i}-text": text,
                f"goals-{i}-indicator": "kg",
                f"goals-{i}-target_value": "20",
                f"goals-{i}-unit": "%",
            }
        )
    return data


def test_teacher_opens_a_plan_not_started_with_empty_sections(world, en):
    response = en(world.teacher).get(_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-plan-status="not_started"' in html
    assert 'name="version" value="0"' in html
    assert "data-autosave" in html
    assert not ActionPlan.objects.exists()  # opening the page makes nothing


def test_autosave_saves_a_draft_and_answers_the_new_version(world, en):
    dated(world.programme)
    client = en(world.teacher)
    response = client.post(
        _url(world, "plan_section", "goals"), _goals(0, "Giảm 20% nhựa"), HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["ok"] is True
    assert body["version"] == 2
    assert body["checklist"]["goals"] is True
    assert list(Goal.objects.values_list("text", flat=True)) == ["Giảm 20% nhựa"]
    # Leave and come back: the draft is there.
    html = client.get(_url(world)).content.decode()
    assert 'value="Giảm 20% nhựa"' in html
    assert 'name="version" value="2"' in html


def test_plain_post_without_script_redirects_to_the_section(world, en):
    dated(world.programme)
    response = en(world.teacher).post(_url(world, "plan_section", "goals"), _goals(0, "Mục tiêu"))
    assert response.status_code == 302
    assert response.url.endswith("#section-goals")


def test_second_teacher_is_refused_and_keeps_what_they_typed(world, en):
    dated(world.programme)
    client = en(world.teacher)
    client.post(_url(world, "plan_section", "goals"), _goals(0, "Cô Hương"), HTTP_X_REQUESTED_WITH="fetch")
    stale = client.post(_url(world, "plan_section", "goals"), _goals(0, "Thầy Nam"), HTTP_X_REQUESTED_WITH="fetch")
    assert stale.status_code == 409
    assert json.loads(stale.content)["conflict"] is True
    plain = client.post(_url(world, "plan_section", "goals"), _goals(0, "Thầy Nam"))
    assert plain.status_code == 400
    html = plain.content.decode()
    assert "Someone else saved this plan" in html
    assert 'value="Thầy Nam"' in html  # nothing typed is lost
    assert list(Goal.objects.values_list("text", flat=True)) == ["Cô Hương"]


def test_bad_dates_answer_a_message_and_change_nothing(world, en):
    dated(world.programme)
    data = {"version": 0, "baseline_week_starts_on": "2022-12-12", "final_week_starts_on": "2022-10-17"}
    response = en(world.teacher).post(_url(world, "plan_section", "weeks"), data, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert "final audit week must come after" in json.loads(response.content)["message"]
    garbage = en(world.teacher).post(
        _url(world, "plan_section", "weeks"), {"version": 0, "baseline_week_starts_on": "hôm qua"}
    )
    assert garbage.status_code == 400
    assert not ActionPlan.objects.exists()


# Attachments ---------------------------------------------------------------------------------


def _png():
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(out, "PNG")
    return out.getvalue()


def _docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types><Override PartName="/word/document.xml" ContentType="{DOCX_MAIN}"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("ke-hoach.pdf", pdf_bytes(), True),  # a real PDF: it is rewritten page by page
        ("anh.png", None, True),
        ("ke-hoach.docx", None, True),
        ("ke-hoach.pdf", b"<html>not a pdf</html>", False),  # content does not match
        ("anh.pdf", None, False),  # a PNG named .pdf
        ("bang.xlsx", None, False),  # a DOCX named .xlsx
        ("virus.exe", b"MZ\x90\x00", False),
    ],
)
def test_attachment_is_checked_by_its_content(world, en, name, content, accepted):
    plan = complete_plan(world)
    content = content or (_png() if name.endswith((".png", ".pdf")) else _docx())
    response = en(world.teacher).post(
        _url(world, "plan_attachment_add"), {"file": SimpleUploadedFile(name, content)}, follow=True
    )
    assert response.status_code == 200
    assert Attachment.objects.filter(plan=plan).count() == (1 if accepted else 0)
    if accepted:
        attachment = Attachment.objects.get()
        assert attachment.original_name == name
        assert name not in attachment.file.name  # stored under a server-made name
        download = en(world.teacher).get(_url(world, "plan_attachment", attachment.pk))
        assert download.status_code == 200
        assert download["X-Content-Type-Options"] == "nosniff"
    else:
        assert "does not match" in response.content.decode()


def test_too_large_or_missing_attachment_is_refused(world, en):
    complete_plan(world)
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * MAX_ATTACHMENT_BYTES)
    response = en(world.teacher).post(_url(world, "plan_attachment_add"), {"file": big}, follow=True)
    assert "too large" in response.content.decode()
    response = en(world.teacher).post(_url(world, "plan_attachment_add"), {"file": "not a file"}, follow=True)
    assert "Choose a file" in response.content.decode()
    assert Attachment.objects.count() == 0


# The review cycle ---------------------------------------------------------------------------------


def test_submit_return_resubmit_compare_approve(world, en):
    plan = complete_plan(world)
    teacher, officer = en(world.teacher), en(world.officer)
    response = teacher.post(_url(world, "plan_submit"), {"version": plan.version})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    page = officer.get(_url(world)).content.decode()
    assert 'id="review"' in page
    officer.post(_url(world, "plan_review"), {"decision": "return", "comment_goals": "Mục tiêu cần con số cụ thể"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED
    page = teacher.get(_url(world)).content.decode()
    assert "Mục tiêu cần con số cụ thể" in page
    teacher.post(
        _url(world, "plan_section", "goals"),
        _goals(plan.version, "Giảm 25% nhựa giá trị thấp"),
        HTTP_X_REQUESTED_WITH="fetch",
    )
    plan.refresh_from_db()
    teacher.post(_url(world, "plan_submit"), {"version": plan.version})
    compare = officer.get(_url(world, "plan_compare") + "?a=1&b=2")
    assert compare.status_code == 200
    html = compare.content.decode()
    assert 'data-section="goals"' in html
    assert 'data-change="changed"' in html
    assert "Giảm 25% nhựa giá trị thấp" in html
    officer.post(_url(world, "plan_review"), {"decision": "approve"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    printed = teacher.get(_url(world, "plan_print")).content.decode()
    assert "Trường THCS Cầu Diễn" in printed
    assert "Phạm Cán Bộ" in printed  # who approved it
    assert '<html lang="vi">' in printed


def test_teacher_cannot_review_and_officer_cannot_edit(world, en):
    plan = complete_plan(world)
    plan_submit(plan=plan, user=world.teacher, expected_version=plan.version)
    assert en(world.teacher).post(_url(world, "plan_review"), {"decision": "approve"}).status_code == 403
    assert en(world.officer).post(_url(world, "plan_section", "goals"), _goals(plan.version)).status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_workspace_home_shows_the_notice_and_plan_links(world, en):
    plan = complete_plan(world)
    plan_submit(plan=plan, user=world.teacher, expected_version=plan.version)
    html = en(world.officer).get(reverse("workspace:home")).content.decode()
    assert 'id="section-notices"' in html
    assert reverse("workspace:plan_programmes") in html
    listing = en(world.officer).get(reverse("workspace:plan_programmes")).content.decode()
    assert reverse("workspace:plan_coverage", args=[world.programme.pk]) in listing
    teacher_home = en(world.teacher).get(reverse("workspace:home")).content.decode()
    assert reverse("workspace:plan_programmes") in teacher_home
    assert _url(world) in en(world.teacher).get(reverse("workspace:plan_programmes")).content.decode()
    # The student is on the core team: they may read it; once off the team, it is not offered.
    assert _url(world) in en(world.student_user).get(reverse("workspace:plan_programmes")).content.decode()
    plan.team.filter(student=world.student).delete()
    assert _url(world) not in en(world.student_user).get(reverse("workspace:plan_programmes")).content.decode()


def test_officer_reopens_an_approved_plan_with_a_reason(world, en):
    plan = complete_plan(world)
    plan_submit(plan=plan, user=world.teacher, expected_version=plan.version)
    officer = en(world.officer)
    officer.post(_url(world, "plan_review"), {"decision": "approve"})
    assert "Say why" in officer.post(_url(world, "plan_reopen"), {"reason": ""}, follow=True).content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    officer.post(_url(world, "plan_reopen"), {"reason": "Trường đổi tuần kiểm toán cuối"})
    plan.refresh_from_db()
    assert (plan.status, plan.reopen_reason) == (PlanStatus.DRAFT, "Trường đổi tuần kiểm toán cuối")
    assert "Trường đổi tuần kiểm toán cuối" in en(world.teacher).get(_url(world)).content.decode()


def test_print_a_chosen_version_and_compare_with_bad_numbers(world, en):
    plan = complete_plan(world)
    plan_submit(plan=plan, user=world.teacher, expected_version=plan.version)
    teacher = en(world.teacher)
    printed = teacher.get(_url(world, "plan_print") + "?version=1").content.decode()
    assert "Truyền thông dưới cờ" in printed
    assert "10/10/2022" in printed
    compare = teacher.get(_url(world, "plan_compare") + "?a=7&b=x")
    assert compare.status_code == 200
    assert "Choose two versions" in compare.content.decode()

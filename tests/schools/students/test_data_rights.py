"""A child's data rights (Law 91/2025): one student's export as a ZIP, and their erasure.

The scene: a student of the world's school with a login and both consents (so their full
name is printed everywhere), alone on one awarded entry and on a team with a classmate on
another, certificates made for the teams and every participant, on an action plan's core
team (with a submitted version), named in texts of the school's plan, audit day and a
notice, with sign-in records and an admin log entry about them.
"""

import io
import json
import zipfile

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, Site

from contests.certificates.jobs import certificate_batch_make
from contests.enums import ContestStatus
from contests.models import Award, Certificate, CertificateBatch, Entry, EntryMedia, EntryMember, ResultSnapshot
from contests.results.services import results_publish
from home.services import notice_send
from schools.enums import Role, TeamRole
from schools.models import ConsentRecord, PlanVersion, Student
from schools.plans.selectors import plan_snapshot
from schools.services import membership_grant, student_consent_record, student_create
from schools.students.data_rights import ERASED
from schools.students.data_rights_log import ERASE, EXPORT
from tests.factories import ProgrammeFactory, StudentFactory, UserFactory
from tests.factories.audits import AuditPeriodFactory, AuditSessionFactory
from tests.factories.contests import (
    CertificateBatchFactory,
    ContestFactory,
    EntryMediaFactory,
    EntryMemberFactory,
    contest_page_factory,
    scored_round,
)
from tests.factories.pages import HomePageFactory
from tests.factories.plans import ActionPlanFactory, ActivityFactory, CoreTeamMemberFactory

NAME = "Lạc Thị Tuyết Mai"
MATE = "Đỗ Văn Bạn"


@pytest.fixture
def scene(world, settings):
    settings.AXES_ENABLED = False
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    student, _password = student_create(classroom=world.classroom, display_name=NAME, with_login=True)
    student_consent_record(student=student, child=True, guardian=True, recorded_by=world.teacher)
    mate = StudentFactory(classroom=world.classroom, display_name=MATE)

    contest = ContestFactory(programme=world.programme, status=ContestStatus.JUDGING)
    round, entries, _judges = scored_round(
        contest=contest,
        scores=[[90, 80], [70, 60], [50, 40]],
        tiers=[("Giải Nhất", 1), ("Giải Nhì", 2)],
        school=world.school,
    )
    solo, team, other = entries
    Entry.objects.filter(pk=solo.pk).update(problem=f"Ý tưởng của {NAME}: dùng lại chai nhựa", created_by=student.user)
    EntryMemberFactory(entry=solo, student=student, is_lead=True)
    EntryMemberFactory(entry=team, student=student)
    EntryMemberFactory(entry=team, student=mate, is_lead=True)
    EntryMemberFactory(entry=other)
    solo_media = EntryMediaFactory(entry=solo, original_name=f"{NAME}.png")
    team_media = EntryMediaFactory(entry=team, original_name=f"nhom-{MATE}.png")
    results_publish(round=round, user=world.organiser)
    batch = certificate_batch_make(batch_id=CertificateBatchFactory(contest=contest, include_participants=True).pk)
    page = contest_page_factory()(parent=home, contest=contest)

    plan = ActionPlanFactory(programme=world.programme, school=world.school)
    CoreTeamMemberFactory(plan=plan, student=student, team_role=TeamRole.MEMBER)
    ActivityFactory(plan=plan, responsible=NAME)
    PlanVersion.objects.create(plan=plan, number=1, snapshot=plan_snapshot(plan), submitted_at=timezone.now())
    period = AuditPeriodFactory(programme=world.programme)
    AuditSessionFactory(period=period, school=world.school, recorded_by=student.user, note=f"{NAME} cân rác")
    notice_send(users=[world.teacher], message=f"{NAME} đã gửi bài")
    AccessAttempt.objects.create(
        username=student.user.username,
        ip_address="10.0.0.1",
        user_agent="x",
        http_accept="*",
        path_info="/",
        failures_since_start=1,
    )
    log(student, "wagtail.edit", user=world.organiser)
    return {
        "student": Student.objects.select_related("user").get(pk=student.pk),
        "mate": mate,
        "contest": contest,
        "round": round,
        "solo": solo,
        "team": team,
        "solo_media": solo_media,
        "team_media": team_media,
        "batch": batch,
        "page": page,
    }


def _url(name, student):
    return reverse(f"workspace:{name}", args=[student.school_id, student.classroom_id, student.pk])


def _export(client, student):
    response = client.get(_url("student_export", student))
    assert response.status_code == 200, response.status_code
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive, json.loads(archive.read("du-lieu.json"))


def _stored_names(scene) -> list:
    own = Certificate.objects.filter(student=scene["student"])
    team = Certificate.objects.filter(student__isnull=True, entry__in=[scene["solo"], scene["team"]])
    files = [c.file for c in [*own, *team]] + [scene["solo_media"].file, scene["solo_media"].thumbnail]
    return [(f.storage, f.name) for f in files if f] + [(scene["batch"].archive.storage, scene["batch"].archive.name)]


# --- export --------------------------------------------------------------------------------


def test_export_holds_every_table_and_file_of_the_student(world, scene, client_for):
    student = scene["student"]
    archive, data = _export(client_for(world.teacher), student)

    assert data["student"]["display_name"] == NAME
    assert data["student"]["class"]["name"] == "6A1"
    assert data["student"]["school"] == {"code": "thcs-cau-dien", "name": "Trường THCS Cầu Diễn"}
    assert data["student"]["consent"]["child"] is True
    history = data["student"]["consent"]["history"]
    assert [(r["party"], r["given"]) for r in history] == [("child", True), ("guardian", True)]
    assert {r["recorded_by"] for r in history} == {"Nguyễn Thị Giáo Viên"}
    assert data["login"]["username"] == student.user.username
    assert data["core_teams"] == [{"programme": "Nhựa giá trị thấp", "plan_status": "draft", "team_role": "member"}]

    entries = {e["code"]: e for e in data["contests"]["entries"]}
    assert set(entries) == {scene["solo"].code, scene["team"].code}
    solo = entries[scene["solo"].code]
    assert solo["problem"] == f"Ý tưởng của {NAME}: dùng lại chai nhựa"
    assert (solo["status"], solo["team_lead"], solo["team_size"], solo["created_by_student"]) == (
        "awarded",
        True,
        1,
        True,
    )
    assert entries[scene["team"].code]["team_size"] == 2
    assert sorted(a["prize"] for a in data["contests"]["awards"]) == ["Giải Nhì", "Giải Nhất"]
    certificates = data["contests"]["certificates"]
    own = Certificate.objects.get(student=student, entry=scene["solo"])
    assert {c["code"] for c in certificates} == {
        *Certificate.objects.filter(student=student).values_list("code", flat=True),
        Certificate.objects.get(student__isnull=True, entry=scene["solo"]).code,
    }
    assert data["audits"]["days_recorded"][0]["note"] == f"{NAME} cân rác"
    assert data["files_missing"] == []

    names = set(archive.namelist())
    media_paths = {f["path"] for e in data["contests"]["entries"] for f in e["files"]}
    assert {f"contests/{p}" for p in media_paths} | {f"contests/{c['file']}" for c in certificates} | {
        "du-lieu.json"
    } == names
    with scene["solo_media"].file.open("rb") as stored:
        assert archive.read(f"contests/entries/{scene['solo'].code}/{scene['solo_media'].pk}.png") == stored.read()
    with own.file.open("rb") as stored:
        assert archive.read(f"contests/certificates/{own.code}.pdf") == stored.read()

    # Nothing of another child: no team-mate's name or initials, in the data or a file name.
    text = archive.read("du-lieu.json").decode()
    for other in (MATE, "Đ.V.B.", scene["team_media"].original_name):
        assert other not in text
        assert not any(other in name for name in names)
    assert not any(NAME in name for name in names)


def test_export_is_logged_without_the_name(world, scene, client_for):
    _export(client_for(world.teacher), scene["student"])
    entry = ModelLogEntry.objects.get(action=EXPORT)
    assert (entry.user_id, entry.object_id) == (world.teacher.pk, str(scene["student"].pk))
    assert NAME not in entry.label and NAME not in json.dumps(entry.data, ensure_ascii=False)


def test_export_lists_a_missing_file_instead_of_failing(world, scene, client_for):
    media = scene["solo_media"]
    media.file.storage.delete(media.file.name)
    _archive, data = _export(client_for(world.teacher), scene["student"])
    assert data["files_missing"] == [f"contests/entries/{scene['solo'].code}/{media.pk}.png"]


# --- erasure -------------------------------------------------------------------------------


def _text_fields(model):
    return [
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, models.CharField | models.TextField) and not f.is_relation and f.concrete
    ]


def _rows_naming(text) -> list[str]:
    """Every row of every installed model whose text or JSON fields contain `text`."""
    found = []
    for model in apps.get_models():
        for name in _text_fields(model):
            found += [f"{model.__name__}.{name}" for _ in model.objects.filter(**{f"{name}__contains": text})[:1]]
        for field in [f for f in model._meta.concrete_fields if isinstance(f, models.JSONField)]:
            for value in model.objects.values_list(field.name, flat=True):
                if text in json.dumps(value, ensure_ascii=False):
                    found.append(f"{model.__name__}.{field.name}")
                    break
    return found


def _erase(client, student, name=NAME):
    return client.post(_url("student_erase", student), {"name": name})


def test_erase_removes_the_name_everywhere_and_keeps_the_results(
    world, scene, client_for, client, django_capture_on_commit_callbacks
):
    student, user_id = scene["student"], scene["student"].user_id
    assert len(_rows_naming(NAME)) >= 10  # the scene names the student in many tables
    snapshots = list(ResultSnapshot.objects.values_list("pk", "sha256", "rows"))
    awards = list(Award.objects.values_list("entry_id", "tier_id").order_by("entry_id"))
    members = EntryMember.objects.count()
    stored = _stored_names(scene)
    assert all(storage.exists(name) for storage, name in stored)
    team_media = scene["team_media"].file

    with django_capture_on_commit_callbacks(execute=True):
        response = _erase(client_for(world.teacher), student, name="  lạc thị  tuyết mai ")
    assert response.status_code == 302

    assert _rows_naming(NAME) == []
    assert _rows_naming(student.user.username) == []
    erased = Student.objects.get(pk=student.pk)
    assert (erased.display_name, erased.user_id, erased.active) == (ERASED, None, False)
    assert (erased.consent_child, erased.consent_guardian, erased.consent_recorded_at) == (False, False, None)
    assert erased.erased_at is not None
    assert not get_user_model().objects.filter(pk=user_id).exists()
    assert not ConsentRecord.objects.filter(student=student).exists()
    assert [name for storage, name in stored if storage.exists(name)] == []
    assert team_media.storage.exists(team_media.name)  # the team's file is the classmate's too
    assert not EntryMedia.objects.filter(entry=scene["solo"]).exists()

    # Aggregates and published results are kept.
    assert list(ResultSnapshot.objects.values_list("pk", "sha256", "rows")) == snapshots
    assert list(Award.objects.values_list("entry_id", "tier_id").order_by("entry_id")) == awards
    assert EntryMember.objects.count() == members
    html = client.get(scene["page"].url).content.decode()
    assert ERASED in html and NAME not in html and scene["solo"].title in html
    own = Certificate.objects.filter(student=student).first()
    page = client.get(reverse("certificate_verify", args=[own.code]))
    # The child's own certificate is revoked; the team's stays valid for the classmate.
    assert page.status_code == 200 and "verify_revoked" in page.templates[0].name
    assert own.revoked_reason == "erased" and own.revoked_at is not None and not own.file
    assert NAME not in page.content.decode()
    team = Certificate.objects.get(student__isnull=True, entry=scene["team"])
    assert team.revoked_at is None
    assert NAME not in team.recipient and ERASED in team.recipient
    assert ERASED in client.get(reverse("certificate_verify", args=[team.code])).content.decode()
    batch = CertificateBatch.objects.get(pk=scene["batch"].pk)
    with batch.archive.open("rb") as handle:
        names = zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    assert len(names) == Certificate.objects.filter(batch=batch).exclude(file="").count()

    entry = ModelLogEntry.objects.get(action=ERASE)
    assert (entry.user_id, entry.object_id) == (world.teacher.pk, str(student.pk))
    assert NAME not in entry.label


def test_erase_leaves_a_child_of_the_same_name_in_another_school(world, scene, client_for):
    namesake = StudentFactory(classroom=world.other_classroom, display_name=NAME)
    ActivityFactory(plan=ActionPlanFactory(programme=world.programme, school=world.other_school), responsible=NAME)
    _erase(client_for(world.teacher), scene["student"])
    assert Student.objects.get(pk=namesake.pk).display_name == NAME
    assert sorted(_rows_naming(NAME)) == ["Activity.responsible", "Student.display_name"]


def test_erase_with_a_wrong_name_changes_nothing(world, scene, client_for):
    client = client_for(world.teacher)
    assert client.get(_url("student_erase", scene["student"])).status_code == 200
    response = _erase(client, scene["student"], name="Lac Thi Tuyet Mai")
    assert response.status_code == 400
    assert "không khớp" in response.content.decode()
    assert Student.objects.get(pk=scene["student"].pk).display_name == NAME
    assert not ModelLogEntry.objects.filter(action=ERASE).exists()


def test_erased_student_answers_404_and_leaves_the_class_lists(world, scene, client_for):
    client = client_for(world.teacher)
    student = scene["student"]
    _erase(client, student)
    for name in ("student_export", "student_erase", "student_reactivate"):
        method = client.post if name == "student_reactivate" else client.get
        assert method(_url(name, student)).status_code == 404
    page = client.get(reverse("workspace:classroom", args=[student.school_id, student.classroom_id]))
    assert ERASED not in page.content.decode()


def test_erase_keeps_a_protected_login_as_an_empty_shell(world, scene, client_for):
    from schools.models import ReportJob

    student = scene["student"]
    ReportJob.objects.create(programme=ProgrammeFactory(), requested_by=student.user)
    _erase(client_for(world.teacher), student)
    user = get_user_model().objects.get(pk=student.user_id)
    assert (user.username, user.full_name, user.is_active, user.has_usable_password()) == (
        f"xoa-{user.pk}",
        "",
        False,
        False,
    )
    assert not user.memberships.exists()


# --- permissions ---------------------------------------------------------------------------


def _organiser_of_another_programme():
    user = UserFactory(username="organiser_b")
    membership_grant(user=user, role=Role.ORGANISER, programme=ProgrammeFactory(slug="hoan-kiem"))
    return user


@pytest.mark.parametrize("perm", ["schools.export_student_data", "schools.erase_student"])
def test_rules_truth_table(world, perm):
    other = StudentFactory(classroom=world.other_classroom)
    programme_b = _organiser_of_another_programme()
    table = [
        (world.teacher, world.student, True),
        (world.teacher, other, False),
        (world.other_teacher, world.student, False),
        (world.organiser, world.student, True),
        (world.organiser, other, True),  # a global organiser
        (programme_b, world.student, False),
        (world.student_user, world.student, False),
        (world.officer, world.student, False),
        (world.judge, world.student, False),
        (world.outsider, world.student, False),
    ]
    for user, student, expected in table:
        assert get_user_model().objects.get(pk=user.pk).has_perm(perm, student) is expected, (user, student)
    assert world.teacher.has_perm(perm) is True
    assert world.officer.has_perm(perm) is False


@pytest.mark.parametrize(
    ("who", "expected"),
    [("teacher", 200), ("other_teacher", 404), ("organiser_b", 404), ("student", 403), ("officer", 403)],
)
def test_views_answer_by_role(world, scene, client_for, who, expected):
    user = _organiser_of_another_programme() if who == "organiser_b" else world.user_for(who)
    client = client_for(user)
    student = scene["student"]
    assert client.get(_url("student_export", student)).status_code == expected
    assert client.get(_url("student_erase", student)).status_code == expected
    erase = _erase(client, student)
    assert erase.status_code == (302 if expected == 200 else expected)
    assert (Student.objects.get(pk=student.pk).display_name == NAME) is (expected != 200)


def test_another_schools_student_under_our_school_answers_404(world, client_for):
    other = StudentFactory(classroom=world.other_classroom)
    url = reverse("workspace:student_export", args=[world.school.pk, world.classroom.pk, other.pk])
    assert client_for(world.teacher).get(url).status_code == 404


def test_class_page_offers_the_buttons_to_who_may_use_them(world, client_for):
    html = client_for(world.teacher).get(reverse("workspace:classroom", args=[world.school.pk, world.classroom.pk]))
    assert _url("student_export", world.student) in html.content.decode()
    assert _url("student_erase", world.student) in html.content.decode()

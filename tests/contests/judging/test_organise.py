"""Organisers' judging pages and the paper score-sheet import."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contests.enums import ContestStatus, EvaluationStatus, RoundStatus
from contests.judging.imports import import_scores
from contests.models import Assignment, ConflictOfInterest, CriterionScore, Evaluation, JudgeInvitation
from schools.enums import Role
from schools.models import Membership
from tests.factories import UserFactory
from tests.factories.contests import judging_round


@pytest.fixture
def setup(world, settings):
    settings.AXES_ENABLED = False
    round_, entries = judging_round(
        programme=world.programme, schools=[world.school, world.other_school], judges=[world.judge]
    )
    return round_, entries


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("phieu-cham.csv", text.encode("utf-8"), content_type="text/csv")


def _good_file(round_, entries):
    lines = ["round,judge,entry_code,criterion,score"]
    for entry in entries:
        for i, value in enumerate(["8", '"6,5"', "7"], start=1):
            lines.append(f"{round_.order},judge,{entry.code},Tiêu chí {i},{value}")
    return "\n".join(lines) + "\n"


def test_import_of_a_good_file_stores_submitted_sheets(world, setup):
    round_, entries = setup
    result = import_scores(_csv(_good_file(round_, entries)), contest=round_.contest)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert set(Evaluation.objects.values_list("status", flat=True)) == {EvaluationStatus.SUBMITTED}
    assert set(Evaluation.objects.values_list("total", flat=True)) == {Decimal("71.6667")}
    assert CriterionScore.objects.count() == 6
    assert Assignment.objects.count() == 2


def test_importing_the_same_file_twice_changes_nothing(world, setup):
    round_, entries = setup
    import_scores(_csv(_good_file(round_, entries)), contest=round_.contest)
    before = list(Evaluation.objects.values_list("pk", "total", "updated_at"))
    result = import_scores(_csv(_good_file(round_, entries)), contest=round_.contest)
    assert result.ok
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert list(Evaluation.objects.values_list("pk", "total", "updated_at")) == before


def test_import_lists_every_bad_row_and_imports_nothing(world, setup):
    round_, entries = setup
    code = entries[0].code
    text = (
        "round,judge,entry_code,criterion,score\n"
        f"1,judge,{code},Tiêu chí 1,8\n"  # line 2 fine
        f"9,judge,{code},Tiêu chí 2,8\n"  # line 3 unknown round
        f"1,nobody,{code},Tiêu chí 2,8\n"  # line 4 unknown judge
        "1,judge,XX-999,Tiêu chí 2,8\n"  # line 5 unknown entry
        f"1,judge,{code},Sáng tạo,8\n"  # line 6 unknown criterion
        f"1,judge,{code},Tiêu chí 2,11\n"  # line 7 out of range
        f"1,judge,{code},Tiêu chí 3,abc\n"  # line 8 not a number
        f"1,judge,{code},Tiêu chí 1,7\n"  # line 9 twice
    )
    result = import_scores(_csv(text), contest=round_.contest)
    assert not result.ok
    assert result.error_lines == [2, 3, 4, 5, 6, 7, 8, 9]  # line 2's sheet lacks criteria 2 and 3
    assert Evaluation.objects.count() == 0
    messages = " ".join(str(p) for p in result.errors)
    assert "Dòng 3" in messages or "Line 3" in messages


def test_import_refuses_a_conflicted_judge_and_a_changed_submitted_sheet(world, setup):
    round_, entries = setup
    import_scores(_csv(_good_file(round_, entries)), contest=round_.contest)
    ConflictOfInterest.objects.create(
        judge=world.judge, contest=round_.contest, school=world.other_school, source="organiser"
    )
    changed = _good_file(round_, entries).replace(",8\n", ",9\n")
    result = import_scores(_csv(changed), contest=round_.contest)
    assert not result.ok
    assert len(result.error_lines) == 4  # two locked sheets, three conflicted rows of the other school's entry
    assert set(Evaluation.objects.values_list("total", flat=True)) == {Decimal("71.6667")}


def test_import_page_shows_the_errors(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.organiser)
    url = reverse("contests:judging_import", args=[round_.contest.pk])
    response = client.post(url, {"file": _csv("round,judge,entry_code,criterion,score\n1,judge,X,Tiêu chí 1,5\n")})
    assert response.status_code == 400
    assert 'id="import-result"' in response.content.decode()
    response = client.post(url, {"file": _csv(_good_file(round_, entries))})
    assert response.status_code == 200
    assert Evaluation.objects.count() == 2


def test_organiser_invites_an_existing_user_who_gets_the_judge_role(world, client_for, setup):
    round_, _entries = setup
    user = UserFactory(username="ba.huong")
    response = client_for(world.organiser).post(
        reverse("contests:judging_invite", args=[round_.contest.pk]), {"username": "ba.huong"}
    )
    assert response.status_code == 302
    assert JudgeInvitation.objects.filter(contest=round_.contest, judge=user).exists()
    assert Membership.objects.filter(user=user, role=Role.JUDGE, programme=world.programme).exists()


def test_organiser_assigns_balanced_and_sees_progress(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.organiser)
    response = client.post(
        reverse("contests:judging_assign", args=[round_.contest.pk]),
        {"round": round_.pk, "mode": "balanced", "k": "1"},
    )
    assert response.status_code == 302
    assert Assignment.objects.count() == 2
    page = client.get(reverse("contests:judging_manage", args=[round_.contest.pk])).content.decode()
    assert "0/2" in page


def test_organiser_adds_a_conflict_and_the_assignment_goes(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.organiser)
    client.post(reverse("contests:judging_assign", args=[round_.contest.pk]), {"round": round_.pk, "mode": "all"})
    assert Assignment.objects.count() == 2
    response = client.post(
        reverse("contests:judging_conflict_add", args=[round_.contest.pk]),
        {"judge": world.judge.pk, "school": world.school.pk, "reason": "Vợ là giáo viên ở đây"},
    )
    assert response.status_code == 302
    assert list(Assignment.objects.values_list("entry", flat=True)) == [entries[1].pk]


def test_import_counts_rows_and_sheets_apart(world, setup):
    round_, entries = setup
    result = import_scores(_csv(_good_file(round_, entries)), contest=round_.contest)
    assert (result.lines, result.rows) == (6, 2)
    assert result.summary() == "Đã nhập 6 dòng, 2 phiếu: tạo mới 2, cập nhật 0, không đổi 0."


def test_import_into_a_decided_round_is_refused_once(world, setup):
    round_, entries = setup
    round_.status = RoundStatus.DECIDED
    round_.save()
    result = import_scores(_csv(_good_file(round_, entries)), contest=round_.contest)
    assert [str(p) for p in result.errors] == [
        f"Vòng “{round_.name}” đã có kết quả: điểm không thể thay đổi nữa. Không có gì được nhập."
    ]
    assert Evaluation.objects.count() == 0


def test_import_after_the_results_are_published_is_refused_once(world, setup):
    round_, entries = setup
    round_.contest.status = ContestStatus.RESULTS_PUBLISHED
    round_.contest.save()
    result = import_scores(_csv(_good_file(round_, entries)), contest=round_.contest)
    assert len(result.errors) == 1 and result.errors[0].line is None
    assert Evaluation.objects.count() == 0

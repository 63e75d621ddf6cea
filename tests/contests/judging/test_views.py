"""The judge's workspace pages: list with progress, one entry at a time, live mode, blind rounds."""

import json
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contests.enums import ConflictSource, EvaluationStatus, MediaKind, MediaStatus, RoundMode, RoundStatus
from contests.models import ConflictOfInterest, EntryMedia, Evaluation
from tests.factories import SchoolFactory
from tests.factories.contests import AssignmentFactory, EntryMemberFactory, judging_round


@pytest.fixture
def setup(world, settings):
    settings.AXES_ENABLED = False
    round_, entries = judging_round(
        programme=world.programme, schools=[world.school, world.other_school], judges=[world.judge]
    )
    for entry in entries:
        AssignmentFactory(round=round_, judge=world.judge, entry=entry)
    return round_, entries


def _post(round_, values, action="submit", **extra):
    data = {"action": action, "comment": "", **extra}
    for criterion, value in zip(round_.criteria.order_by("order"), values, strict=True):
        data[f"c_{criterion.pk}"] = value
    return data


def _score_url(round_, entry, live=False):
    return reverse("contests:judging_score", args=[round_.pk, entry.pk]) + ("?live=1" if live else "")


def test_judging_home_shows_progress(world, client_for, setup):
    round_, entries = setup
    Evaluation.objects.create(round=round_, judge=world.judge, entry=entries[0], status=EvaluationStatus.SUBMITTED)
    response = client_for(world.judge).get(reverse("contests:judging"))
    assert response.status_code == 200
    assert "1/2" in response.content.decode()


def test_judge_submits_a_sheet_and_it_becomes_read_only(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.judge)
    response = client.post(_score_url(round_, entries[0]), _post(round_, ["8", "6,5", "7"]))
    assert response.status_code == 302
    assert response.url == _score_url(round_, entries[1])
    evaluation = Evaluation.objects.get()
    assert evaluation.status == EvaluationStatus.SUBMITTED
    assert evaluation.total == Decimal("71.6667")
    page = client.get(_score_url(round_, entries[0])).content.decode()
    assert 'name="c_' not in page
    assert "71,67" in page or "71.67" in page


def test_draft_is_kept_and_shown_again(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.judge)
    response = client.post(_score_url(round_, entries[0]), _post(round_, ["8", "", ""], action="save"))
    assert response.status_code == 302
    assert Evaluation.objects.get().status == EvaluationStatus.DRAFT
    page = client.get(_score_url(round_, entries[0])).content.decode()
    assert 'value="8"' in page


def test_out_of_range_score_is_shown_on_the_form_and_nothing_saved(world, client_for, setup):
    round_, entries = setup
    response = client_for(world.judge).post(_score_url(round_, entries[0]), _post(round_, ["11", "5", "5"]))
    assert response.status_code == 400
    assert "từ 0 đến 10" in response.content.decode() or "between 0 and 10" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_resubmitted_form_after_a_dropped_connection_answers_success_once(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.judge)
    data = _post(round_, ["8", "6", "7"], client_id="3b241101-e2bb-4255-8caf-4136c566a962", live="1")
    headers = {"HTTP_X_REQUESTED_WITH": "fetch"}
    first = client.post(_score_url(round_, entries[0], live=True), data, **headers)
    second = client.post(_score_url(round_, entries[0], live=True), data, **headers)
    assert first.status_code == second.status_code == 200
    assert json.loads(second.content)["ok"] is True
    assert json.loads(first.content)["next"] == reverse("contests:judging_live", args=[round_.pk])
    assert Evaluation.objects.count() == 1
    assert str(Evaluation.objects.get().client_id) == "3b241101-e2bb-4255-8caf-4136c566a962"


def test_changed_scores_on_a_locked_sheet_are_refused_as_json(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.judge)
    client.post(_score_url(round_, entries[0]), _post(round_, ["8", "6", "7"]))
    response = client.post(
        _score_url(round_, entries[0]), _post(round_, ["9", "6", "7"]), HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 400
    assert json.loads(response.content)["ok"] is False
    assert Evaluation.objects.get().total == Decimal("70.0000")


def test_live_mode_shows_the_next_entry_in_presentation_order(world, client_for, setup):
    round_, entries = setup
    round_.mode = RoundMode.LIVE
    round_.save()
    entries[1].presentation_order = 1
    entries[1].save()
    round_.assignments.filter(entry=entries[1]).update(position=1)
    round_.assignments.filter(entry=entries[0]).update(position=2)
    client = client_for(world.judge)
    page = client.get(reverse("contests:judging_live", args=[round_.pk])).content.decode()
    assert entries[1].code in page and "0/2" in page
    client.post(_score_url(round_, entries[1], live=True), _post(round_, ["8", "6", "7"], live="1"))
    page = client.get(reverse("contests:judging_live", args=[round_.pk])).content.decode()
    assert entries[0].code in page and "1/2" in page
    client.post(_score_url(round_, entries[0], live=True), _post(round_, ["8", "6", "7"], live="1"))
    page = client.get(reverse("contests:judging_live", args=[round_.pk]))
    assert 'id="live-done"' in page.content.decode()


def test_blind_round_shows_no_school_student_or_file_names(world, client_for, setup):
    round_, entries = setup
    round_.blind = True
    round_.save()
    entry = entries[0]
    EntryMemberFactory(entry=entry, student=world.student)
    EntryMedia.objects.create(
        entry=entry,
        kind=MediaKind.DOCUMENT,
        file=ContentFile(b"%PDF-1.4", name="x.pdf"),
        extension=".pdf",
        original_name="ke-hoach-cau-dien.pdf",
        content_type="application/pdf",
        size=8,
        status=MediaStatus.READY,
    )
    client = client_for(world.judge)
    for url in (_score_url(round_, entry), reverse("contests:judging_round", args=[round_.pk])):
        page = client.get(url).content.decode()
        assert entry.code in page
        assert world.school.name not in page
        assert "Trần Minh An" not in page
        assert "ke-hoach-cau-dien" not in page
    page = client.get(_score_url(round_, entry)).content.decode()
    assert reverse("contests:media_blind", args=[entry.media.get().pk]) in page
    round_.blind = False
    round_.save()
    page = client.get(_score_url(round_, entry)).content.decode()
    assert world.school.name in page and "Trần Minh An" in page


def test_unassigned_entry_answers_404(world, client_for, setup):
    round_, entries = setup
    round_.assignments.filter(entry=entries[1]).delete()
    client = client_for(world.judge)
    assert client.get(_score_url(round_, entries[1])).status_code == 404
    assert client.post(_score_url(round_, entries[1]), _post(round_, ["5", "5", "5"])).status_code == 404
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize("status", [RoundStatus.CLOSED, RoundStatus.DRAFT, RoundStatus.DECIDED])
def test_entries_of_a_round_that_is_not_open_answer_404(world, client_for, setup, status):
    round_, entries = setup
    round_.status = status
    round_.save()
    client = client_for(world.judge)
    assert client.get(_score_url(round_, entries[0])).status_code == 404
    assert client.post(_score_url(round_, entries[0]), _post(round_, ["5", "5", "5"])).status_code == 404
    assert client.get(reverse("contests:judging_round", args=[round_.pk])).status_code == 404
    assert not Evaluation.objects.exists()


def test_conflicted_entry_answers_404_and_leaves_the_list(world, client_for, setup):
    round_, entries = setup
    ConflictOfInterest.objects.create(
        judge=world.judge, contest=round_.contest, entry=entries[0], source=ConflictSource.DECLARED, reason="x"
    )
    client = client_for(world.judge)
    assert client.get(_score_url(round_, entries[0])).status_code == 404
    assert client.post(_score_url(round_, entries[0]), _post(round_, ["5", "5", "5"])).status_code == 404
    page = client.get(reverse("contests:judging_round", args=[round_.pk])).content.decode()
    assert entries[0].code not in page and entries[1].code in page
    assert not Evaluation.objects.exists()


def test_judge_declares_a_conflict(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.judge)
    url = reverse("contests:judging_conflict", args=[round_.contest.pk])
    assert client.post(url, {"entry_code": entries[1].code, "reason": ""}).status_code == 400
    response = client.post(url, {"entry_code": entries[1].code, "reason": "Tôi hướng dẫn nhóm này"})
    assert response.status_code == 302
    conflict = ConflictOfInterest.objects.get()
    assert (conflict.entry, conflict.source) == (entries[1], ConflictSource.DECLARED)
    assert client.get(_score_url(round_, entries[1])).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_judge_lists_do_not_grow_with_assignments(world, client_for, settings):
    settings.AXES_ENABLED = False
    client = client_for(world.judge)
    home = reverse("contests:judging")
    one, one_entries = judging_round(programme=world.programme, schools=[world.other_school], judges=[world.judge])
    AssignmentFactory(round=one, judge=world.judge, entry=one_entries[0])
    small = (_queries(client, home), _queries(client, reverse("contests:judging_round", args=[one.pk])))
    many, many_entries = judging_round(
        programme=world.programme, schools=[SchoolFactory() for _ in range(20)], judges=[world.judge]
    )
    for entry in many_entries:
        AssignmentFactory(round=many, judge=world.judge, entry=entry)
        Evaluation.objects.create(round=many, judge=world.judge, entry=entry, status=EvaluationStatus.SUBMITTED)
    big = (_queries(client, home), _queries(client, reverse("contests:judging_round", args=[many.pk])))
    assert big == small
    assert max(big) <= 12


def test_scoring_page_query_count(world, client_for, setup):
    round_, entries = setup
    client = client_for(world.judge)
    count = _queries(client, _score_url(round_, entries[0]))
    assert count <= 13  # session, user, round, conflicts (2), assignments, sheets, criteria, entry (3), site (2)


def test_workspace_sections_show_the_judges_progress_and_the_organisers_link(world, setup):
    from contests.judging.workspace import judging_sections
    from tests.conftest import fresh

    round_, entries = setup
    Evaluation.objects.create(round=round_, judge=world.judge, entry=entries[0], status=EvaluationStatus.SUBMITTED)
    (section,) = judging_sections(fresh(world.judge))
    assert section.links[0].label == f"{round_.name} · 1/2"
    (organiser_section,) = judging_sections(fresh(world.organiser))
    assert organiser_section.key == "judging-manage"
    assert judging_sections(fresh(world.teacher)) == []


def test_screening_round_needs_a_pass_or_fail(world, client_for, setup):
    round_, entries = setup
    round_.mode = RoundMode.SCREENING
    round_.save()
    round_.criteria.all().delete()
    client = client_for(world.judge)
    response = client.post(_score_url(round_, entries[0]), {"action": "submit", "passed": ""})
    assert response.status_code == 400
    assert not Evaluation.objects.filter(status=EvaluationStatus.SUBMITTED).exists()
    response = client.post(_score_url(round_, entries[0]), {"action": "submit", "passed": "1"})
    assert response.status_code == 302
    evaluation = Evaluation.objects.get()
    assert (evaluation.status, evaluation.passed, evaluation.total) == (EvaluationStatus.SUBMITTED, True, None)

"""The chair's pages (ranking, tie form, publish, snapshot, export), their query counts,
and the public winners include with the consent rule."""

import io

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from contests.enums import ContestStatus
from contests.models import Award, ResultSnapshot, TieDecision
from contests.results.selectors import published_results
from contests.results.services import results_publish
from schools.services import student_consent_record
from tests.factories import StudentFactory
from tests.factories.contests import ContestFactory, EntryMemberFactory, RoundFactory, scored_round


@pytest.fixture
def organiser_client(world, client_for, settings):
    settings.AXES_ENABLED = False
    return client_for(world.organiser)


def _contest(world):
    return ContestFactory(programme=world.programme, status=ContestStatus.JUDGING)


def _ranking_url(round):
    return reverse("contests:ranking", args=[round.contest.slug, round.order])


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_ranking_page_query_count_is_constant(world, organiser_client):
    small, _e, _j = scored_round(contest=_contest(world), scores=[[90 - i, 80 - i] for i in range(3)])
    large, _e, _j = scored_round(contest=_contest(world), scores=[[90 - i, 80 - i] for i in range(30)])
    organiser_client.get(_ranking_url(small))  # warm the session and caches
    assert _queries(organiser_client, _ranking_url(small)) == _queries(organiser_client, _ranking_url(large))


def test_ranking_page_shows_method_rows_and_traces(world, organiser_client):
    round, entries, _judges = scored_round(
        contest=_contest(world), scores=[[90, 80], [70, 60]], tiers=[("Giải Nhất", 1)], school=world.school
    )
    page = organiser_client.get(_ranking_url(round)).content.decode()
    assert "connected-statement" in page
    assert entries[0].code in page and entries[1].code in page
    assert "Trường THCS Cầu Diễn" in page
    assert "<details>" in page
    assert 'id="publish-link"' in page


def tied_round(world):
    return scored_round(
        contest=_contest(world),
        scores=[[90, 80], [90, 80], [70, 60]],
        tiers=[("Giải Nhất", 1), ("Giải Nhì", 1)],
        school=world.school,
    )


def test_ranking_page_flags_the_boundary_tie_with_a_form(world, organiser_client):
    round, entries, _judges = tied_round(world)
    page = organiser_client.get(_ranking_url(round)).content.decode()
    assert "tie-form" in page
    assert f'name="pos_{entries[0].pk}"' in page and f'name="pos_{entries[1].pk}"' in page
    assert f'name="pos_{entries[2].pk}"' not in page


def test_tie_form_records_the_order_with_a_reason(world, organiser_client):
    round, entries, _judges = tied_round(world)
    url = reverse("contests:tie_decide", args=[round.contest.slug, round.order])
    group = f"{entries[0].pk},{entries[1].pk}"
    data = {"group": group, f"pos_{entries[0].pk}": "2", f"pos_{entries[1].pk}": "1", "reason": "Trình bày tốt hơn"}
    response = organiser_client.post(url, data)
    assert response.status_code == 302
    assert TieDecision.objects.get().entry_ids == [entries[1].pk, entries[0].pk]


def test_tie_form_bad_input_changes_nothing(world, organiser_client):
    round, entries, _judges = tied_round(world)
    url = reverse("contests:tie_decide", args=[round.contest.slug, round.order])
    group = f"{entries[0].pk},{entries[1].pk}"
    for data in (
        {"group": group, f"pos_{entries[0].pk}": "1", f"pos_{entries[1].pk}": "1", "reason": "x"},
        {"group": group, f"pos_{entries[0].pk}": "a", f"pos_{entries[1].pk}": "1", "reason": "x"},
        {"group": group, f"pos_{entries[0].pk}": "1", f"pos_{entries[1].pk}": "2", "reason": ""},
        {"group": "abc", "reason": "x"},
    ):
        response = organiser_client.post(url, data, follow=True)
        assert response.status_code == 200
        assert list(response.context["messages"])[0].level_tag == "error"
    assert TieDecision.objects.count() == 0


def test_publish_page_blocked_by_the_tie_then_publishes(world, organiser_client):
    round, entries, _judges = tied_round(world)
    url = reverse("contests:results_publish", args=[round.contest.slug, round.order])
    assert 'id="publish-blocked"' in organiser_client.get(url).content.decode()
    response = organiser_client.post(url, {"confirm": "yes"}, follow=True)
    assert ResultSnapshot.objects.count() == 0
    assert "ranh giới giữa hai giải" in str(list(response.context["messages"])[0])
    TieDecision.objects.create(
        round=round, entry_ids=[entries[0].pk, entries[1].pk], reason="Lý do", decided_by=world.organiser
    )
    assert organiser_client.post(url, {}).status_code == 200  # not confirmed
    assert ResultSnapshot.objects.count() == 0
    response = organiser_client.post(url, {"confirm": "yes"})
    snapshot = ResultSnapshot.objects.get()
    assert response.url == reverse("contests:snapshot", args=[round.contest.slug, snapshot.pk])
    page = organiser_client.get(response.url).content.decode()
    assert snapshot.sha256 in page
    assert 'id="snapshot-published"' in page


def test_ranking_export_is_xlsx(world, organiser_client):
    round, entries, _judges = scored_round(contest=_contest(world), scores=[[90, 80], [70, 60]], tiers=[("Nhất", 1)])
    response = organiser_client.get(reverse("contests:ranking_export", args=[round.contest.slug, round.order]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[3][:2] == (1, entries[0].code)
    assert rows[3][4] == 85
    assert rows[3][7] == "Nhất"


def test_unknown_round_is_404(world, organiser_client):
    round, _entries, _judges = scored_round(contest=_contest(world), scores=[[90, 80]])
    assert organiser_client.get(reverse("contests:ranking", args=[round.contest.slug, 99])).status_code == 404
    assert organiser_client.get(reverse("contests:ranking", args=["khong-co", 1])).status_code == 404


# --- public winners -------------------------------------------------------------------


def _published(world, *, consent):
    round, entries, _judges = scored_round(
        contest=_contest(world),
        scores=[[90, 80], [70, 60], [50, 40]],
        tiers=[("Giải Nhất", 1), ("Giải Nhì", 1)],
        school=world.school,
    )
    named = StudentFactory(classroom=world.classroom, display_name="Phạm Gia Huy")
    if consent:
        student_consent_record(student=named, child=True, guardian=True, recorded_by=None)
    EntryMemberFactory(entry=entries[0], student=named)
    EntryMemberFactory(entry=entries[1], student=world.student)
    results_publish(round=round, user=world.organiser)
    return round.contest, entries


def test_winners_by_tier_without_consent_show_initials_class_and_school(world):
    contest, entries = _published(world, consent=False)
    results = published_results(contest)
    assert [(g.tier.name, [w.entry.code for w in g.winners]) for g in results.tiers] == [
        ("Giải Nhất", [entries[0].code]),
        ("Giải Nhì", [entries[1].code]),
    ]
    html = render_to_string("contests/includes/winners.html", {"results": results})
    assert "P.G.H. (6A1)" in html
    assert "Phạm Gia Huy" not in html
    assert "Trần Minh An" not in html
    assert "Trường THCS Cầu Diễn" in html
    assert entries[2].code not in html


def test_winners_show_the_name_with_both_consents(world):
    contest, _entries = _published(world, consent=True)
    html = render_to_string("contests/includes/winners.html", {"results": published_results(contest)})
    assert "Phạm Gia Huy" in html
    assert "T.M.A. (6A1)" in html


def test_winners_query_count_is_constant(world):
    contest, _entries = _published(world, consent=False)
    with CaptureQueriesContext(connection) as small:
        published_results(contest)
    round, entries, _judges = scored_round(
        contest=_contest(world), scores=[[90 - i, 80 - i] for i in range(12)], tiers=[("Nhất", 6), ("Nhì", 6)]
    )
    for entry in entries:
        EntryMemberFactory(entry=entry)
    results_publish(round=round, user=world.organiser)
    assert Award.objects.filter(contest=round.contest).count() == 12
    with CaptureQueriesContext(connection) as large:
        published_results(round.contest)
    assert len(small.captured_queries) == len(large.captured_queries)


def test_no_winners_before_publishing(world):
    assert published_results(_contest(world)) is None
    assert render_to_string("contests/includes/winners.html", {"results": None}).strip() == ""


def test_advance_page_advances_by_the_rule(world, organiser_client):
    round, entries, _judges = scored_round(
        contest=_contest(world), scores=[[90, 80], [70, 60], [50, 40]], advance_rule="top_n", advance_count=2
    )
    RoundFactory(contest=round.contest, order=round.order + 1)
    ranking = organiser_client.get(_ranking_url(round)).content.decode()
    assert 'id="advance-link"' in ranking and 'id="publish-link"' not in ranking
    url = reverse("contests:round_advance", args=[round.contest.slug, round.order])
    assert organiser_client.get(url).status_code == 200
    assert organiser_client.post(url).status_code == 302
    statuses = [type(e).objects.get(pk=e.pk).status for e in entries]
    assert statuses == ["advanced", "advanced", "eligible"]


def test_workspace_lists_rankings_for_organisers_only(world, client_for, settings):
    settings.AXES_ENABLED = False
    round, _entries, _judges = scored_round(contest=_contest(world), scores=[[90, 80]])
    url = reverse("contests:ranking", args=[round.contest.slug, round.order])
    assert url in client_for(world.organiser).get(reverse("workspace:home")).content.decode()
    for role in ("teacher", "judge", "officer"):
        assert url not in client_for(world.user_for(role)).get(reverse("workspace:home")).content.decode()


def _chair_of(contest, username="chair"):
    from schools.enums import Role
    from schools.services import membership_grant
    from tests.factories import UserFactory
    from tests.factories.contests import JudgeInvitationFactory

    chair = UserFactory(username=username)
    membership_grant(user=chair, role=Role.JUDGE, programme=contest.programme)
    JudgeInvitationFactory(contest=contest, judge=chair, is_chair=True)
    return chair


def _tie_data(entries, first, second, reason="Trình bày tốt hơn"):
    return {
        "group": f"{entries[0].pk},{entries[1].pk}",
        f"pos_{entries[0].pk}": str(first),
        f"pos_{entries[1].pk}": str(second),
        "reason": reason,
    }


def test_chair_sees_the_tie_form_but_no_publishing(world, client_for, settings):
    settings.AXES_ENABLED = False
    round, entries, _judges = tied_round(world)
    client = client_for(_chair_of(round.contest))
    page = client.get(_ranking_url(round)).content.decode()
    assert entries[0].code in page
    assert "tie-form" in page
    assert 'id="publish-link"' not in page and 'id="advance-link"' not in page


def test_chair_records_the_tie_decision_through_the_view(world, client_for, settings):
    settings.AXES_ENABLED = False
    round, entries, _judges = tied_round(world)
    chair = _chair_of(round.contest)
    url = reverse("contests:tie_decide", args=[round.contest.slug, round.order])
    response = client_for(chair).post(url, _tie_data(entries, 2, 1), follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])[0].level_tag == "success"
    decision = TieDecision.objects.get()
    assert decision.entry_ids == [entries[1].pk, entries[0].pk]
    assert decision.decided_by == chair
    assert 'id="decisions"' in response.content.decode()


def test_chair_bad_tie_input_is_a_message_not_an_error(world, client_for, settings):
    settings.AXES_ENABLED = False
    round, entries, _judges = tied_round(world)
    client = client_for(_chair_of(round.contest))
    url = reverse("contests:tie_decide", args=[round.contest.slug, round.order])
    response = client.post(url, _tie_data(entries, "một", 1), follow=True)
    assert response.status_code == 200
    assert str(list(response.context["messages"])[0]) == "Hãy chọn vị trí cho từng bài đồng hạng."
    assert TieDecision.objects.count() == 0


def test_chair_of_another_contest_may_not_read_nor_decide(world, client_for, settings):
    settings.AXES_ENABLED = False
    round, entries, _judges = tied_round(world)
    other = _chair_of(_contest(world), username="chair-khac")
    client = client_for(other)
    url = reverse("contests:tie_decide", args=[round.contest.slug, round.order])
    assert client.get(_ranking_url(round)).status_code == 403
    assert client.post(url, _tie_data(entries, 2, 1)).status_code == 403
    assert TieDecision.objects.count() == 0


def test_chair_may_neither_advance_nor_open_the_publish_page(world, client_for, settings):
    settings.AXES_ENABLED = False
    round, _entries, _judges = tied_round(world)
    client = client_for(_chair_of(round.contest))
    for name in ("round_advance", "results_publish"):
        assert client.get(reverse(f"contests:{name}", args=[round.contest.slug, round.order])).status_code == 403


def test_workspace_link_tells_the_chair_about_ties_not_publishing(world, client_for, settings):
    settings.AXES_ENABLED = False
    round, _entries, _judges = tied_round(world)
    client = client_for(_chair_of(round.contest))
    page = client.get(reverse("workspace:home")).content.decode()
    assert _ranking_url(round) in page
    assert "Bảng xếp hạng và quyết định đồng hạng" in page
    assert "Bảng xếp hạng, đồng hạng và công bố" not in page

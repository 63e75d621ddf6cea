"""Deciding and publishing: tie decisions, publishing frozen snapshots, awards, republishing,
the disconnected design, and advancing entries by the round's rule."""

import pytest
from django.core.exceptions import ValidationError

from contests.enums import AdvanceRule, ContestStatus, EntryStatus, RoundStatus
from contests.models import Award, ResultSnapshot, TieDecision
from contests.results.ranking import snapshot_hash
from contests.results.services import results_publish, round_advance, snapshot_hash_check, tie_decision_record
from tests.factories import UserFactory
from tests.factories.contests import RoundFactory, scored_round

pytestmark = pytest.mark.django_db

TIERS_1_2_4_5_8 = [("Giải Đặc biệt", 1), ("Giải Nhất", 2), ("Giải Nhì", 4), ("Giải Ba", 5), ("Giải Khuyến khích", 8)]


@pytest.fixture
def chair():
    return UserFactory(username="chair")


def twenty_entries():
    """20 entries, two judges agreeing, scores 98, 96, ..., 60: no ties."""
    return scored_round(scores=[[98 - 2 * i, 98 - 2 * i] for i in range(20)], tiers=TIERS_1_2_4_5_8)


def tied_at_first_boundary():
    """Entries 1 and 2 have identical sheets; one first prize, one second."""
    return scored_round(scores=[[90, 80], [90, 80], [70, 60]], tiers=[("Giải Nhất", 1), ("Giải Nhì", 1)])


def test_publish_20_entries_awards_1_2_4_5_8(chair):
    round, entries, _judges = twenty_entries()
    snapshot = results_publish(round=round, user=chair)
    counts = [Award.objects.filter(contest=round.contest, tier__order=order).count() for order in range(1, 6)]
    assert counts == [1, 2, 4, 5, 8]
    assert Award.objects.get(entry=entries[0]).tier.name == "Giải Đặc biệt"
    assert list(Award.objects.filter(tier__order=2).values_list("entry__code", flat=True)) == [
        entries[1].code,
        entries[2].code,
    ]
    assert set(Award.objects.values_list("snapshot_id", flat=True)) == {snapshot.pk}
    assert {e.status for e in type(entries[0]).objects.filter(contest=round.contest)} == {EntryStatus.AWARDED}
    round.refresh_from_db()
    round.contest.refresh_from_db()
    assert round.status == RoundStatus.DECIDED
    assert round.contest.status == ContestStatus.RESULTS_PUBLISHED


def test_publish_snapshot_is_frozen_and_hash_reproducible(chair):
    round, entries, _judges = twenty_entries()
    snapshot = results_publish(round=round, user=chair)
    stored = ResultSnapshot.objects.get(pk=snapshot.pk)
    assert stored.is_published is True
    assert stored.published_at is not None
    assert stored.method == "mean"
    assert len(stored.rows) == 20
    assert stored.rows[0]["entry_id"] == entries[0].pk
    assert stored.rows[0]["score"] == "98.00"
    assert stored.rows[0]["rank"] == 1
    assert stored.rows[0]["tier"] == 1
    data = {"method": stored.method, "parameters": stored.parameters, "rows": stored.rows}
    assert snapshot_hash(data) == stored.sha256
    assert snapshot_hash_check(stored) is True
    stored.rows[0]["score"] = "99.00"
    assert snapshot_hash_check(stored) is False


def test_republish_makes_a_new_snapshot_and_unpublishes_the_old(chair):
    round, _entries, _judges = twenty_entries()
    first = results_publish(round=round, user=chair)
    second = results_publish(round=round, user=chair)
    first.refresh_from_db()
    assert first.is_published is False
    assert second.is_published is True
    assert first.sha256 == second.sha256
    assert ResultSnapshot.objects.filter(round=round).count() == 2
    assert Award.objects.filter(contest=round.contest).count() == 20
    assert set(Award.objects.values_list("snapshot_id", flat=True)) == {second.pk}


def test_publish_refused_with_an_unresolved_boundary_tie(chair):
    round, _entries, _judges = tied_at_first_boundary()
    with pytest.raises(ValidationError) as error:
        results_publish(round=round, user=chair)
    assert "ranh giới giữa hai giải" in error.value.messages[0]
    assert ResultSnapshot.objects.count() == 0
    assert Award.objects.count() == 0
    round.contest.refresh_from_db()
    assert round.contest.status == ContestStatus.JUDGING


def test_tie_decision_refused_without_a_reason(chair):
    round, entries, _judges = tied_at_first_boundary()
    with pytest.raises(ValidationError) as error:
        tie_decision_record(round=round, entry_ids=[entries[1].pk, entries[0].pk], reason="  ", user=chair)
    assert "reason" in error.value.message_dict
    assert TieDecision.objects.count() == 0


def test_tie_decision_refused_for_untied_entries(chair):
    round, entries, _judges = tied_at_first_boundary()
    with pytest.raises(ValidationError) as error:
        tie_decision_record(round=round, entry_ids=[entries[2].pk, entries[0].pk], reason="Trình bày tốt", user=chair)
    assert error.value.messages == ["Các bài này không đồng hạng trong bảng xếp hạng hiện tại."]
    with pytest.raises(ValidationError):
        tie_decision_record(round=round, entry_ids=[entries[0].pk, entries[0].pk], reason="x", user=chair)
    assert TieDecision.objects.count() == 0


def test_tie_decision_resolves_the_boundary_and_publish_follows_it(chair):
    round, entries, _judges = tied_at_first_boundary()
    decision = tie_decision_record(
        round=round, entry_ids=[entries[1].pk, entries[0].pk], reason="Sáng kiến lan tỏa rộng hơn", user=chair
    )
    assert decision.entry_ids == [entries[1].pk, entries[0].pk]
    snapshot = results_publish(round=round, user=chair)
    assert Award.objects.get(tier__order=1).entry == entries[1]
    assert Award.objects.get(tier__order=2).entry == entries[0]
    assert [row["entry_id"] for row in snapshot.rows[:2]] == [entries[1].pk, entries[0].pk]


def test_single_tier_contest_selects(chair):
    round, entries, _judges = scored_round(scores=[[90, 80], [70, 60], [50, 40]], tiers=[("Được chọn hỗ trợ", 2)])
    results_publish(round=round, user=chair)
    statuses = dict(type(entries[0]).objects.filter(contest=round.contest).values_list("code", "status"))
    assert statuses == {
        entries[0].code: EntryStatus.SELECTED,
        entries[1].code: EntryStatus.SELECTED,
        entries[2].code: EntryStatus.ELIGIBLE,
    }


def disconnected_round():
    """Judges 1–2 scored entries 1–2, judges 3–4 entries 3–4: two components."""
    return scored_round(
        scores=[[90, 80, None, None], [70, 60, None, None], [None, None, 85, 75], [None, None, 55, 45]],
        tiers=[("Giải Nhất", 1)],
    )


def test_publish_disconnected_refused_unless_confirmed_with_reason(chair):
    round, _entries, _judges = disconnected_round()
    with pytest.raises(ValidationError) as error:
        results_publish(round=round, user=chair)
    assert "không liên thông" in error.value.messages[0]
    with pytest.raises(ValidationError):
        results_publish(round=round, user=chair, confirm_disconnected=True, reason="")
    assert ResultSnapshot.objects.count() == 0
    snapshot = results_publish(round=round, user=chair, confirm_disconnected=True, reason="Hai tiểu ban chấm riêng")
    assert snapshot.parameters["disconnected_confirmed"] == "Hai tiểu ban chấm riêng"
    assert snapshot_hash_check(snapshot) is True


def test_publish_refused_for_a_round_before_the_last(chair):
    round, _entries, _judges = twenty_entries()
    RoundFactory(contest=round.contest, order=round.order + 1)
    with pytest.raises(ValidationError):
        results_publish(round=round, user=chair)
    assert ResultSnapshot.objects.count() == 0


def _with_next_round(round, **rule):
    for field, value in rule.items():
        setattr(round, field, value)
    round.save()
    RoundFactory(contest=round.contest, order=round.order + 1)
    return round


def test_advance_top_n(chair):
    round, entries, _judges = scored_round(scores=[[90, 80], [70, 60], [50, 40], [30, 20]])
    _with_next_round(round, advance_rule=AdvanceRule.TOP_N, advance_count=2)
    ids = round_advance(round=round, user=chair)
    assert sorted(ids) == sorted([entries[0].pk, entries[1].pk])
    statuses = [type(e).objects.get(pk=e.pk).status for e in entries]
    assert statuses == [EntryStatus.ADVANCED, EntryStatus.ADVANCED, EntryStatus.ELIGIBLE, EntryStatus.ELIGIBLE]
    round.refresh_from_db()
    assert round.status == RoundStatus.DECIDED
    with pytest.raises(ValidationError):
        round_advance(round=round, user=chair)


def test_advance_threshold(chair):
    round, entries, _judges = scored_round(scores=[[90, 80], [70, 60], [50, 40]])
    _with_next_round(round, advance_rule=AdvanceRule.THRESHOLD, advance_threshold=65)
    assert round_advance(round=round, user=chair) == [entries[0].pk, entries[1].pk]  # 85 and 65: at or above


def test_advance_manual_only_ranked_entries(chair):
    round, entries, _judges = scored_round(scores=[[90, 80], [70, 60], [50, 40]])
    _with_next_round(round, advance_rule=AdvanceRule.MANUAL)
    with pytest.raises(ValidationError):
        round_advance(round=round, user=chair, entry_ids=[])
    with pytest.raises(ValidationError):
        round_advance(round=round, user=chair, entry_ids=["999999"])
    assert round_advance(round=round, user=chair, entry_ids=[str(entries[2].pk)]) == [entries[2].pk]
    assert type(entries[2]).objects.get(pk=entries[2].pk).status == EntryStatus.ADVANCED


def test_advance_refused_without_a_next_round(chair):
    round, _entries, _judges = scored_round(scores=[[90, 80]])
    round.advance_rule = AdvanceRule.TOP_N
    round.advance_count = 1
    round.save()
    with pytest.raises(ValidationError) as error:
        round_advance(round=round, user=chair)
    assert error.value.messages == ["Không có vòng tiếp theo để chuyển bài vào."]


def test_republish_after_a_new_decision_moves_the_award(chair):
    round, entries, _judges = scored_round(scores=[[90, 80], [90, 80], [70, 60]], tiers=[("Giải Nhất", 1)])
    tie_decision_record(round=round, entry_ids=[entries[0].pk, entries[1].pk], reason="Lần 1", user=chair)
    first = results_publish(round=round, user=chair)
    assert list(Award.objects.values_list("entry_id", "snapshot_id")) == [(entries[0].pk, first.pk)]
    tie_decision_record(round=round, entry_ids=[entries[1].pk, entries[0].pk], reason="Xem lại phiếu", user=chair)
    second = results_publish(round=round, user=chair)
    assert list(Award.objects.values_list("entry_id", "snapshot_id")) == [(entries[1].pk, second.pk)]
    statuses = [type(e).objects.get(pk=e.pk).status for e in entries]
    assert statuses == [EntryStatus.ELIGIBLE, EntryStatus.SELECTED, EntryStatus.ELIGIBLE]  # one tier: a selection
    first.refresh_from_db()
    assert (first.is_published, second.is_published) == (False, True)
    assert first.sha256 != second.sha256


def test_chair_posting_publish_is_refused_and_nothing_changes(world, client_for, settings):
    from django.urls import reverse

    from schools.enums import Role
    from schools.services import membership_grant
    from tests.factories.contests import JudgeInvitationFactory, results_round

    settings.AXES_ENABLED = False
    round = results_round(world)
    chair = UserFactory(username="chu-tich")
    membership_grant(user=chair, role=Role.JUDGE, programme=world.programme)
    JudgeInvitationFactory(contest=round.contest, judge=chair, is_chair=True)
    before = (round.status, round.contest.status)
    url = reverse("contests:results_publish", args=[round.contest.slug, round.order])

    response = client_for(chair).post(url, {"confirm": "yes"})

    assert response.status_code == 403
    assert ResultSnapshot.objects.count() == 0
    assert Award.objects.count() == 0
    round.refresh_from_db()
    round.contest.refresh_from_db()
    assert (round.status, round.contest.status) == before
    assert client_for(world.organiser).post(url, {"confirm": "yes"}).status_code == 302  # organisers still publish
    assert ResultSnapshot.objects.filter(is_published=True).count() == 1

"""The board's figures, states, filters, sorting and query count."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audits.results import programme_results
from contests.enums import ENTRY_NOT_COUNTED
from contests.models import Award, Entry
from schools.enums import PlanStatus, SchoolLevel
from schools.models import ActionPlan
from schools.monitoring.registry import DONE, IN_PROGRESS, LATE, MISSING
from schools.monitoring.selectors import board_for
from schools.plans.monitoring import plan_cell
from schools.plans.selectors import coverage_rows, coverage_summary
from tests.conftest import fresh
from tests.factories.plans import ActionPlanFactory
from tests.schools.monitoring.helpers import DEADLINE, TODAY, build


def test_board_figures_equal_those_of_the_plan_audit_and_contest_selectors(world):
    programme, schools = build(world, 7)

    board = board_for(fresh(world.organiser), programme, today=TODAY)

    results = programme_results(programme)
    audits = board.figures["audits"]
    assert audits["reduction_pct"] == round(results.reduction_pct, 1)
    assert audits["coverage"] == f"{results.schools_paired}/{results.schools_enrolled}" == "4/7"
    assert audits["schools_meeting_target"] == results.schools_meeting_target
    assert audits["median_school_reduction_pct"] == round(results.median_school_reduction_pct, 1)
    assert audits["low_value_plastic_items_reduction_pct"] == round(results.lvp_items_reduction_pct, 1)
    summary = coverage_summary(coverage_rows(fresh(world.organiser), programme))
    assert board.figures["plans"] == {
        "total": summary["total"],
        "submitted": summary["filed"],
        "approved": summary["approved"],
    }
    entries = Entry.objects.filter(contest__programme=programme).exclude(status__in=ENTRY_NOT_COUNTED)
    assert board.figures["contests"]["entries"] == entries.count() == 6
    assert board.figures["contests"]["schools_taking_part"] == 6
    assert board.figures["contests"]["awards"] == Award.objects.count() == 1
    stats = {s.key: s.text for s in board.stats}
    assert stats["plans"] == "4/7 kế hoạch"
    assert stats["audits_paired"] == "4/7 có số liệu đầu kỳ và cuối kỳ"


def test_board_rows_have_a_state_per_column(world):
    programme, schools = build(world, 4)

    board = board_for(fresh(world.organiser), programme, today=TODAY)

    rows = {row.school.pk: row for row in board.rows}
    ours = rows[world.school.pk]  # no plan, no audit day, no entry
    assert {k: c.state for k, c in ours.cells.items()} == {
        "plan": LATE,
        "baseline": LATE,
        "final": LATE,
        "reduction": LATE,
        "entries": MISSING,
        "awards": MISSING,
    }
    full = rows[schools[1].pk]  # approved plan, both phases, one entry, the award
    assert {k: c.state for k, c in full.cells.items()} == dict.fromkeys(
        ["plan", "baseline", "final", "reduction", "entries", "awards"], DONE
    )
    assert full.cells["reduction"].text == "−25,0 %"
    third = rows[schools[3].pk]  # the index-3 school has no plan and no final days
    assert third.cells["baseline"].state == DONE
    assert third.cells["final"].state == LATE
    assert third.state == LATE


def test_plan_cell_states_follow_the_deadline(world):
    before, after = date(2022, 11, 1), date(2022, 11, 20)
    draft = ActionPlanFactory(programme=world.programme, school=world.school, status=PlanStatus.DRAFT)

    assert plan_cell(None, DEADLINE, before).state == MISSING
    assert plan_cell(None, DEADLINE, after).state == LATE
    assert plan_cell(None, None, after).state == MISSING
    assert plan_cell(draft, DEADLINE, before).state == IN_PROGRESS
    assert plan_cell(draft, DEADLINE, after).state == LATE
    draft.first_submitted_at = draft.created_at
    draft.status = PlanStatus.SUBMITTED
    assert plan_cell(draft, DEADLINE, after).state == IN_PROGRESS
    draft.status = PlanStatus.APPROVED
    assert plan_cell(draft, DEADLINE, after).state == DONE


def test_audit_cells_are_in_progress_or_missing_before_the_period_ends(world):
    programme, schools = build(world, 4, contest=False)

    board = board_for(fresh(world.organiser), programme, today=date(2022, 10, 20))

    rows = {row.school.pk: row for row in board.all_rows}
    assert rows[world.school.pk].cells["baseline"].state == MISSING
    assert rows[world.school.pk].cells["plan"].state == MISSING
    assert rows[schools[1].pk].cells["baseline"].state == DONE
    assert rows[schools[1].pk].cells["entries"].state == "none"  # no contest in the programme
    ActionPlan.objects.filter(school=schools[1]).update(status=PlanStatus.DRAFT, first_submitted_at=None)
    board = board_for(fresh(world.organiser), programme, today=date(2022, 10, 20))
    assert {r.school.pk: r for r in board.all_rows}[schools[1].pk].cells["plan"].state == IN_PROGRESS


def test_board_filters_by_state_level_and_area(world):
    programme, schools = build(world, 7)
    user = fresh(world.organiser)

    late = board_for(user, programme, state=LATE, today=TODAY)
    primary = board_for(user, programme, level=SchoolLevel.PRIMARY, today=TODAY)
    other_area = board_for(user, programme, area=world.other_ward.pk, today=TODAY)

    assert sorted(r.school.pk for r in late.rows) == sorted([world.school.pk, schools[3].pk, schools[6].pk])
    assert all(r.school.level == SchoolLevel.PRIMARY for r in primary.rows)
    assert [s.pk for s in schools if s.level == SchoolLevel.PRIMARY] == sorted(r.school.pk for r in primary.rows)
    assert other_area.rows == []
    assert len(late.all_rows) == 7  # the counts cover every school


def test_board_sorts_by_a_column_both_ways(world):
    programme, schools = build(world, 6)
    user = fresh(world.organiser)

    up = board_for(user, programme, sort="reduction", today=TODAY)
    down = board_for(user, programme, sort="-reduction", today=TODAY)
    by_name = board_for(user, programme, sort="nonsense", today=TODAY)

    values = [r.cells["reduction"].sort for r in up.rows if r.cells["reduction"].sort is not None]
    assert values == sorted(values) and len(values) == 4
    assert up.rows[-1].cells["reduction"].sort is None  # schools without a figure go last
    downs = [r.cells["reduction"].sort for r in down.rows if r.cells["reduction"].sort is not None]
    assert downs == sorted(values, reverse=True)
    assert [r.school.name for r in by_name.rows] == sorted(r.school.name for r in by_name.rows)


def _board_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("view", ["workspace:board", "workspace:board_export"])
def test_board_query_count_is_the_same_for_5_and_50_schools(world, client_for, view):
    from schools.models import Programme
    from tests.factories import ProgrammeFactory
    from tests.schools.monitoring.helpers import add_contest, add_school, setup_programme

    client = client_for(world.officer)
    counts = []
    for n in (5, 50):
        programme = ProgrammeFactory(area=world.district, slug=f"board-{n}")
        periods = setup_programme(programme)
        schools = [add_school(programme, periods, i, area=world.ward, teacher=False) for i in range(1, n + 1)]
        add_contest(programme, schools, decided_by=world.organiser)
        counts.append(_board_queries(client, reverse(view, args=[programme.slug]) + "?sort=-reduction"))
        assert Programme.objects.get(pk=programme.pk).enrolments.count() == n
    assert counts[0] == counts[1]
    assert counts[0] <= 21  # 13 of the board; session, user, roles, programme, site, settings, reports

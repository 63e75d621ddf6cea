"""Helpers of the action-plan tests: a programme with dates, and a plan ready to submit."""

import datetime

from schools.enums import PlanSection, TeamRole
from schools.plans.services import plan_section_save

START, END = datetime.date(2022, 10, 1), datetime.date(2022, 12, 31)


def dated(programme):
    programme.starts_on, programme.ends_on = START, END
    programme.plan_deadline = datetime.date(2022, 10, 20)
    programme.save()
    return programme


def complete_plan(world, user=None):
    """The world school's plan, every section filled in (a draft ready to submit)."""
    user = user or world.teacher
    programme = dated(world.programme)
    kwargs = {"programme": programme, "school": world.school, "user": user}
    plan = plan_section_save(
        **kwargs,
        section=PlanSection.TEAM,
        expected_version=0,
        rows=[
            {"person": f"u{world.teacher.pk}", "team_role": TeamRole.LEADER},
            {"person": f"s{world.student.pk}", "team_role": TeamRole.STUDENT_LEADER},
        ],
    )
    plan = plan_section_save(
        **kwargs,
        section=PlanSection.GOALS,
        expected_version=plan.version,
        rows=[
            {
                "text": "Giảm 20% rác thải nhựa giá trị thấp",
                "indicator": "nhựa/người/ngày",
                "target_value": 20,
                "unit": "%",
            }
        ],
    )
    plan = plan_section_save(
        **kwargs,
        section=PlanSection.ACTIVITIES,
        expected_version=plan.version,
        rows=[
            {
                "kind": "communication",
                "title": "Truyền thông dưới cờ",
                "starts_on": datetime.date(2022, 10, 10),
                "ends_on": datetime.date(2022, 10, 10),
                "responsible": "Tổng phụ trách Đội",
                "status": "planned",
            }
        ],
    )
    return plan_section_save(
        **kwargs,
        section=PlanSection.WEEKS,
        expected_version=plan.version,
        weeks={
            "baseline_week_starts_on": datetime.date(2022, 10, 17),
            "final_week_starts_on": datetime.date(2022, 12, 5),
        },
    )

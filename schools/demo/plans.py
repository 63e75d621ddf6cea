"""Demo action plans of the Nam Từ Liêm programme (the 2022 report), made through services.

24 enrolled schools: most plans approved, some returned with comments on sections, two
under review (one on its second version), one draft, and THCS Cầu Diễn not started, so
the browser test and a visitor can walk the whole cycle from the start. Idempotent: a
school that already has a plan is left as it is.
"""

from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model

from schools.demo import data
from schools.enums import ActivityKind, ActivityStatus, PlanSection, Role, TeamRole
from schools.models import ActionPlan, Membership, Programme, Student
from schools.plans.services import (
    plan_approve,
    plan_return,
    plan_section_save,
    plan_submit,
    programme_plan_deadline_set,
)

DEADLINE = date(2022, 11, 15)
BASELINE, FINAL = date(2022, 11, 7), date(2022, 12, 5)
NOT_STARTED = {"ntl-thcs-cau-dien"}
DRAFT = {"ntl-thcs-ly-nam-de"}
RETURNED = {
    "ntl-thcs-phu-do": {
        PlanSection.WEEKS: "Tuần kiểm toán cuối trùng tuần kiểm tra học kỳ I; đề nghị nhà trường chọn tuần khác."
    },
    "ntl-thcs-olympia": {
        PlanSection.GOALS: "Mục tiêu cần có chỉ số đo được (kg hoặc số món nhựa mỗi người mỗi ngày).",
        PlanSection.TEAM: "Bổ sung đại diện học sinh vào Tổ nòng cốt.",
    },
    "ntl-thcs-tri-duc": {PlanSection.ACTIVITIES: "Chưa có hoạt động hướng dẫn học sinh kiểm toán rác tuần đầu."},
}
SUBMITTED = {"ntl-thcs-phan-huy-chu", "ntl-thcs-doan-thi-diem"}
RESUBMITTED = {"ntl-thcs-doan-thi-diem", "ntl-thcs-tay-mo"}  # returned once, then sent again
LATE = {"ntl-thcs-viet-uc", "ntl-thcs-xuan-phuong"}
CONTEST_SCHOOLS = {
    "ntl-thcs-nam-tu-liem",
    "ntl-thcs-cau-dien",
    "ntl-thcs-tay-mo",
    "ntl-thcs-me-tri",
    "ntl-thcs-my-dinh-2",
}

GOALS = [
    {
        "text": "Giảm 20% rác thải nhựa giá trị thấp",
        "indicator": "Khối lượng nhựa giá trị thấp mỗi người mỗi ngày (tuần cuối so với tuần đầu)",
        "target_value": 20,
        "unit": "%",
    },
    {
        "text": "100% giáo viên và học sinh được truyền thông về phân loại rác tại nguồn",
        "indicator": "Tỉ lệ giáo viên, học sinh được tiếp cận",
        "target_value": 100,
        "unit": "%",
    },
]


def _activities(teacher_name: str, contest: bool) -> list[dict]:
    rows = [
        (
            ActivityKind.TRAINING,
            "Giáo viên dự tập huấn giáo dục môi trường về rác thải nhựa giá trị thấp",
            date(2022, 11, 4),
            date(2022, 11, 4),
            teacher_name,
        ),
        (
            ActivityKind.COMMUNICATION,
            "Truyền thông dưới cờ về tác hại của rác thải nhựa giá trị thấp",
            date(2022, 11, 7),
            date(2022, 11, 7),
            "Tổng phụ trách Đội",
        ),
        (
            ActivityKind.AUDIT,
            "Hướng dẫn học sinh kiểm toán rác, ghi số liệu tuần đầu",
            BASELINE,
            BASELINE + timedelta(days=4),
            teacher_name,
        ),
        (
            ActivityKind.COLLECTION,
            "Thu gom, phân loại rác nhựa tại các lớp",
            date(2022, 11, 14),
            date(2022, 12, 2),
            "Giáo viên chủ nhiệm",
        ),
        (
            ActivityKind.AUDIT,
            "Kiểm toán rác tuần cuối để đo lường sự thay đổi",
            FINAL,
            FINAL + timedelta(days=4),
            teacher_name,
        ),
        (
            ActivityKind.OTHER,
            "Tham gia Ngày hội tổng kết tại THCS Tây Mỗ",
            date(2022, 12, 17),
            date(2022, 12, 17),
            "Ban giám hiệu",
        ),
    ]
    if contest:
        rows.insert(
            4,
            (
                ActivityKind.CONTEST,
                "Cuộc thi sáng kiến giảm thiểu, tái chế rác thải nhựa giá trị thấp",
                date(2022, 11, 21),
                date(2022, 12, 9),
                "Tổ nòng cốt",
            ),
        )
    return [
        {"kind": k, "title": t, "starts_on": s, "ends_on": e, "responsible": r, "status": ActivityStatus.PLANNED}
        for k, t, s, e, r in rows
    ]


def _students(school) -> list[Student]:
    """Two students of the school for the core team, where the demo has students."""
    return list(Student.objects.filter(school=school, active=True).order_by("classroom__grade", "id")[:2])


def _fill(plan_kwargs, *, teacher, students, school_code, version=0, partial=False):
    save = lambda **kw: plan_section_save(**plan_kwargs, user=teacher, **kw)  # noqa: E731
    team = [{"person": f"u{teacher.pk}", "team_role": TeamRole.LEADER}]
    team += [
        {"person": f"s{s.pk}", "team_role": TeamRole.STUDENT_LEADER if i == 0 else TeamRole.MEMBER}
        for i, s in enumerate(students)
    ]
    plan = save(section=PlanSection.TEAM, expected_version=version, rows=team)
    plan = save(section=PlanSection.GOALS, expected_version=plan.version, rows=GOALS[:1] if partial else GOALS)
    if partial:
        return plan
    plan = save(
        section=PlanSection.ACTIVITIES,
        expected_version=plan.version,
        rows=_activities(teacher.get_full_name(), school_code in CONTEST_SCHOOLS),
    )
    return save(
        section=PlanSection.WEEKS,
        expected_version=plan.version,
        weeks={"baseline_week_starts_on": BASELINE, "final_week_starts_on": FINAL},
    )


def seed_plans(*, stdout) -> None:
    programme = Programme.objects.filter(slug=data.PLASTIC).select_related("school_year").first()
    if programme is None:
        return
    if programme.plan_deadline is None:
        programme_plan_deadline_set(programme=programme, deadline=DEADLINE)
    officer = get_user_model().objects.filter(username="canbo.namtuliem").first()
    done = set(ActionPlan.objects.filter(programme=programme).values_list("school__code", flat=True))
    teachers = {
        m.school.code: m.user
        for m in Membership.objects.filter(role=Role.TEACHER, school__enrolments__programme=programme)
        .select_related("school", "user")
        .order_by("-id")
    }
    created = 0
    for index, row in enumerate(data.NTL_LOWER_SECONDARY):
        code = row[0]
        if code in done or code in NOT_STARTED or code not in teachers or officer is None:
            continue
        teacher = teachers[code]
        school = teacher.memberships.get(role=Role.TEACHER, school__code=code).school
        kwargs = {"programme": programme, "school": school}
        students = _students(school)
        plan = _fill(kwargs, teacher=teacher, students=students, school_code=code, partial=code in DRAFT)
        created += 1
        if code in DRAFT:
            continue
        day = datetime(2022, 11, 17 if code in LATE else 8 + index % 6, 9 + index % 7, tzinfo=UTC)
        plan_submit(plan=plan, user=teacher, expected_version=plan.version, at=day, notify=code in SUBMITTED)
        if code in RESUBMITTED:
            plan = _return_and_resubmit(
                plan, kwargs, teacher=teacher, officer=officer, day=day, notify=code in SUBMITTED
            )
        plan.refresh_from_db()
        if code in SUBMITTED:
            continue
        if code in RETURNED:
            plan_return(plan=plan, user=officer, comments=RETURNED[code], notify=False)
        else:
            plan_approve(plan=plan, user=officer, at=day + timedelta(days=4), notify=False)
    stdout.write(f"Action plans: {ActionPlan.objects.filter(programme=programme).count()} (+{created}).")


def _return_and_resubmit(plan, kwargs, *, teacher, officer, day, notify: bool):
    """The officer returns the plan asking for one more goal; the teacher adds it and
    submits again three days later. Returns the plan as last saved."""
    plan.refresh_from_db()
    plan_return(
        plan=plan,
        user=officer,
        comments={PlanSection.GOALS: "Đề nghị bổ sung mục tiêu về số lớp có thùng phân loại rác."},
        notify=False,
    )
    plan = plan_section_save(
        **kwargs,
        user=teacher,
        section=PlanSection.GOALS,
        expected_version=ActionPlan.objects.get(pk=plan.pk).version,
        rows=[
            *GOALS,
            {
                "text": "Mỗi lớp có thùng phân loại rác nhựa",
                "indicator": "Số lớp có thùng phân loại",
                "target_value": 100,
                "unit": "% số lớp",
            },
        ],
    )
    plan_submit(plan=plan, user=teacher, expected_version=plan.version, at=day + timedelta(days=3), notify=notify)
    return plan

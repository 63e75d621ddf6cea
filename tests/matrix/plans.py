"""Workspace routes of action plans: writing, reviewing, comparing, printing, coverage, notices.

"Other" is the plan of a school of another district (enrolled in the same programme),
which officers of our district, our teachers and students never see (404).
"""

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.matrix.base import LOGIN, Route


def _plan_keys(world, other):
    from tests.factories import EnrolmentFactory

    if other:
        EnrolmentFactory(programme=world.programme, school=world.other_school)
        return world.programme.pk, world.other_school.pk
    return world.programme.pk, world.school.pk


def _plan(world, other, *, version=False):
    from schools.models import ActionPlan, PlanVersion

    programme_pk, school_pk = _plan_keys(world, other)
    plan, _created = ActionPlan.objects.get_or_create(programme_id=programme_pk, school_id=school_pk)
    if version:
        PlanVersion.objects.create(plan=plan, number=1, snapshot={}, submitted_at=plan.created_at)
    return plan


def _plan_url(name, **plan_kwargs):
    def url(world, other):
        if plan_kwargs:
            plan = _plan(world, other, **plan_kwargs)
            keys = (plan.programme_id, plan.school_id)
        else:
            keys = _plan_keys(world, other)
        return reverse(f"workspace:{name}", args=keys)

    return url


def _attachment_url(name):
    def url(world, other):
        from schools.models import Attachment

        plan = _plan(world, other)
        attachment = Attachment(plan=plan, original_name="kế hoạch.pdf", kind="pdf", size=9)
        attachment.file.save("x", ContentFile(b"%PDF-1.4\n"), save=True)
        return reverse(f"workspace:{name}", args=[plan.programme_id, plan.school_id, attachment.pk])

    return url


def _coverage_url(name):
    def url(world, other):
        from tests.factories import EnrolmentFactory, ProgrammeFactory

        programme = world.programme
        if other:
            programme = ProgrammeFactory(area=world.other_ward)
            EnrolmentFactory(programme=programme, school=world.other_school)
        return reverse(f"workspace:{name}", args=[programme.pk])

    return url


def _notice_url(world, other):
    from home.services import notice_send

    (notice,) = notice_send(
        users=[world.other_teacher if other else world.teacher], message="Kế hoạch", url="/workspace/"
    )
    return reverse("workspace:notice_open", args=[notice.pk])


def _access(ok_view, *, student=403):
    """Teachers and organisers/officers per the rule; others never see another school's plan."""
    return {
        "anonymous": (LOGIN, LOGIN),
        "organiser": (ok_view, ok_view),
        "officer": (ok_view, 404),
        "teacher": (ok_view, 404),
        "student": (student, 404),
        "judge": (404, 404),
        "outsider": (404, 404),
    }


def _edit_access(ok):
    return {**_access(ok), "organiser": (403, 403), "officer": (403, 404)}


def _review_access(ok):
    return {**_access(ok), "teacher": (403, 404)}


_EMPTY_GOALS = {"version": 0, "goals-TOTAL_FORMS": 0, "goals-INITIAL_FORMS": 0}

ROUTES = {
    "workspace:plan": Route(_plan_url("plan"), _access(200)),
    "workspace:plan_section": Route(
        lambda w, o: reverse("workspace:plan_section", args=[*_plan_keys(w, o), "goals"]),
        _edit_access(302),
        method="post",
        data=_EMPTY_GOALS,
    ),
    "workspace:plan_attachment_add": Route(_plan_url("plan_attachment_add"), _edit_access(302), method="post"),
    "workspace:plan_attachment": Route(_attachment_url("plan_attachment"), _access(200)),
    "workspace:plan_attachment_delete": Route(
        _attachment_url("plan_attachment_delete"), _edit_access(302), method="post"
    ),
    "workspace:plan_submit": Route(_plan_url("plan_submit", version=False), _edit_access(302), method="post"),
    "workspace:plan_review": Route(_plan_url("plan_review", version=False), _review_access(302), method="post"),
    "workspace:plan_reopen": Route(_plan_url("plan_reopen", version=False), _review_access(302), method="post"),
    "workspace:plan_compare": Route(_plan_url("plan_compare", version=True), _access(200)),
    "workspace:plan_print": Route(_plan_url("plan_print", version=False), _access(200)),
    "workspace:plan_coverage": Route(
        _coverage_url("plan_coverage"),
        {
            "anonymous": (LOGIN, LOGIN),
            "organiser": (200, 200),
            "officer": (200, 404),
            "teacher": (403, 404),
            "student": (403, 404),
            "judge": (403, 404),
            "outsider": (404, 404),
        },
    ),
    "workspace:plan_programmes": Route(
        lambda w, o: reverse("workspace:plan_programmes"),
        {
            "anonymous": LOGIN,
            "organiser": 200,
            "officer": 200,
            "teacher": 200,
            "student": 200,
            "judge": 403,
            "outsider": 403,
        },
    ),
    "workspace:notice_open": Route(
        _notice_url,
        {
            "anonymous": (LOGIN, LOGIN),
            "organiser": (404, 404),
            "officer": (404, 404),
            "teacher": (302, 404),
            "student": (404, 404),
            "judge": (404, 404),
            "outsider": (404, 404),
        },
    ),
}
ROUTES["workspace:plan_coverage_xlsx"] = Route(
    _coverage_url("plan_coverage_xlsx"), ROUTES["workspace:plan_coverage"].expect
)

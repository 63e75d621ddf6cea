"""GET /api/v1/programmes/<slug>/audit-summary/: the §5 aggregates of a programme, never per person.

Public when the programme is published; otherwise organisers of the programme and
officers of its area (`audits.view_programme_summary`). An officer over the programme is
answered for the schools under their area, as on their board, even when it is published
(`figures_school_ids`). Percentages are numbers rounded to one decimal (positive =
reduction), or null when they cannot be computed.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from audits.results import programme_results
from schools.models import Programme
from schools.monitoring.selectors import figures_school_ids

router = Router(tags=["audits"])


class SchoolSummary(Schema):
    code: str
    name: str
    baseline_g_per_person_day: float | None
    final_g_per_person_day: float | None
    reduction_pct: float | None
    paired: bool
    flags: list[str]


class AuditSummary(Schema):
    programme: str
    schools_enrolled: int
    schools_paired: int
    coverage: str
    baseline_g_per_person_day: float | None
    final_g_per_person_day: float | None
    reduction_pct: float | None
    low_value_plastic_reduction_pct: float | None
    low_value_plastic_items_reduction_pct: float | None
    median_school_reduction_pct: float | None
    schools_meeting_target: int
    target_pct: float
    abnormal_days_excluded: bool
    schools: list[SchoolSummary]


def _r(value):
    return None if value is None else round(value, 1)


def summary_data(results) -> dict:
    return {
        "programme": results.programme.slug,
        "schools_enrolled": results.schools_enrolled,
        "schools_paired": results.schools_paired,
        "coverage": f"{results.schools_paired}/{results.schools_enrolled}",
        "baseline_g_per_person_day": _r(results.baseline.rate),
        "final_g_per_person_day": _r(results.final.rate),
        "reduction_pct": _r(results.reduction_pct),
        "low_value_plastic_reduction_pct": _r(results.lvp_reduction_pct),
        "low_value_plastic_items_reduction_pct": _r(results.lvp_items_reduction_pct),
        "median_school_reduction_pct": _r(results.median_school_reduction_pct),
        "schools_meeting_target": results.schools_meeting_target,
        "target_pct": _r(results.target_pct),
        "abnormal_days_excluded": not results.include_abnormal,
        "schools": [
            {
                "code": s.code,
                "name": s.name,
                "baseline_g_per_person_day": _r(s.baseline.rate),
                "final_g_per_person_day": _r(s.final.rate),
                "reduction_pct": _r(s.reduction_pct),
                "paired": s.paired,
                "flags": s.flags,
            }
            for s in results.schools
        ],
    }


@router.get("/programmes/{slug}/audit-summary/", response=AuditSummary, url_name="programme_audit_summary")
def programme_audit_summary(request, slug: str):
    programme = get_object_or_404(Programme.objects.select_related("area"), slug=slug)
    if not request.user.has_perm("audits.view_programme_summary", programme):
        if not request.user.is_authenticated:
            raise HttpError(401, _("Sign in to see this programme's figures."))
        raise HttpError(403, _("You may not see this programme's figures."))
    return summary_data(programme_results(programme, school_ids=figures_school_ids(request.user, programme)))

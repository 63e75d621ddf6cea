"""Programme endpoints of the JSON API (/api/v1/programmes/...): aggregates only.

- GET /programmes/: published programmes for everyone, plus the programmes a signed-in
  organiser or officer follows (their board's programmes).
- GET /programmes/{slug}/summary/: plan, audit and contest figures of every enrolled
  school together. Public when the programme is published, else `schools.view_board`
  (its organisers and officers); 404 for an unknown slug, 401/403 otherwise. An officer
  over the programme gets the figures of the schools under their area, as on their board
  (`figures_school_ids`). Never a person's data, never a school's row.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from schools.models import Programme
from schools.monitoring.selectors import board_programmes_for, figures_school_ids, programme_summary

router = Router(tags=["programmes"])


class ProgrammeOut(Schema):
    slug: str
    name: str
    area: str
    school_year: str
    organiser: str
    starts_on: str | None
    ends_on: str | None
    published: bool
    schools_enrolled: int


class PlanFigures(Schema):
    total: int
    started: int
    submitted: int
    approved: int


class AuditFigures(Schema):
    schools_enrolled: int
    schools_paired: int
    coverage: str
    baseline_g_per_person_day: float | None
    final_g_per_person_day: float | None
    reduction_pct: float | None
    median_school_reduction_pct: float | None
    schools_meeting_target: int
    target_pct: float | None
    low_value_plastic_reduction_pct: float | None
    low_value_plastic_items_reduction_pct: float | None


class PrizeTierFigures(Schema):
    contest: str
    tier: str
    places: int
    awarded: int


class ContestFigures(Schema):
    contests: int
    entries: int
    schools_taking_part: int
    awards: int
    initiatives_selected: int = 0
    prize_tiers: list[PrizeTierFigures] = []


class ProgrammeSummary(Schema):
    programme: str
    name: str
    published: bool
    plans: PlanFigures
    audits: AuditFigures | None = None
    contests: ContestFigures | None = None


def _programme_out(p) -> dict:
    return {
        "slug": p.slug,
        "name": p.name,
        "area": p.area.name,
        "school_year": p.school_year.name,
        "organiser": p.organiser,
        "starts_on": p.starts_on.isoformat() if p.starts_on else None,
        "ends_on": p.ends_on.isoformat() if p.ends_on else None,
        "published": p.is_published,
        "schools_enrolled": p.n_schools,
    }


@router.get("/programmes/", response=list[ProgrammeOut], url_name="programme_list")
def programme_list(request):
    from django.db.models import Count

    query = Q(is_published=True)
    if request.user.is_authenticated:
        query |= Q(pk__in=board_programmes_for(request.user).values("pk"))
    programmes = (
        Programme.objects.filter(query)
        .select_related("area", "school_year")
        .annotate(n_schools=Count("enrolments", distinct=True))
        .order_by("-school_year__starts_on", "name")
    )
    return [_programme_out(p) for p in programmes]


@router.get("/programmes/{slug}/summary/", response=ProgrammeSummary, url_name="programme_summary")
def programme_summary_view(request, slug: str):
    programme = get_object_or_404(Programme.objects.select_related("area"), slug=slug)
    if not programme.is_published and not request.user.has_perm("schools.view_board", programme):
        if not request.user.is_authenticated:
            raise HttpError(401, _("Sign in to see this programme's figures."))
        raise HttpError(403, _("You may not see this programme's figures."))
    summary = programme_summary(programme, school_ids=figures_school_ids(request.user, programme))
    return {"programme": programme.slug, "name": programme.name, "published": programme.is_published, **summary}

"""Contest endpoints of the JSON API (/api/v1/contests/...).

- `GET /api/v1/contests/`: contests announced to the public (every status but draft).
- `GET /api/v1/contests/<slug>/results/`: the published result snapshot (method,
  parameters, hash, rows). 404 for an unknown contest, and for results that are not
  published or not public unless the user may see them (`contests.view_results`:
  organisers). Rows carry no per-person data beyond the public name rule: a student's
  name only with both consents, else initials and class; parameters carry nothing per
  judge (no judge ids or leniencies, only the size of each connected component).
"""

from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from contests.models import Contest
from contests.results.selectors import public_contests, public_parameters, public_rows, published_snapshot

router = Router(tags=["contests"])


class ContestOut(Schema):
    slug: str
    title: str
    kind: str
    programme: str
    status: str
    entries: int
    results_published: bool


class ResultRow(Schema):
    code: str
    title: str
    school: str
    rank: int | None
    score: float | None
    tier: str | None
    team: list[str]


class ContestResults(Schema):
    contest: str
    title: str
    round: str
    method: str
    parameters: dict
    sha256: str
    published_at: datetime | None
    rows: list[ResultRow]


@router.get("/contests/", response=list[ContestOut], url_name="contest_list")
def contest_list(request):
    return [
        {
            "slug": c.slug,
            "title": c.title,
            "kind": c.kind,
            "programme": c.programme.slug,
            "status": c.status,
            "entries": c.entry_count,
            "results_published": bool(c.published_count) and c.results_public,
        }
        for c in public_contests()
    ]


@router.get("/contests/{slug}/results/", response=ContestResults, url_name="contest_results")
def contest_results(request, slug: str):
    contest = get_object_or_404(Contest.objects.select_related("programme"), slug=slug)
    if not request.user.has_perm("contests.view_results", contest):
        raise Http404
    snapshot = published_snapshot(contest)
    if snapshot is None:
        raise Http404
    return {
        "contest": contest.slug,
        "title": contest.title,
        "round": snapshot.round.name,
        "method": snapshot.method,
        "parameters": public_parameters(snapshot.parameters),
        "sha256": snapshot.sha256,
        "published_at": snapshot.published_at,
        "rows": public_rows(snapshot),
    }

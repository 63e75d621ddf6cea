"""Near-duplicate slogans of a contest, pairs across schools side by side (organisers)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from contests.entries.selectors_slogans import duplicate_pairs
from contests.models import Contest


def _threshold(request, contest) -> int:
    """?threshold=NN (50-100) lowers or raises the bar for this view only; anything else: the contest's."""
    raw = request.GET.get("threshold", "")
    if raw.isdigit() and 50 <= int(raw) <= 100:
        return int(raw)
    return contest.duplicate_threshold


@login_required
@require_GET
def slogan_duplicates(request, slug):
    contest = get_object_or_404(Contest.objects.select_related("programme"), slug=slug)
    if not request.user.has_perm("contests.view_duplicates", contest):
        raise PermissionDenied
    threshold = _threshold(request, contest)
    pairs = duplicate_pairs(contest, threshold=threshold)
    return render(
        request,
        "contests/duplicates.html",
        {"contest": contest, "pairs": pairs, "threshold": threshold},
    )

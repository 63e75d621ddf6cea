"""The chair's pages: a round's ranking with its flags and traces, tie decisions,
advancing, publishing, published snapshots and the XLSX export.

Permissions by name: `contests.view_ranking` to read, `contests.record_tie_decision` to
order tied entries (organisers and the contest's chair), `contests.publish_results` to
advance and publish (organisers only). An unknown contest or round answers 404; a
contest the user may not read or act on, 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from contests.results import services
from contests.results.selectors import (
    METHOD_LABELS,
    contest_get,
    entries_by_id,
    ranking_view,
    round_has_next,
    round_of_contest,
    snapshot_get,
    snapshots_of_round,
    tie_decisions_of,
)
from home.spreadsheets import XLSX_CONTENT_TYPE, append_row, new_workbook, workbook_bytes


def _round_or_404(request, slug, order, perm="contests.view_ranking"):
    contest = contest_get(slug)
    if contest is None:
        raise Http404
    round = round_of_contest(contest, order)
    if round is None:
        raise Http404
    if not request.user.has_perm(perm, contest):
        raise PermissionDenied
    return contest, round


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def ranking(request, slug, order):
    contest, round = _round_or_404(request, slug, order)
    view = ranking_view(round)
    return render(
        request,
        "contests/results/ranking.html",
        {
            "contest": contest,
            "round": round,
            "view": view,
            "decisions": tie_decisions_of(round),
            "snapshots": snapshots_of_round(round),
            "can_decide_ties": request.user.has_perm("contests.record_tie_decision", contest),
            "can_publish": request.user.has_perm("contests.publish_results", contest),
            "has_next": round_has_next(round),
        },
    )


@login_required
@require_POST
def tie_decide(request, slug, order):
    contest, round = _round_or_404(request, slug, order, "contests.record_tie_decision")
    group = [pk for pk in request.POST.get("group", "").split(",") if pk.strip()]
    try:
        positions = sorted((int(request.POST.get(f"pos_{pk}", "")), pk) for pk in group)
    except ValueError:
        messages.error(request, _("Give every tied entry a position."))
        return redirect("contests:ranking", slug, order)
    if sorted(p for p, _pk in positions) != list(range(1, len(group) + 1)):
        messages.error(request, _("Give each tied entry a different position, from 1 to %(n)s.") % {"n": len(group)})
        return redirect("contests:ranking", slug, order)
    try:
        services.tie_decision_record(
            round=round,
            entry_ids=[pk for _p, pk in positions],
            reason=request.POST.get("reason", ""),
            user=request.user,
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("The chair's decision is recorded."))
    return redirect("contests:ranking", slug, order)


@login_required
def advance(request, slug, order):
    contest, round = _round_or_404(request, slug, order, "contests.publish_results")
    view = ranking_view(round)
    if request.method == "POST":
        try:
            ids = services.round_advance(round=round, user=request.user, entry_ids=request.POST.getlist("entry"))
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("%(count)s entries advance to the next round.") % {"count": len(ids)})
            return redirect("contests:ranking", slug, order)
    try:
        proposed = set(services.advancing_entry_ids(round, view.ranking)) if round.advance_rule != "manual" else set()
    except ValidationError as error:
        _errors(request, error)
        proposed = set()
    return render(
        request,
        "contests/results/advance.html",
        {"contest": contest, "round": round, "view": view, "proposed": proposed},
    )


@login_required
def publish(request, slug, order):
    contest, round = _round_or_404(request, slug, order, "contests.publish_results")
    view = ranking_view(round)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that these results are final."))
        else:
            try:
                snapshot = services.results_publish(
                    round=round,
                    user=request.user,
                    confirm_disconnected=request.POST.get("confirm_disconnected") == "yes",
                    reason=request.POST.get("reason", ""),
                )
            except ValidationError as error:
                _errors(request, error)
            else:
                messages.success(request, _("The results are published."))
                return redirect("contests:snapshot", slug, snapshot.pk)
    return render(request, "contests/results/publish.html", {"contest": contest, "round": round, "view": view})


@login_required
def snapshot(request, slug, pk):
    contest = contest_get(slug)
    if contest is None:
        raise Http404
    snap = snapshot_get(contest, pk)
    if snap is None:
        raise Http404
    if not request.user.has_perm("contests.view_ranking", contest):
        raise PermissionDenied
    entries = entries_by_id(row["entry_id"] for row in snap.rows)
    tiers = {t.order: t.name for t in contest.prize_tiers.all()}
    rows = [
        {"row": row, "entry": entries.get(row["entry_id"]), "tier": tiers.get(row.get("tier"))} for row in snap.rows
    ]
    return render(
        request,
        "contests/results/snapshot.html",
        {
            "contest": contest,
            "round": snap.round,
            "snapshot": snap,
            "rows": rows,
            "hash_ok": services.snapshot_hash_check(snap),
            "method_label": METHOD_LABELS.get(snap.method, snap.method),
        },
    )


@login_required
def ranking_export(request, slug, order):
    contest, round = _round_or_404(request, slug, order)
    view = ranking_view(round)
    book, sheet = new_workbook(_("Ranking"))
    append_row(sheet, [f"{contest.title} – {round.name}"])
    append_row(sheet, [_("Method"), view.method_label, _("Connected") if view.connected else _("Not connected")])
    append_row(
        sheet,
        [
            _("Rank"),
            _("Code"),
            pgettext("contest entry", "Title"),
            _("School"),
            _("Score"),
            _("Standard error"),
            _("Spread"),
            _("Prize"),
            _("Flags"),
        ],
    )
    for r in view.rows:
        append_row(
            sheet,
            [
                r.rank,
                r.entry.code,
                r.entry.title or r.entry.text,
                r.entry.school.name,
                r.score,
                r.std_error,
                r.spread,
                r.tier_name or "",
                ", ".join(str(label) for label in ([_("judges disagree")] if r.disagreement else []) + r.flag_labels),
            ],
        )
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{contest.slug}-vong-{round.order}.xlsx"'
    return response

"""Paper score sheets for a live showcase: a printable sheet per judge with the entries'
codes and the round's criteria, and the matching blank import file.

The columns are those `contests.judging.imports` reads (round, judge, entry_code,
criterion, score), so a filled sheet is typed into the file line by line. Organisers of the
contest only (`contests.manage_judging`); another programme's contest answers 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from contests.judging.imports import COLUMNS
from contests.judging.selectors import criteria_of, paper_sheets
from contests.judging.views.organise import _contest
from contests.models import Round
from home.spreadsheets import csv_text


def _round(request, contest_pk, round_pk):
    contest = _contest(request, contest_pk)
    round_ = Round.objects.filter(contest=contest, pk=round_pk).select_related("contest").first()
    if round_ is None:
        raise Http404
    return round_


def _sheets(request, round_):
    username = request.GET.get("judge", "").strip()
    sheets = paper_sheets(round_)
    if username:
        sheets = [s for s in sheets if s["judge"].username == username]
        if not sheets:
            raise Http404
    return sheets


@login_required
@require_GET
def judging_paper_sheets(request, contest_pk, round_pk):
    round_ = _round(request, contest_pk, round_pk)
    return render(
        request,
        "contests/judging/paper.html",
        {
            "contest": round_.contest,
            "round": round_,
            "sheets": _sheets(request, round_),
            "criteria": criteria_of(round_),
            "columns": [c.name for c in COLUMNS],
        },
    )


@login_required
@require_GET
def judging_paper_template(request, contest_pk, round_pk):
    """The import file with every row but the score filled in (UTF-8 with a BOM, for Excel)."""
    round_ = _round(request, contest_pk, round_pk)
    criteria = criteria_of(round_)
    rows = [[c.name for c in COLUMNS]]
    for sheet in _sheets(request, round_):
        for entry in sheet["entries"]:
            rows += [[str(round_.order), sheet["judge"].username, entry.code, c.name, ""] for c in criteria]
    text = csv_text(rows, lineterminator="\r\n")
    response = HttpResponse(("\ufeff" + text).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="phieu-cham-vong-{round_.order}.csv"'
    return response

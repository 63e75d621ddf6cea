"""The organisers' showcase tools on a contest's entries: import them from a file, and mark
many eligible or ineligible at once.

Organisers of the contest's programme only (`contests.manage_contest`, `contests.check_entry`);
a contest of another programme answers 404. Each entry of a bulk check is checked against
`contests.check_eligibility` (its state) and goes through `entry_check`.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from contests.entries.forms import BulkCheckForm
from contests.entries.imports import COLUMNS, EXAMPLE_ROWS, import_entries
from contests.entries.services_bulk import entries_check_bulk
from contests.entries.views.entries import contest_or_404
from contests.models import Entry
from schools.imports import reading
from schools.imports.forms import ImportForm

logger = logging.getLogger(__name__)


@login_required
@require_http_methods(["GET", "POST"])
def entries_import(request, slug):
    contest = contest_or_404(request, slug, "contests.manage_contest")
    outcome = None
    form = ImportForm(request.POST or None, request.FILES or None, initial={"dry_run": True})
    if request.method == "POST" and form.is_valid():
        outcome = import_entries(
            form.cleaned_data["file"], contest=contest, user=request.user, dry_run=form.cleaned_data["dry_run"]
        )
        result = outcome.result
        logger.info(
            "import entries of %s%s by %s: %s created, %s updated, %s unchanged, %s errors",
            contest.slug,
            " (dry run)" if result.dry_run else "",
            request.user.username,
            result.created,
            result.updated,
            result.unchanged,
            len(result.errors),
        )
        if result.ok and result.dry_run:
            form = ImportForm()  # the check passed: the same file, sent again unticked, imports it
    failed = bool(form.errors or (outcome and not outcome.result.ok))
    return render(
        request,
        "contests/entries/import.html",
        {
            "contest": contest,
            "form": form,
            "outcome": outcome,
            "result": outcome.result if outcome else None,
            "columns": COLUMNS,
            "example_rows": EXAMPLE_ROWS,
            "max_rows": reading.max_rows(),
            "max_bytes": reading.max_bytes(),
        },
        status=400 if failed else 200,
    )


@login_required
@require_POST
def entries_check_bulk_view(request, slug):
    contest = contest_or_404(request, slug, "contests.check_entry")
    ids = Entry.objects.filter(contest=contest).values_list("pk", flat=True)
    form = BulkCheckForm(request.POST, entry_ids=list(ids))
    back = redirect("contests:contest_entries", contest.slug)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return back
    entries = list(Entry.objects.filter(contest=contest, pk__in=form.cleaned_data["entries"]).order_by("code"))
    allowed = [e for e in entries if request.user.has_perm("contests.check_eligibility", e)]
    refused = [e for e in entries if e not in allowed]
    eligible = form.cleaned_data["decision"] == "eligible"
    try:
        outcome = entries_check_bulk(
            entries=allowed, user=request.user, eligible=eligible, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:  # no reason given for "not eligible": nothing changed
        messages.error(request, " ".join(error.messages))
        return back
    skipped = [
        (e, _("This entry is “%(status)s”: it cannot be checked now.") % {"status": e.get_status_display()})
        for e in refused
    ] + outcome.skipped
    changed = len(outcome.changed)
    if eligible:
        text = ngettext("%(count)s entry marked eligible.", "%(count)s entries marked eligible.", changed)
    else:
        text = ngettext("%(count)s entry marked not eligible.", "%(count)s entries marked not eligible.", changed)
    summary = text % {"count": changed}
    if outcome.unchanged:
        summary += " " + ngettext("%(count)s already was.", "%(count)s already were.", len(outcome.unchanged)) % {
            "count": len(outcome.unchanged)
        }
    messages.success(request, summary)
    if skipped:
        messages.warning(
            request,
            ngettext("%(count)s entry skipped:", "%(count)s entries skipped:", len(skipped)) % {"count": len(skipped)}
            + " "
            + "; ".join(f"{entry.code} ({reason})" for entry, reason in skipped),
        )
    return back

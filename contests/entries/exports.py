"""XLSX of a contest's entries for its organisers: one row per entry, as the list shows it."""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from contests.enums import ContestKind


def _when(value):
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _cell(value):
    """Text that a spreadsheet would run as a formula is kept as text."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def entry_rows(contest, entries) -> list[list]:
    slogan = contest.kind == ContestKind.SLOGAN
    header = [_("Code"), _("School"), _("Status")]
    header += (
        [_("Slogan")]
        if slogan
        else [
            _("Title"),
            _("The problem"),
            _("What the team will do"),
            _("Expected result"),
            _("Video link"),
            _("Files"),
        ]
    )
    header += [_("Team"), _("Submitted at"), _("Endorsed at"), _("Reason it is not eligible")]
    rows = [header]
    for entry in entries:
        team = "; ".join(f"{m.student.display_name} ({m.student.classroom.name})" for m in entry.members.all())
        row = [entry.code, entry.school.name, entry.get_status_display()]
        if slogan:
            row.append(_cell(entry.text))
        else:
            row += [
                _cell(entry.title),
                _cell(entry.problem),
                _cell(entry.plan),
                _cell(entry.expected_result),
                entry.video_url,
                getattr(entry, "media_count", 0),
            ]
        row += [team, _when(entry.submitted_at), _when(entry.endorsed_at), _cell(entry.ineligible_reason)]
        rows.append(row)
    return rows


def entries_xlsx(contest, entries) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Entries")[:31]
    for row in entry_rows(contest, entries):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{contest.slug}-entries.xlsx"'
    return response

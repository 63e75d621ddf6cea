"""XLSX of a contest's entries for its organisers: one row per entry, as the list shows it."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from contests.enums import ContestKind
from home.spreadsheets import XLSX_CONTENT_TYPE, append_rows, new_workbook, workbook_bytes


def _when(value):
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _text(value):
    return "" if value is None else str(value)


def entry_rows(contest, entries) -> list[list]:
    slogan = contest.kind == ContestKind.SLOGAN
    header = [_("Code"), _("School"), _("Status")]
    header += (
        [_("Slogan")]
        if slogan
        else [
            pgettext("contest entry", "Title"),
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
            row.append(_text(entry.text))
        else:
            row += [
                _text(entry.title),
                _text(entry.problem),
                _text(entry.plan),
                _text(entry.expected_result),
                entry.video_url,
                getattr(entry, "media_count", 0),
            ]
        row += [team, _when(entry.submitted_at), _when(entry.endorsed_at), _text(entry.ineligible_reason)]
        rows.append(row)
    return rows


def entries_xlsx(contest, entries) -> HttpResponse:
    workbook, sheet = new_workbook(_("Entries"))
    append_rows(sheet, entry_rows(contest, entries))
    sheet.freeze_panes = "A2"
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{contest.slug}-entries.xlsx"'
    return response

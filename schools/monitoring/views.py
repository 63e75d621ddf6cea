"""The monitoring board: programmes followed, the board, its XLSX, reminders, the programme report.

Access, the same on every route: a signed-in person without an officer's or organiser's
role gets 403 (teachers, students, judges); a programme outside what the person follows
(another area's, another organiser's, or unknown) gets 404; the rule by name on the
programme decides the rest (`schools.view_board`, `schools.send_reminders`,
`schools.make_report`). Every output covers the board's scope (an officer: the schools
under their area); a report job is its requester's, and anyone else's answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from django.views.decorators.http import require_POST

from home.spreadsheets import XLSX_CONTENT_TYPE, append_row, new_workbook, workbook_bytes
from schools.enums import SchoolLevel
from schools.models import ReportJob
from schools.models.monitoring import ReportStatus
from schools.monitoring.registry import STATES
from schools.monitoring.selectors import board_for, board_programme_get, board_programmes_for, state_label
from schools.monitoring.services import REPORT_INTERRUPTED, reminders_send, report_job_start


def _programme(request, slug, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    programme = board_programme_get(request.user, slug=slug)
    if programme is None:
        raise Http404
    if not request.user.has_perm(permission, programme):
        raise PermissionDenied
    return programme


def _filters(query) -> dict:
    """area, level, state and sort from GET; anything unknown is ignored (never an error)."""
    area = query.get("area", "")
    level = query.get("level", "")
    state = query.get("state", "")
    return {
        "area": int(area) if area.isdigit() else None,
        "level": level if level in SchoolLevel.values else "",
        "state": state if state in STATES else "",
        "sort": query.get("sort", "")[:40],
    }


def _board(request, programme):
    return board_for(request.user, programme, **_filters(request.GET))


@login_required
def board_programmes(request):
    if not request.user.has_perm("schools.view_board"):
        raise PermissionDenied
    programmes = [p for p in board_programmes_for(request.user) if request.user.has_perm("schools.view_board", p)]
    return render(request, "schools/monitoring/programmes.html", {"programmes": programmes})


@login_required
def board(request, slug):
    programme = _programme(request, slug, "schools.view_board")
    board = _board(request, programme)
    filters = _filters(request.GET)
    query = request.GET.copy()
    query.pop("sort", None)
    jobs = list(ReportJob.objects.filter(programme=programme, requested_by=request.user)[:3])
    now = timezone.now()
    for job in jobs:
        job.stale = job.is_stale(now)
    return render(
        request,
        "schools/monitoring/board.html",
        {
            "programme": programme,
            "board": board,
            "filters": filters,
            "states": [(s, state_label(s)) for s in STATES],
            "state_counts": board.state_counts(),
            "sort": filters["sort"],
            "query": query.urlencode(),
            "jobs": jobs,
            "may_remind": request.user.has_perm("schools.send_reminders", programme),
            "may_report": request.user.has_perm("schools.make_report", programme),
        },
    )


@login_required
def board_export(request, slug):
    from openpyxl.styles import Font

    programme = _programme(request, slug, "schools.view_board")
    board = _board(request, programme)
    book, sheet = new_workbook(_("Board"))
    append_row(sheet, [programme.name, timezone.localtime().strftime("%d/%m/%Y %H:%M")])
    sheet["A1"].font = Font(bold=True)
    append_row(sheet, [stat.text for stat in board.stats])
    header = [_("School code"), _("School"), _("Area"), _("Level"), _("State")]
    for column in board.columns:
        header += [str(column.label), _("%(column)s: state") % {"column": column.label}]
    header += [_("Last reminder")]
    append_row(sheet, header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    labels = {state: str(state_label(state)) for state in STATES}
    for row in board.rows:
        values = [row.school.code, row.school.name, row.school.area.name, row.school.get_level_display()]
        values.append(labels[row.state])
        for column, cell, label in row.ordered:
            values += [cell.number if column.numeric and cell.number is not None else cell.text, label]
        reminder = row.reminder
        values.append(timezone.localtime(reminder.created_at).strftime("%d/%m/%Y %H:%M") if reminder else "")
        append_row(sheet, values)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 36
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="theo-doi-{programme.slug}.xlsx"'
    return response


@login_required
@require_POST
def board_remind(request, slug):
    programme = _programme(request, slug, "schools.send_reminders")
    everyone = request.POST.get("all") == "1"
    ids = [] if everyone else [v for v in request.POST.getlist("school") if v.isdigit()]
    back = request.POST.get("next", "")
    target = redirect("workspace:board", slug=programme.slug)
    if back.startswith("?"):
        target["Location"] += back
    try:
        reminders = reminders_send(
            programme=programme,
            user=request.user,
            school_ids=None if everyone else ids,
            message=request.POST.get("message", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return target
    messages.success(
        request,
        ngettext("Reminder sent to %(count)s school.", "Reminder sent to %(count)s schools.", len(reminders))
        % {"count": len(reminders)},
    )
    return target


@login_required
@require_POST
def report_start(request, slug):
    programme = _programme(request, slug, "schools.make_report")
    job = report_job_start(programme=programme, user=request.user)
    return redirect("workspace:report_job", slug=programme.slug, pk=job.pk)


def _job(request, slug, pk):
    programme = _programme(request, slug, "schools.make_report")
    return get_object_or_404(
        ReportJob.objects.select_related("programme"), pk=pk, programme=programme, requested_by=request.user
    )


@login_required
def report_job(request, slug, pk):
    """A stale job (no heartbeat for REPORT_STALE_AFTER) is shown as failed, interrupted."""
    job = _job(request, slug, pk)
    stale = job.is_stale(timezone.now())
    running = job.status in (ReportStatus.QUEUED, ReportStatus.RUNNING) and not stale
    with override("vi"):
        interrupted = stale or (job.status == ReportStatus.FAILED and job.error == str(REPORT_INTERRUPTED))
    return render(
        request,
        "schools/monitoring/report.html",
        {"job": job, "programme": job.programme, "running": running, "interrupted": interrupted},
    )


@login_required
def report_download(request, slug, pk, kind):
    job = _job(request, slug, pk)
    file = {"pdf": job.pdf, "xlsx": job.xlsx}.get(kind)
    if job.status != ReportStatus.DONE or not file:
        raise Http404
    name = f"bao-cao-{job.programme.slug}.{kind}"
    return FileResponse(file.open("rb"), as_attachment=True, filename=name)

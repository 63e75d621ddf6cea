"""The programme report, in Vietnamese, as PDF (fpdf2, Open Sans) and XLSX (openpyxl).

Sections: the schools enrolled, action plans, reach (teachers, students), then each
board provider's sections (audit results with the chart, contests with prize tiers,
winners by `Student.public_name` and initiatives). Contest figures come through the
contests provider, never from contests' models. Called by report_job_run under
translation.override("vi").

Every section covers the schools the person who asked may see on the board
(`board_school_ids`): an organiser's report covers every enrolled school, an officer's
only the schools under their area, figures and tables alike.
"""

from datetime import datetime

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from home.pdf import FONT, new_pdf, pdf_bytes
from home.spreadsheets import append_row, new_workbook, workbook_bytes
from schools.enums import Role
from schools.models import Membership, Programme, SchoolYearProfile, Student
from schools.monitoring.registry import ReportSection, ReportTable, board_providers, number_text
from schools.monitoring.selectors import board_school_ids, programme_summary
from schools.selectors import programme_school_counts_by_level, programme_schools

GREEN = (46, 125, 50)
GREY = (150, 150, 150)


def reach_figures(programme: Programme, *, school_ids=None) -> dict:
    """Teachers and students of the enrolled schools, or of `school_ids` among them (four queries)."""
    schools = programme_schools(programme, school_ids=school_ids)
    teachers = (
        Membership.objects.filter(role=Role.TEACHER, school__in=schools, user__is_active=True)
        .values("user")
        .distinct()
        .count()
    )
    students = Student.objects.filter(school__in=schools, active=True).count()
    with_login = Student.objects.filter(school__in=schools, active=True, user__isnull=False).count()
    profile = SchoolYearProfile.objects.filter(school__in=schools, year=programme.school_year).aggregate(
        enrolment=Sum("enrolment"), staff=Sum("staff"), n=Count("pk")
    )
    return {
        "teachers": teachers,
        "students_recorded": students,
        "student_logins": with_login,
        "students_enrolled": profile["enrolment"] or 0,
        "staff": profile["staff"] or 0,
    }


def report_sections(programme: Programme, *, school_ids=None) -> list[ReportSection]:
    """The report's sections over every enrolled school, or over `school_ids` among them."""
    summary = programme_summary(programme, school_ids=school_ids)
    plans = summary["plans"]
    by_level = programme_school_counts_by_level(programme, school_ids=school_ids)
    reach = reach_figures(programme, school_ids=school_ids)
    lines = [
        _("Schools enrolled: %(count)s") % {"count": plans["total"]},
        _("Action plans built: %(started)s; submitted: %(submitted)s; approved: %(approved)s (of %(total)s)") % plans,
    ]
    if school_ids is not None:
        lines.insert(0, _("This report covers only the schools under the area of the person who asked for it."))
    schools = ReportSection(
        _("Schools and action plans"),
        lines=lines,
        tables=[
            ReportTable(
                _("Schools by level"), [_("Level"), _("Schools")], [[str(i["label"]), i["count"]] for i in by_level]
            )
        ],
    )
    reach_section = ReportSection(
        _("Reach"),
        lines=[
            _("Teachers taking part (with an account): %(count)s") % {"count": reach["teachers"]},
            _("Students of the enrolled schools: %(count)s (school-year enrolment); staff: %(staff)s")
            % {"count": reach["students_enrolled"], "staff": reach["staff"]},
            _("Students recorded on the platform: %(count)s, of whom %(logins)s with a login")
            % {"count": reach["students_recorded"], "logins": reach["student_logins"]},
        ],
    )
    sections = [schools]
    for provider in board_providers():
        if hasattr(provider, "report_sections"):
            sections += provider.report_sections(programme, school_ids=school_ids)
    return [*sections, reach_section]


# PDF ----------------------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def _pdf_table(pdf, table: ReportTable) -> None:
    pdf.set_font(FONT, "B", 11)
    pdf.cell(0, 7, table.title, new_x="LMARGIN", new_y="NEXT")
    if not table.rows:
        pdf.set_font(FONT, "I", 9)
        pdf.cell(0, 6, _("Nothing yet."), new_x="LMARGIN", new_y="NEXT")
        return
    pdf.set_font(FONT, "", 8)
    widths = table.widths or [1] * len(table.header)
    with pdf.table(col_widths=widths, line_height=4.5, text_align="LEFT", first_row_as_headings=True) as grid:
        grid.row([str(h) for h in table.header])
        for row in table.rows:
            grid.row([_cell_text(v) for v in row])
    pdf.ln(3)


def _pdf_bars(pdf, title: str, bars: list) -> None:
    """A horizontal bar per item: label, bar scaled to the largest value, value (fpdf2 primitives)."""
    if not bars:
        return
    pdf.set_font(FONT, "B", 11)
    pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 7.5)
    top = max(abs(v) for _label, v in bars) or 1
    label_w, bar_w, row_h = 62, pdf.epw - 62 - 16, 5
    for label, value in bars:
        if pdf.get_y() + row_h > pdf.page_break_trigger:
            pdf.add_page()
        x, y = pdf.l_margin, pdf.get_y()
        pdf.set_xy(x, y)
        pdf.cell(label_w - 2, row_h, label[:40], align="R")
        width = max(abs(value) / top * bar_w, 0.3)
        pdf.set_fill_color(*(GREEN if value >= 0 else GREY))
        pdf.rect(x + label_w, y + 0.8, width, row_h - 1.6, style="F")
        pdf.set_xy(x + label_w + width + 1, y)
        pdf.cell(15, row_h, f"{number_text(value)} %")
        pdf.set_xy(x, y + row_h)
    pdf.ln(3)


def report_pdf(programme: Programme, sections: list[ReportSection], made_at: datetime) -> bytes:
    title = _("Programme report: %(programme)s") % {"programme": programme.name}
    pdf = new_pdf(title=title, author=programme.organiser or "Trường học Xanh")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(
        0,
        5,
        _("%(area)s · school year %(year)s · made on %(date)s")
        % {"area": programme.area.name, "year": programme.school_year.name, "date": made_at.strftime("%d/%m/%Y")},
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    for section in sections:
        pdf.set_font(FONT, "B", 13)
        pdf.set_text_color(*GREEN)
        pdf.multi_cell(0, 7, section.title, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FONT, "", 10)
        for line in section.lines:
            pdf.multi_cell(0, 5.5, f"• {line}", align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        _pdf_bars(pdf, section.bars_title, section.bars)
        for table in section.tables:
            _pdf_table(pdf, table)
        pdf.ln(2)
    return pdf_bytes(pdf)


# XLSX ---------------------------------------------------------------------------------------


def report_xlsx(programme: Programme, sections: list[ReportSection], made_at: datetime) -> bytes:
    from openpyxl.styles import Font

    book, sheet = new_workbook(_("Summary"))
    append_row(sheet, [_("Programme report: %(programme)s") % {"programme": programme.name}])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [programme.area.name, programme.school_year.name, made_at.strftime("%d/%m/%Y %H:%M")])
    for section in sections:
        append_row(sheet, [])
        append_row(sheet, [section.title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for line in section.lines:
            append_row(sheet, [line])
    sheet.column_dimensions["A"].width = 110
    used = {sheet.title}
    for section in sections:
        for table in section.tables:
            name = table.title[:31]
            while name in used:
                name = f"{name[:28]} {len(used)}"
            used.add(name)
            tab = book.create_sheet(name)
            append_row(tab, [str(h) for h in table.header])
            for cell in tab[1]:
                cell.font = Font(bold=True)
            for row in table.rows:
                append_row(tab, [v if isinstance(v, int | float) or v is None else str(v) for v in row])
            for index in range(len(table.header)):
                tab.column_dimensions[chr(65 + index)].width = 14 if index else 24
    return workbook_bytes(book)


def build_report(programme: Programme, *, user, progress=None) -> tuple[bytes, bytes]:
    """The PDF and the XLSX of the programme as `user` may see it on the board."""
    progress = progress or (lambda pct, step: None)
    programme = Programme.objects.select_related("area", "school_year").get(pk=programme.pk)
    made_at = timezone.localtime()
    progress(10, _("Gathering the figures"))
    sections = report_sections(programme, school_ids=board_school_ids(user, programme))
    progress(60, _("Writing the PDF"))
    pdf = report_pdf(programme, sections, made_at)
    progress(85, _("Writing the spreadsheet"))
    xlsx = report_xlsx(programme, sections, made_at)
    return pdf, xlsx

"""CSV and XLSX of the result pages: the same rows as the tables, figures rounded to 0.1."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from home.spreadsheets import XLSX_CONTENT_TYPE, csv_text, xlsx_bytes


def _r(value):
    return None if value is None else round(value, 1)


def programme_rows(results) -> list[list]:
    header = [
        _("School code"),
        _("School"),
        _("Paired"),
        _("Baseline days"),
        _("Final days"),
        _("Baseline g per person-day"),
        _("Final g per person-day"),
        _("Reduction (%)"),
        _("Low-value plastic reduction by mass (%)"),
        _("Low-value plastic reduction by items (%)"),
        _("Flags"),
    ]
    rows = [header]
    for s in results.schools:
        rows.append(
            [
                s.code,
                s.name,
                _("yes") if s.paired else _("no"),
                s.baseline.days,
                s.final.days,
                _r(s.baseline.rate),
                _r(s.final.rate),
                _r(s.reduction_pct),
                _r(s.lvp_reduction_pct),
                _r(s.lvp_items_reduction_pct),
                " ".join(s.flags),
            ]
        )
    rows.append(
        [
            "",
            _("Programme (pooled over %(paired)s/%(enrolled)s paired schools)")
            % {"paired": results.schools_paired, "enrolled": results.schools_enrolled},
            "",
            results.baseline.days,
            results.final.days,
            _r(results.baseline.rate),
            _r(results.final.rate),
            _r(results.reduction_pct),
            _r(results.lvp_reduction_pct),
            _r(results.lvp_items_reduction_pct),
            "",
        ]
    )
    return rows


def category_rows(rows) -> list[list]:
    out = [
        [
            _("Category code"),
            _("Category"),
            _("Baseline g per person-day"),
            _("Final g per person-day"),
            _("Baseline items per 100 person-days"),
            _("Final items per 100 person-days"),
            _("Reduction (%)"),
        ]
    ]
    for row in rows:
        out.append(
            [
                row.category.code,
                row.category.name,
                _r(row.baseline_rate),
                _r(row.final_rate),
                _r(row.baseline_items_rate) if row.category.by_count else None,
                _r(row.final_items_rate) if row.category.by_count else None,
                _r(row.reduction_pct),
            ]
        )
    return out


def respond(rows: list[list], *, filename: str, fmt: str) -> HttpResponse:
    rows = [["" if v is None else v for v in row] for row in rows]
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(rows, title=_("Results")), content_type=XLSX_CONTENT_TYPE)
    else:
        response = HttpResponse("\ufeff" + csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

"""Result pages of a school and of a programme (§5 figures, SVG chart, table) and their exports.

A programme's page and exports cover the schools the user sees on its board (an officer:
those under their area; its organisers: every enrolled school)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from audits import exports
from audits.charts import bar_chart
from audits.enums import Flag
from audits.results import category_rows, programme_results, programme_results_for
from audits.selectors import programme_for_results

from ._access import programme_or_404, school_or_404

FORMATS = ("csv", "xlsx")


def _include_abnormal(request) -> bool:
    return request.GET.get("abnormal") == "include"


def _school_programme(request, school_pk, slug):
    school = school_or_404(request, school_pk)
    programme = programme_for_results(request.user, slug, school=school)
    if programme is None:
        raise Http404
    return school, programme


@login_required
def school_results(request, school_pk, slug):
    school, programme = _school_programme(request, school_pk, slug)
    results = programme_results(programme, school_ids=[school.pk], include_abnormal=_include_abnormal(request))
    result = results.schools[0]
    rows = category_rows(results.categories, result.baseline, result.final)
    return render(
        request,
        "audits/school_results.html",
        {
            "school": school,
            "programme": programme,
            "result": result,
            "rows": rows,
            "chart": bar_chart(rows),
            "flag_labels": dict(Flag.choices),
            "include_abnormal": _include_abnormal(request),
            "target": results.target_pct,
        },
    )


@login_required
def school_results_export(request, school_pk, slug, fmt):
    if fmt not in FORMATS:
        raise Http404
    school, programme = _school_programme(request, school_pk, slug)
    results = programme_results(programme, school_ids=[school.pk], include_abnormal=_include_abnormal(request))
    result = results.schools[0]
    rows = exports.category_rows(category_rows(results.categories, result.baseline, result.final))
    return exports.respond(rows, filename=f"{school.code}-{programme.slug}", fmt=fmt)


@login_required
def programme_results_page(request, slug):
    programme = programme_or_404(request, slug)
    results = programme_results_for(request.user, programme, include_abnormal=_include_abnormal(request))
    rows = results.category_rows()
    return render(
        request,
        "audits/programme_results.html",
        {
            "programme": programme,
            "results": results,
            "rows": rows,
            "chart": bar_chart(rows),
            "flag_labels": dict(Flag.choices),
            "include_abnormal": _include_abnormal(request),
        },
    )


@login_required
def programme_results_export(request, slug, fmt):
    if fmt not in FORMATS:
        raise Http404
    programme = programme_or_404(request, slug)
    results = programme_results_for(request.user, programme, include_abnormal=_include_abnormal(request))
    return exports.respond(exports.programme_rows(results), filename=f"{programme.slug}-audits", fmt=fmt)

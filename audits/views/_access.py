"""Access helpers shared by the audit views: 404 for what the user may not see, 403 for what they may not do."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from audits.selectors import period_of_school, programme_for_results, school_for_user, session_get


def school_or_404(request, school_pk, perm="audits.view_audits"):
    school = school_for_user(request.user, school_pk)
    if school is None:
        raise Http404
    if not request.user.has_perm(perm, school):
        raise PermissionDenied
    return school


def period_or_404(school, period_pk):
    period = period_of_school(school, period_pk)
    if period is None:
        raise Http404
    return period


def session_or_404(school, pk):
    session = session_get(school, pk)
    if session is None:
        raise Http404
    session.school = school
    return session


def programme_or_404(request, slug, perm="audits.view_programme_results"):
    programme = programme_for_results(request.user, slug)
    if programme is None:
        raise Http404
    if not request.user.has_perm(perm, programme):
        raise PermissionDenied
    return programme

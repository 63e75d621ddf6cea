"""Reads of certificates: the organiser's batches, a school's certificates, the public check.

"What may this user see": a certificate is visible when its entry's school is visible
to the user (schools_visible_to: own school, the officer's area, the organiser's
programmes) or the user organises its contest; anything else answers 404.
"""

from django.db.models import Prefetch, Q, QuerySet

from contests.certificates.document import code_normalise
from contests.models import Award, Certificate, CertificateBatch, Contest, EntryMember
from schools.selectors import is_global_organiser, organised_programme_ids, schools_visible_to

_CERTIFICATE_RELATED = ("entry__school", "entry__contest__programme", "award__tier", "student__classroom", "batch")


def batches_of_contest(contest: Contest, limit: int = 10) -> list[CertificateBatch]:
    return list(CertificateBatch.objects.filter(contest=contest).select_related("requested_by")[:limit])


def batch_get(contest: Contest, pk: int) -> CertificateBatch | None:
    return CertificateBatch.objects.select_related("contest").filter(contest=contest, pk=pk).first()


def award_count(contest: Contest) -> int:
    return Award.objects.filter(contest=contest).count()


def certificates_of_batch(batch: CertificateBatch) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(batch=batch)
        .select_related(*_CERTIFICATE_RELATED)
        .order_by("award__tier__order", "entry__code", "student__display_name", "pk")
    )


def _visible_to(user) -> Q:
    if is_global_organiser(user):
        return Q()
    query = Q(entry__school__in=schools_visible_to(user).values("pk"))
    programme_ids = organised_programme_ids(user)
    if programme_ids:
        query |= Q(entry__contest__programme_id__in=programme_ids)
    return query


def certificate_for_user(user, pk: int) -> Certificate | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Certificate.objects.select_related(*_CERTIFICATE_RELATED).filter(_visible_to(user), pk=pk).first()


def certificates_of_school(school) -> QuerySet[Certificate]:
    """A school's valid certificates, the newest batch first (only those whose PDF is made)."""
    return (
        Certificate.objects.filter(entry__school=school, revoked_at__isnull=True)
        .exclude(file="")
        .select_related(*_CERTIFICATE_RELATED)
        .order_by("-batch__created_at", "award__tier__order", "entry__code", "student__display_name", "pk")
    )


def school_has_certificates(school_ids) -> bool:
    return (
        Certificate.objects.filter(entry__school_id__in=list(school_ids), revoked_at__isnull=True)
        .exclude(file="")
        .exists()
    )


def certificate_by_code(text) -> Certificate | None:
    """The certificate a typed code names, or None (also for anything that cannot be a code:
    no query is made for those), with its team's members for the public names."""
    code = code_normalise(text)
    if code is None:
        return None
    members = EntryMember.objects.select_related("student__classroom")
    return (
        Certificate.objects.select_related(*_CERTIFICATE_RELATED)
        .prefetch_related(Prefetch("entry__members", queryset=members))
        .filter(code=code)
        .first()
    )


def contests_with_awards(user) -> list[Contest]:
    """Contests the user organises that have prizes awarded (for the workspace), one query."""
    contests = Contest.objects.filter(awards__isnull=False).select_related("programme").distinct()
    if not is_global_organiser(user):
        contests = contests.filter(programme_id__in=organised_programme_ids(user))
    return list(contests.order_by("-opens_at", "title"))

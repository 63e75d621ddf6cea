"""Workspace sections of contests: certificates (organisers make them, teachers download
their school's) and the implementation of selected initiatives (everyone who may see it)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from contests.certificates.selectors import contests_with_awards, school_has_certificates
from contests.implementation.selectors import contests_with_selected
from schools.enums import Role
from schools.selectors import memberships_of
from schools.workspace import Link, Section


def _main_role(user) -> str:
    if user.has_perm("contests.make_certificates"):
        return Role.ORGANISER
    roles = {m.role for m in memberships_of(user)}
    for role in (Role.OFFICER, Role.TEACHER, Role.STUDENT):
        if role in roles:
            return role
    return Role.JUDGE


def certificate_sections(user) -> list[Section]:
    if not getattr(user, "is_authenticated", False) or not user.has_perm("contests.view_implementation"):
        return []

    links = [
        Link(
            _("Selected initiatives: %(contest)s") % {"contest": contest.title},
            reverse("contests:implementations", args=[contest.slug]),
            _("%(count)s initiatives: status, progress, milestones and indicators") % {"count": count},
        )
        for contest, count in contests_with_selected(user)
    ]
    if user.has_perm("contests.make_certificates"):
        links += [
            Link(
                _("Certificates: %(contest)s") % {"contest": contest.title},
                reverse("contests:certificates", args=[contest.slug]),
                _("Make the PDFs of the prizes in one batch and download them as a ZIP."),
            )
            for contest in contests_with_awards(user)
        ]
    taught = [m.school for m in memberships_of(user) if m.role == Role.TEACHER and m.school_id]
    if taught and school_has_certificates([s.pk for s in taught]):
        links += [
            Link(
                _("Certificates of %(school)s") % {"school": school.name},
                reverse("contests:school_certificates", args=[school.pk]),
            )
            for school in taught
        ]
    if not links:
        return []
    return [
        Section(
            key="contests-certificates",
            title=_("Certificates and selected initiatives"),
            role=_main_role(user),
            order=26,
            links=links,
        )
    ]

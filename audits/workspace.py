"""The workspace sections of waste audits, registered from AuditsConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audits.selectors import programmes_with_results_for
from schools.enums import Role
from schools.selectors import memberships_of
from schools.workspace import Link, Section


def audit_sections(user) -> list[Section]:
    sections = []
    for membership in memberships_of(user):
        if membership.role in (Role.TEACHER, Role.STUDENT) and membership.school_id:
            links = [
                Link(
                    _("Waste audits"),
                    reverse("audits:school", args=[membership.school_id]),
                    _("Record and verify the days of waste weighing."),
                )
            ]
            if membership.role == Role.TEACHER:
                links.append(Link(_("Import a paper logbook"), reverse("audits:import")))
            sections.append(
                Section(
                    key=f"audits-{membership.role}-{membership.school_id}",
                    title=_("Waste audits: %(school)s") % {"school": membership.school.name},
                    role=membership.role,
                    order=12,
                    links=links,
                )
            )
    if user.has_perm("audits.view_programme_results"):
        programmes = [p for p in programmes_with_results_for(user) if user.has_perm("audits.view_programme_results", p)]
        if programmes:
            sections.append(
                Section(
                    key="audits-results",
                    title=_("Waste audit results"),
                    role=Role.ORGANISER if user.has_perm("wagtailadmin.access_admin") else Role.OFFICER,
                    order=22,
                    links=[Link(p.name, reverse("audits:programme", args=[p.slug])) for p in programmes],
                )
            )
    return sections

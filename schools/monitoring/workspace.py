"""The workspace's link to the monitoring board (officers and organisers), registered
from SchoolsConfig.ready."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from schools.monitoring.selectors import board_programmes_for
from schools.workspace import Link, Section, register_section


@register_section
def board_section(user) -> list:
    if not user.has_perm("schools.view_board"):
        return []
    links = [
        Link(str(p.name), reverse("workspace:board", args=[p.slug]), _("Plans, audits and contests of every school."))
        for p in board_programmes_for(user)[:6]
    ]
    links.append(Link(_("Every programme I follow"), reverse("workspace:monitoring")))
    return [Section(key="monitoring", title=_("Monitoring"), role="officer", order=15, links=links)]

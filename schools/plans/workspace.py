"""Workspace home sections of action plans and notices (registered from SchoolsConfig.ready)."""

import rules
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from home.models import Notice
from schools.enums import Role
from schools.predicates import is_organiser
from schools.workspace import Link, Section, register_section

NOTICES_SHOWN = 5


@register_section
def notices_section(user) -> list[Section]:
    notices = (
        list(Notice.objects.filter(user=user, read_at__isnull=True)[:NOTICES_SHOWN]) if user.is_authenticated else []
    )
    if not notices:
        return []
    links = [
        Link(
            n.message,
            reverse("workspace:notice_open", args=[n.pk]),
            date_format(localtime(n.created_at), "SHORT_DATETIME_FORMAT"),
        )
        for n in notices
    ]
    return [Section(key="notices", title=_("New for you"), role="notice", order=1, links=links)]


@register_section
def plans_section(user) -> list[Section]:
    """One link to the person's plans page, asked of the rules without a query."""
    if not rules.has_perm("schools.view_plan", user):
        return []
    reviewer = rules.has_perm("schools.view_plan_coverage", user)
    hint = (
        _("Who has submitted, who is late; review and approve.")
        if reviewer
        else _("Write your school's plan, submit it and follow the review.")
    )
    role = Role.ORGANISER if is_organiser(user) else Role.OFFICER if reviewer else Role.TEACHER
    return [
        Section(
            key="plans",
            title=_("School action plans"),
            role=role,
            order=21 if reviewer else 11,
            links=[Link(_("Action plans"), reverse("workspace:plan_programmes"), hint)],
        )
    ]

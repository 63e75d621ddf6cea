"""Workspace sections of contests: judging.

A judge sees their open rounds with progress ("12/20"); organisers see "Judges and
assignments" (Giám khảo và phân công) with a link per contest they organise.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from contests.judging.selectors import contests_managed_by, rounds_of_judge
from schools.enums import Role
from schools.workspace import Link, Section


def judging_sections(user) -> list:
    if not getattr(user, "is_authenticated", False):
        return []
    sections = []
    if user.has_perm("contests.view_judging"):
        links = [
            Link(
                f"{r.name} · {r.done}/{r.assigned}",
                reverse("contests:judging_round", args=[r.pk]),
                r.contest.title,
            )
            for r in rounds_of_judge(user)
        ]
        links.append(Link(_("All my judging"), reverse("contests:judging")))
        sections.append(Section(key="judging", title=_("Judging"), role=Role.JUDGE, order=30, links=links))
    if user.has_perm("contests.manage_judging"):
        links = [
            Link(c.title, reverse("contests:judging_manage", args=[c.pk]), c.programme.name)
            for c in contests_managed_by(user)[:10]
        ]
        sections.append(
            Section(
                key="judging-manage",
                title=_("Judges and assignments"),
                role=Role.ORGANISER,
                order=40,
                links=[*links, Link(_("All contests"), reverse("contests:judging_manage_index"))],
            )
        )
    return sections

"""Workspace sections of contests: entries (students and teachers submit, teachers
endorse, organisers check)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contests.entries.selectors import contests_open_to, contests_organised_by
from schools.enums import Role
from schools.workspace import Link, Section


def entry_sections(user) -> list[Section]:
    sections = []
    if user.has_perm("contests.submit_entry"):
        open_contests = contests_open_to(user)
        links = [
            Link(
                c.title,
                reverse("contests:my_entries", args=[c.slug]),
                _("Open for entries until %(time)s") % {"time": timezone.localtime(c.closes_at).strftime("%d/%m/%Y")},
            )
            for c in open_contests
        ]
        links.append(Link(_("All my contests and entries"), reverse("contests:entries_home")))
        is_teacher = user.has_perm("contests.endorse_entry")
        if is_teacher:
            links.append(
                Link(
                    _("Entries to endorse"),
                    reverse("contests:endorse_queue"),
                    _("Check your students' entries and forward them, or return them with a comment."),
                )
            )
        sections.append(
            Section(
                key="contest-entries",
                title=_("Contests"),
                role=Role.TEACHER if is_teacher else Role.STUDENT,
                order=14,
                links=links,
                text="" if open_contests else _("No contest is open for entries right now."),
            )
        )
    if user.has_perm("contests.manage_contest"):
        organised = [c for c in contests_organised_by(user) if user.has_perm("contests.view_contest_entries", c)]
        if organised:
            sections.append(
                Section(
                    key="contest-entries-organiser",
                    title=_("Contest entries"),
                    role=Role.ORGANISER,
                    order=24,
                    links=[Link(c.title, reverse("contests:contest_entries", args=[c.slug])) for c in organised],
                )
            )
    return sections

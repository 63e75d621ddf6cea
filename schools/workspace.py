"""What each person's workspace home shows, by role.

Apps above `schools` (audits, contests) add their own sections with
`register_section` from their AppConfig.ready(), so this module never imports them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from schools.enums import Role
from schools.selectors import areas_of, is_global_organiser, memberships_of, schools_visible_to


@dataclass
class Link:
    label: str
    url: str
    hint: str = ""


@dataclass
class Section:
    key: str
    title: str
    role: str
    links: list[Link] = field(default_factory=list)
    text: str = ""
    order: int = 100


SectionBuilder = Callable[[object], list[Section]]
_builders: list[SectionBuilder] = []


def register_section(builder: SectionBuilder) -> SectionBuilder:
    if builder not in _builders:
        _builders.append(builder)
    return builder


def workspace_sections_for(user) -> list[Section]:
    sections: list[Section] = []
    for builder in _builders:
        sections.extend(builder(user))
    return sorted(sections, key=lambda s: (s.order, str(s.title)))


@register_section
def _school_sections(user) -> list[Section]:
    sections = _membership_sections(user)
    for section in (_judge_section(user), _officer_section(user), _organiser_section(user)):
        if section is not None:
            sections.append(section)
    return sections


def _membership_sections(user) -> list[Section]:
    """One per school the user teaches at (with its classes) or studies at."""
    sections = []
    for membership in memberships_of(user):
        school = membership.school
        if membership.role == Role.TEACHER:
            sections.append(
                Section(
                    key=f"teacher-{school.pk}",
                    title=_("My school: %(school)s") % {"school": school.name},
                    role=Role.TEACHER,
                    order=10,
                    links=[
                        Link(
                            _("Classes and students"),
                            reverse("workspace:classes", args=[school.pk]),
                            _("Add students and print their login cards."),
                        ),
                    ],
                )
            )
        elif membership.role == Role.STUDENT:
            student = getattr(user, "student", None)
            text = school.name if student is None else f"{student.classroom.name} · {school.name}"
            sections.append(
                Section(key=f"student-{school.pk}", title=_("My school"), role=Role.STUDENT, order=10, text=text)
            )
    return sections


def _judge_section(user) -> Section | None:
    """The programmes the user judges (a judge membership without programme: all)."""
    judged = [m.programme for m in memberships_of(user) if m.role == Role.JUDGE]
    if not judged:
        return None
    names = ", ".join(p.name for p in judged if p) or _("all programmes")
    return Section(
        key="judge",
        title=_("Judging"),
        role=Role.JUDGE,
        order=30,
        text=_("You are a judge for: %(programmes)s") % {"programmes": names},
    )


def _officer_section(user) -> Section | None:
    """An officer's schools: how many lie under their areas."""
    areas = areas_of(user)
    if not areas:
        return None
    count = schools_visible_to(user).count()
    return Section(
        key="officer",
        title=_("My schools"),
        role=Role.OFFICER,
        order=20,
        text=_("%(count)s schools under %(areas)s") % {"count": count, "areas": ", ".join(a.name for a in areas)},
        links=[Link(_("Schools under my area"), reverse("workspace:schools"))],
    )


def _organiser_section(user) -> Section | None:
    """The back office and the imports, for global organisers and programme organisers."""
    if not (is_global_organiser(user) or any(m.role == Role.ORGANISER for m in memberships_of(user))):
        return None
    return Section(
        key="organiser",
        title=_("Organising"),
        role=Role.ORGANISER,
        order=5,
        links=[
            Link(
                _("Back office (Wagtail admin)"),
                reverse("wagtailadmin_home"),
                _("Pages, programmes, schools and people."),
            ),
            Link(_("Import schools"), reverse("workspace:import_schools")),
            Link(_("Import users"), reverse("workspace:import_users")),
            Link(_("Schools"), reverse("workspace:schools")),
        ],
    )

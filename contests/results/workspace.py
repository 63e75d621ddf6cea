"""Workspace sections of contests: results (organisers and chairs see each contest's rankings).

Organisers open a round to rank, decide ties and publish; a chair, to read the ranking and
decide ties (`contests.publish_results` stays with organisers)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from contests.results.selectors import contests_for_results
from schools.enums import Role
from schools.workspace import Link, Section


def results_sections(user) -> list:
    if not user.is_authenticated or not user.has_perm("contests.view_ranking"):
        return []

    links = []
    for contest in contests_for_results(user):
        if user.has_perm("contests.publish_results", contest):
            label = str(_("Ranking, ties and publishing"))
        else:
            label = str(_("Ranking and tie decisions"))
        for round in contest.rounds.all():
            links.append(
                Link(
                    f"{contest.title} – {round.name}",
                    reverse("contests:ranking", args=[contest.slug, round.order]),
                    label,
                )
            )
    if not links:
        return []
    return [
        Section(
            key="contests-results",
            title=_("Contest results"),
            role=Role.ORGANISER if user.has_perm("contests.publish_results") else Role.JUDGE,
            order=24,
            links=links,
        )
    ]

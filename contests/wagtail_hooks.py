"""Organisers set contests up in the Wagtail admin, through the rules (contests.manage_<model>).

The viewsets live in contests/setup/ (contests and prize tiers; rounds and their
criteria); each is registered below with one hook.
"""

from wagtail import hooks

from contests.models import Contest, PrizeTier
from contests.setup.contests import ContestViewSet
from contests.setup.rounds import RoundViewSet
from schools.admin_scope import register_scoped_policies
from schools.selectors_scope import register_scope

register_scope(Contest)
register_scope(PrizeTier, "contest__programme")
register_scoped_policies(Contest, PrizeTier)


@hooks.register("register_admin_viewset")
def register_contest_viewset():
    return ContestViewSet()


hooks.register("register_admin_viewset", RoundViewSet)

"""Organisers set contests up in the Wagtail admin, through the rules (contests.manage_<model>).

The viewsets live in their own modules (admin_contests.py; judging's round and
criteria viewset); each is registered below with one hook.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from contests.admin_contests import ContestViewSet
from contests.models import Contest, PrizeTier
from home.models import User
from home.permission_policy import RulesPermissionPolicy
from schools.enums import Role


def _organisers():
    return User.objects.filter(is_active=True, memberships__role=Role.ORGANISER).distinct()


for _model in (Contest, PrizeTier):
    register_permission_policy(_model, RulesPermissionPolicy(_model, users_with_permission=_organisers))


@hooks.register("register_admin_viewset")
def register_contest_viewset():
    return ContestViewSet()


hooks.register("register_admin_viewset", __import__("contests.admin_judging", fromlist=["RoundViewSet"]).RoundViewSet)

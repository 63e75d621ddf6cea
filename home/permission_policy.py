"""A Wagtail permission policy that asks django-rules, so the admin uses our named rules.

Every action of a viewset (add, change, delete, view, …) on model `app.model` is
answered by the rule `app.manage_<model>`; the same rule the workspace checks. Adding
asks `app.add_<model>` where that rule exists (a programme is created by a global
organiser only). `scope(user)` gives the rows the user manages; without one, all rows.
"""

from collections.abc import Callable

import rules
from django.contrib.auth import get_user_model
from wagtail.permission_policies import BasePermissionPolicy


class RulesPermissionPolicy(BasePermissionPolicy):
    def __init__(self, model, *, users_with_permission: Callable | None = None, scope: Callable | None = None):
        super().__init__(model)
        self._users_with_permission = users_with_permission
        self._scope = scope

    @property
    def rule_name(self) -> str:
        return f"{self.model._meta.app_label}.manage_{self.model._meta.model_name}"

    def user_has_permission(self, user, action):
        rule = self.rule_name
        if action == "add" and rules.perm_exists(rule.replace(".manage_", ".add_")):
            rule = rule.replace(".manage_", ".add_")
        return bool(user and user.is_active and user.has_perm(rule))

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def user_has_permission_for_instance(self, user, action, instance):
        return bool(user and user.is_active and user.has_perm(self.rule_name, instance))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, None, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_permission(user, None):
            return self.model._default_manager.none()
        return self._scope(user) if self._scope else self.model._default_manager.all()

    def users_with_any_permission(self, actions):
        """Who may manage these objects; only used for notifications, not for checks."""
        if self._users_with_permission is not None:
            return self._users_with_permission()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)

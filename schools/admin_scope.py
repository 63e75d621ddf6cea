"""Wagtail admin viewsets that keep an organiser inside their scope (schools/selectors_scope.py).

`ScopedModelViewSet` is the one place where the back office filters by scope: its
listing shows only the rows the user manages, every view of one object (edit, delete,
history, usage, copy, inspect) answers 404 for a row outside the scope — as another
school's object does in the workspace — and every relation a form offers (school,
area, programme, class, user …) lists only in-scope rows, so a choice outside the
scope is refused by the form's own validation.
"""

from django.forms import ModelChoiceField
from django.http import Http404
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from home.models import User
from home.permission_policy import RulesPermissionPolicy
from schools.enums import Role
from schools.selectors_scope import choosable, scope_of

_OBJECT_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "history_view_class",
    "usage_view_class",
    "copy_view_class",
    "inspect_view_class",
)
_FORM_VIEWS = ("add_view_class", "edit_view_class", "copy_view_class")


def _organisers():
    """Who is told about back-office objects (Wagtail's notifications only, never a check)."""
    return User.objects.filter(is_active=True, memberships__role=Role.ORGANISER).distinct()


def register_scoped_policies(*models) -> None:
    """Let Wagtail ask our rules (`app.manage_<model>`) and the model's scope for these models."""
    for model in models:
        policy = RulesPermissionPolicy(
            model, users_with_permission=_organisers, scope=lambda user, model=model: scope_of(model, user)
        )
        register_permission_policy(model, policy)


def limit_choices(form, user) -> None:
    """Offer only in-scope rows in every relation of `form` (and of its inline formsets)."""
    for field in form.fields.values():
        if isinstance(field, ModelChoiceField):
            field.queryset = field.queryset.filter(pk__in=choosable(field.queryset.model, user).values("pk"))
    for formset in getattr(form, "formsets", {}).values():
        for child in [*formset.forms, formset.empty_form]:
            limit_choices(child, user)


class ScopedIndexMixin:
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return queryset.filter(pk__in=scope_of(self.model, self.request.user).values("pk"))


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not scope_of(type(obj), self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ScopedFormMixin:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        limit_choices(form, self.request.user)
        return form


def _with(mixin, view_class):
    if issubclass(view_class, mixin):
        return view_class
    return type(f"Scoped{view_class.__name__}", (mixin, view_class), {})


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet whose every view stays inside the user's scope (see the module docstring)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.index_view_class = _with(ScopedIndexMixin, cls.index_view_class)
        for name in _OBJECT_VIEWS:
            setattr(cls, name, _with(ScopedObjectMixin, getattr(cls, name)))
        for name in _FORM_VIEWS:
            setattr(cls, name, _with(ScopedFormMixin, getattr(cls, name)))

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from schools.enums import Role
from schools.models import Area, Membership
from schools.selectors import is_global_organiser
from schools.selectors_scope import grant_refusal


class AreaForm(WagtailAdminModelForm):
    """Areas are tree nodes: the form picks a parent and lets treebeard place the node."""

    parent = forms.ModelChoiceField(
        queryset=Area.objects.order_by("path"),
        required=False,
        label=_("Parent area"),
        help_text=_("Leave empty for a city at the top of the tree."),
    )

    class Meta:
        model = Area
        fields = ["name", "code", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parent"].initial = self.instance.get_parent()
            descendants = Area.objects.filter(path__startswith=self.instance.path)
            self.fields["parent"].queryset = Area.objects.exclude(pk__in=descendants).order_by("path")
        self.fields["parent"].label_from_instance = lambda area: f"{'— ' * (area.depth - 1)}{area.name}"
        if self.for_user is not None and not is_global_organiser(self.for_user):
            # A programme organiser adds areas under the areas they cover, never a new city.
            self.fields["parent"].required = True
            self.fields["parent"].help_text = _("An area inside the programmes you organise.")

    def save(self, commit=True):
        parent = self.cleaned_data.get("parent")
        area = self.instance
        fields = {"name": area.name, "code": area.code, "kind": area.kind}
        if area.pk is None:
            # Wagtail's create view reads form.instance afterwards: point it at the saved node.
            self.instance = parent.add_child(**fields) if parent else Area.add_root(**fields)
            return self.instance
        area.save()
        current_parent = area.get_parent()
        if parent != current_parent:
            if parent is None:
                area.move(Area.get_last_root_node(), pos="last-sibling")
            else:
                area.move(parent, pos="last-child")
            area.refresh_from_db()
        return area


class MembershipAdminForm(WagtailAdminModelForm):
    """A role given in the back office: never more than the editor holds (selectors_scope.grant_refusal).

    The relations offer only in-scope rows (ScopedModelViewSet); the organiser role is
    offered to global organisers only.
    """

    class Meta:
        model = Membership
        fields = ["user", "role", "school", "area", "programme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and not is_global_organiser(self.for_user):
            role = self.fields["role"]
            role.choices = [choice for choice in role.choices if choice[0] != Role.ORGANISER]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        refusal = grant_refusal(
            self.for_user,
            user=data.get("user"),
            role=data.get("role"),
            school=data.get("school"),
            area=data.get("area"),
            programme=data.get("programme"),
        )
        if refusal:
            raise forms.ValidationError(refusal)
        return data

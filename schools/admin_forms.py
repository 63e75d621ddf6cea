from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from schools.models import Area


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

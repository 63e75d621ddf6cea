"""Organisers edit waste categories and audit periods in the back office, through audits/rules.py.

A category in use cannot be deleted (AuditLine.category is PROTECT, and Wagtail's
delete view then lists what uses it); organisers retire it instead.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic.models import DeleteView
from wagtail.admin.viewsets.base import ViewSetGroup

from audits.models import AuditPeriod, WasteCategory
from schools.admin_scope import ScopedModelViewSet, register_scoped_policies

register_scoped_policies(WasteCategory, AuditPeriod)


class WasteCategoryDeleteView(DeleteView):
    """Deleting a category that recorded days use would lose data: refuse, and say to retire it."""

    def form_valid(self, form):
        if self.object.lines.exists() or self.object.children.exists():
            messages.error(
                self.request,
                _("“%(name)s” is used by recorded audit days or has sub-categories: retire it instead of deleting it.")
                % {"name": self.object.name},
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class WasteCategoryViewSet(ScopedModelViewSet):
    model = WasteCategory
    delete_view_class = WasteCategoryDeleteView
    icon = "list-ul"
    menu_label = _("Waste categories")
    form_fields = [
        "parent",
        "code",
        "name_vi",
        "name_en",
        "is_low_value_plastic",
        "is_hazardous",
        "measured_by",
        "typical_item_mass_g",
        "sort_order",
        "retired",
    ]
    list_display = [
        "name_vi",
        "code",
        "measured_by",
        BooleanColumn("is_low_value_plastic", label=_("low-value plastic")),
        "sort_order",
        BooleanColumn("retired", label=_("retired")),
    ]
    list_filter = ["is_low_value_plastic", "measured_by", "retired"]
    search_fields = ["name_vi", "name_en", "code"]
    ordering = ["sort_order", "code"]


class AuditPeriodViewSet(ScopedModelViewSet):
    model = AuditPeriod
    icon = "date"
    menu_label = _("Audit periods")
    form_fields = ["programme", "phase", "starts_on", "ends_on"]
    list_display = ["programme", "phase", "starts_on", "ends_on"]
    list_filter = ["phase", "programme"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=AuditPeriod.objects.select_related("programme"), **kwargs)


class AuditsGroup(ViewSetGroup):
    menu_label = _("Waste audits")
    menu_icon = "tasks"
    menu_order = 320
    items = (WasteCategoryViewSet, AuditPeriodViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return AuditsGroup()

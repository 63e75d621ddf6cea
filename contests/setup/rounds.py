"""Rounds and their rubric in the Wagtail admin (organisers).

Registered from contests/wagtail_hooks.py. Permission: `contests.manage_round` and
`contests.manage_criterion` (rules_judging: organisers of the contest's programme)
through RulesPermissionPolicy; the list shows only rounds of contests the user organises
and a round of another programme answers 404. Criteria are edited inline; their level
descriptions are typed one per line, `score | description` (stored as a JSON list).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn

from contests.judging.forms import LevelsField
from contests.models import Contest, Criterion, Round
from schools.admin_scope import ScopedModelViewSet, register_scoped_policies
from schools.selectors_scope import register_scope

register_scope(Round, "contest__programme")
register_scope(Criterion, "round__contest__programme")
register_scoped_policies(Round, Criterion)


class CriterionAdminForm(WagtailAdminModelForm):
    levels = LevelsField(label=_("level descriptions"))

    class Meta:
        model = Criterion
        fields = ["order", "name", "help_text", "levels", "min_score", "max_score", "weight", "counted"]

    def clean(self):
        data = super().clean()
        low, high = data.get("min_score"), data.get("max_score")
        if low is not None and high is not None and high <= low:
            self.add_error("max_score", _("The highest score must be above the lowest."))
        weight = data.get("weight")
        if weight is not None and weight <= 0:
            self.add_error("weight", _("The weight must be more than 0."))
        for level in data.get("levels") or []:
            if low is not None and high is not None and not low <= level["score"] <= high:
                self.add_error("levels", _("A level's score must be within the lowest and highest score."))
                break
        return data


class CriteriaPanel(InlinePanel):
    """The criteria inline, with the friendly levels field."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = CriterionAdminForm
        return options


class RoundAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contest"].queryset = Contest.objects.select_related("programme").order_by("-opens_at", "title")
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("Hà Nội time (UTC+7).")

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Scoring must close after it opens."))
        rule = data.get("advance_rule")
        if rule == "top_n" and not data.get("advance_count"):
            self.add_error("advance_count", _("Give how many entries advance."))
        if rule == "threshold" and data.get("advance_threshold") is None:
            self.add_error("advance_threshold", _("Give the score needed to advance."))
        return data


class RoundViewSet(ScopedModelViewSet):
    """Only the rounds of the user's programmes' contests are listed; another's answer 404."""

    model = Round
    icon = "list-ol"
    menu_label = _("Judging rounds")
    menu_order = 331
    add_to_admin_menu = True
    list_display = ["name", "contest", "order", "mode", "status", BooleanColumn("blind", label=_("blind"))]
    list_filter = ["mode", "status"]  # no contest filter: it would list other programmes' contests
    search_fields = ["name", "contest__title"]
    ordering = ["contest", "order"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=Round.objects.select_related("contest"), **kwargs)

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("contest"),
                    FieldRowPanel([FieldPanel("order"), FieldPanel("name")]),
                    FieldPanel("mode"),
                    FieldPanel("status"),
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                ],
                heading=_("Round"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("blind"),
                    FieldPanel("judges_see_others"),
                    FieldPanel("judges_per_entry"),
                    FieldPanel("aggregation"),
                ],
                heading=_("Judges and scores"),
            ),
            MultiFieldPanel(
                [FieldPanel("advance_rule"), FieldPanel("advance_count"), FieldPanel("advance_threshold")],
                heading=_("How entries advance"),
            ),
            CriteriaPanel(
                "criteria",
                heading=_("Criteria (rubric)"),
                label=_("Criterion"),
                panels=[
                    FieldRowPanel([FieldPanel("order"), FieldPanel("name")]),
                    FieldPanel("help_text"),
                    FieldPanel("levels"),
                    FieldRowPanel([FieldPanel("min_score"), FieldPanel("max_score"), FieldPanel("weight")]),
                    FieldPanel("counted"),
                ],
            ),
        ],
        base_form_class=RoundAdminForm,
    )

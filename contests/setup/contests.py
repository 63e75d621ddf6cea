"""Setting contests up in the Wagtail admin (organisers): the form and the viewset.

Registered in contests/wagtail_hooks.py. Permission: `contests.manage_contest`
(rules_entries: organisers of the contest's programme) through RulesPermissionPolicy;
the list shows only the contests of the programmes the user organises, and the form
offers only those programmes. Times are entered and shown in Asia/Ho_Chi_Minh (the
project's TIME_ZONE). Prize tiers are edited inline (PrizeTier is a ParentalKey child).
"""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column

from contests.enums import ContestStatus
from contests.models import DEFAULT_TIE_BREAK, Contest
from contests.results.tiebreak import step_label
from schools.admin_scope import ScopedModelViewSet
from schools.enums import SchoolLevel
from schools.models import Programme, School
from schools.selectors_scope import organised_programmes

# Statuses an organiser sets by hand; judging and publishing set the others.
MANUAL_STATUSES = (ContestStatus.DRAFT, ContestStatus.OPEN, ContestStatus.CLOSED)
# Once judging has started, the declared tie-break may no longer change (DESIGN §5).
TIE_FIELDS = ("tie_break", "priority_criterion", "tie_policy")


def programmes_for(user):
    """The programmes a contest may belong to: those the user organises (every one for no user)."""
    programmes = Programme.objects.select_related("school_year").order_by("-school_year__starts_on", "name")
    return programmes if user is None else programmes.filter(pk__in=organised_programmes(user).values("pk"))


def _step_label(step: str) -> str:
    return step_label(step)


class TieBreakWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__([forms.Select(attrs=attrs) for _step in DEFAULT_TIE_BREAK], attrs)

    def decompress(self, value):
        steps = list(value or [])
        return steps + [""] * (len(DEFAULT_TIE_BREAK) - len(steps))


class TieBreakField(forms.MultiValueField):
    """The tie-break cascade as ordered choices (first, second, …); empty ones are dropped."""

    widget = TieBreakWidget

    def __init__(self, **kwargs):
        fields = [forms.ChoiceField(required=False) for _step in DEFAULT_TIE_BREAK]
        super().__init__(fields=fields, require_all_fields=False, required=False, **kwargs)
        self.set_choices()

    def set_choices(self):
        choices = [("", "—")] + [(step, _step_label(step)) for step in DEFAULT_TIE_BREAK]
        for field, widget in zip(self.fields, self.widget.widgets, strict=True):
            field.choices = choices
            widget.choices = choices

    def compress(self, data_list):
        steps = [step for step in (data_list or []) if step]
        if len(set(steps)) != len(steps):
            raise forms.ValidationError(_("Each tie-break step may be chosen once."), code="repeated")
        return steps


class ContestAdminForm(WagtailAdminModelForm):
    eligible_levels = forms.MultipleChoiceField(
        label=_("eligible school levels"),
        choices=SchoolLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every level."),
    )
    tie_break = TieBreakField(
        label=_("tie-break order"),
        help_text=_("Used in this order when entries have the same score; the chair decides last. Empty: the default."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.fields["tie_break"].set_choices()
        self.fields["programme"].queryset = programmes_for(user)
        self.fields["eligible_schools"].queryset = (
            School.objects.filter(enrolments__programme__in=programmes_for(user)).distinct().order_by("name")
        )
        self.fields["eligible_schools"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["eligible_schools"].choices
        )
        self.fields["eligible_schools"].help_text = _(
            "None ticked: every enrolled school of the eligible levels. Only schools enrolled in the programme."
        )
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("Hà Nội time (UTC+7).")
        current = self.instance.status if self.instance.pk else None
        self.fields["status"].choices = [
            (value, label) for value, label in ContestStatus.choices if value in MANUAL_STATUSES or value == current
        ]

    def clean_duplicate_threshold(self):
        value = self.cleaned_data.get("duplicate_threshold")
        if value is not None and not 50 <= value <= 100:
            raise forms.ValidationError(_("Choose a threshold from 50 to 100%."), code="range")
        return value

    def clean_slogan_max_length(self):
        value = self.cleaned_data.get("slogan_max_length")
        if value is not None and not 10 <= value <= 1000:
            raise forms.ValidationError(_("Choose a length from 10 to 1000 characters."), code="range")
        return value

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The deadline must be after submissions open."))
        programme, schools = data.get("programme"), data.get("eligible_schools")
        if programme and schools:
            enrolled = set(programme.enrolments.values_list("school_id", flat=True))
            outside = [school.name for school in schools if school.pk not in enrolled]
            if outside:
                self.add_error(
                    "eligible_schools",
                    _("Not enrolled in this programme: %(schools)s.") % {"schools": ", ".join(outside)},
                )
        if self.instance.pk and self.instance.status not in MANUAL_STATUSES:
            for name in TIE_FIELDS:
                if name in data and data[name] != getattr(self.instance, name):
                    self.add_error(name, _("Judging has started: the tie-break rules can no longer change."))
        return data

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("prize_tiers") if hasattr(self, "formsets") else None
        if formset is None or not formset.is_valid():
            return valid
        orders = []
        for form in formset.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            if form.cleaned_data.get("count") is not None and form.cleaned_data["count"] < 1:
                form.add_error("count", _("A prize holds at least one entry."))
                valid = False
            orders.append(form.cleaned_data.get("order"))
        if len(set(orders)) != len(orders):
            self.add_error(None, _("Two prize tiers have the same order: give each a different number."))
            valid = False
        return valid


class ContestViewSet(ScopedModelViewSet):
    """Only the contests of the user's programmes are listed; another programme's answers 404."""

    model = Contest
    icon = "trophy"
    menu_label = _("Contests")
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "title",
        "programme",
        "kind",
        "status",
        "closes_at",
        Column("entry_count", label=_("entries")),
    ]
    list_filter = ["kind", "status", "programme"]
    search_fields = ["title", "slug", "code_prefix"]
    ordering = ["-opens_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("programme"),
                    FieldPanel("kind"),
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("code_prefix"),
                    FieldPanel("status"),
                ],
                heading=_("Contest"),
            ),
            MultiFieldPanel([FieldPanel("summary"), FieldPanel("rules")], heading=_("Announcement and rules")),
            MultiFieldPanel(
                [FieldPanel("eligible_levels"), FieldPanel("eligible_schools")], heading=_("Who may take part")
            ),
            MultiFieldPanel(
                [
                    FieldPanel("opens_at"),
                    FieldPanel("closes_at"),
                    FieldPanel("max_entries_per_school"),
                    FieldPanel("max_entries_per_student"),
                    FieldPanel("slogan_max_length"),
                    FieldPanel("duplicate_threshold"),
                ],
                heading=_("Submissions"),
            ),
            InlinePanel(
                "prize_tiers",
                heading=_("Prize tiers"),
                label=_("Prize tier"),
                panels=[FieldPanel("order"), FieldPanel("name"), FieldPanel("count"), FieldPanel("description")],
            ),
            MultiFieldPanel(
                [
                    FieldPanel("tie_break"),
                    FieldPanel("priority_criterion"),
                    FieldPanel("tie_policy"),
                    FieldPanel("results_public"),
                ],
                heading=_("Judging and results"),
            ),
        ],
        base_form_class=ContestAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        contests = Contest.objects.select_related("programme").annotate(entry_count=Count("entries"))
        return super().get_index_view_kwargs(queryset=contests.order_by("-opens_at", "title"), **kwargs)

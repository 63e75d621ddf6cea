"""Forms of the action plan: one per section, nothing required to save a draft.

Row sections are formsets whose blank rows are ignored; the service replaces the
section with the rows that hold something. Every form carries the plan `version` it
was loaded at (optimistic locking).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from schools.enums import PLAN_NOT_STARTED, ActivityKind, ActivityStatus, PlanSection, PlanStatus, TeamRole
from schools.plans.services_files import ACCEPT

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class TeamMemberForm(forms.Form):
    person = forms.ChoiceField(label=_("Person"), required=False)
    team_role = forms.ChoiceField(
        label=_("Team role"), choices=TeamRole.choices, initial=TeamRole.MEMBER, required=False
    )

    def __init__(self, *args, person_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = person_choices

    def row(self):
        data = self.cleaned_data
        if not data.get("person"):
            return None
        return {"person": data["person"], "team_role": data.get("team_role") or TeamRole.MEMBER}


class GoalForm(forms.Form):
    text = forms.CharField(
        label=_("Goal"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Reduce low-value plastic waste by 20%")}),
    )
    indicator = forms.CharField(
        label=_("Indicator"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. low-value plastic per person-day")}),
    )
    target_value = forms.DecimalField(label=_("Target value"), max_digits=12, decimal_places=2, required=False)
    unit = forms.CharField(
        label=_("Unit"), max_length=40, required=False, widget=forms.TextInput(attrs={"placeholder": "%"})
    )

    def row(self):
        data = self.cleaned_data
        if not any(data.get(f) not in (None, "") for f in ("text", "indicator", "target_value", "unit")):
            return None
        return {**data, "text": data.get("text") or data.get("indicator") or "…"}


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ActivityKind.choices, initial=ActivityKind.COMMUNICATION, required=False
    )
    title = forms.CharField(label=pgettext_lazy("plan activity", "Title"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("From"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("To"), required=False, widget=DATE)
    responsible = forms.CharField(label=_("Responsible"), max_length=150, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=ActivityStatus.choices, initial=ActivityStatus.PLANNED, required=False
    )

    def row(self):
        data = self.cleaned_data
        if not any(data.get(f) for f in ("title", "starts_on", "ends_on", "responsible")):
            return None
        return {
            **data,
            "title": data.get("title") or "…",
            "kind": data.get("kind") or ActivityKind.OTHER,
            "status": data.get("status") or ActivityStatus.PLANNED,
        }


class WeeksForm(VersionForm):
    baseline_week_starts_on = forms.DateField(
        label=_("Baseline audit week starts on"),
        required=False,
        widget=DATE,
        help_text=_("Monday of the week when waste is weighed before the activities."),
    )
    final_week_starts_on = forms.DateField(
        label=_("Final audit week starts on"),
        required=False,
        widget=DATE,
        help_text=_("Monday of the week when waste is weighed again at the end."),
    )


def row_formset(form_class, extra=1):
    return forms.formset_factory(form_class, extra=extra, can_delete=True, max_num=50, absolute_max=60)


TeamFormSet = row_formset(TeamMemberForm)
GoalFormSet = row_formset(GoalForm)
ActivityFormSet = row_formset(ActivityForm)
FORMSETS = {
    PlanSection.TEAM: TeamFormSet,
    PlanSection.GOALS: GoalFormSet,
    PlanSection.ACTIVITIES: ActivityFormSet,
}


def formset_rows(formset) -> list[dict]:
    return [row for form in formset.forms if not (form.cleaned_data or {}).get("DELETE") and (row := form.row())]


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        required=True,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("PDF, Word (DOCX), Excel (XLSX), JPEG or PNG; at most 10 MB."),
    )


class SubmitForm(VersionForm):
    pass


class ReviewForm(forms.Form):
    """Approve, or return with comments on the sections they concern."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("return", _("Return with comments")), ("approve", _("Approve"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in PlanSection:
            self.fields[f"comment_{section.value}"] = forms.CharField(
                label=_("Comment on: %(section)s") % {"section": section.label},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def comments(self) -> dict[str, str]:
        return {s.value: self.cleaned_data.get(f"comment_{s.value}", "") for s in PlanSection}


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why reopen the approved plan?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=_("Version"), coerce=int)
    b = forms.TypedChoiceField(label=_("with version"), coerce=int)

    def __init__(self, *args, numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].choices = [(n, n) for n in numbers]


class CoverageFilterForm(forms.Form):
    area = forms.TypedChoiceField(label=_("Area"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {a.pk: a for a in areas}
        self.fields["area"].choices = [("", _("All areas")), *((a.pk, a.name) for a in areas)]
        self.fields["status"].choices = [
            ("", _("All statuses")),
            (PLAN_NOT_STARTED, _("Not started")),
            *PlanStatus.choices,
        ]

    def clean_area(self):
        pk = self.cleaned_data["area"]
        return self.areas.get(pk) if pk is not None else None

"""Forms of implementation records: they read the input; the services decide (and refuse)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contests.enums import ImplementationStatus


class ImplementationForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ImplementationStatus.choices)
    progress_pct = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        error_messages={"invalid": _("Progress is a whole number from 0 to 100.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What has been done so far, and what comes next."),
    )


class MilestoneForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("What was done"), max_length=200)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Optional. Location and camera details are removed from the photo."),
    )


class IndicatorForm(forms.Form):
    name = forms.CharField(
        label=_("Indicator"), max_length=120, help_text=_("For example: Water saved. The same name updates it.")
    )
    unit = forms.CharField(label=_("Unit"), max_length=20, help_text=_("For example m³ or kg."))
    value = forms.DecimalField(label=_("Value so far"), min_value=0, max_digits=12, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), required=False, min_value=0, max_digits=12, decimal_places=2)

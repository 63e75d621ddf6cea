"""Forms of the programme set-up pages in the Wagtail admin: enrol in bulk, withdraw, copy to a new year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from schools.enrolments import REASON_MAX, parse_codes
from schools.enums import SchoolLevel
from schools.models import Area
from schools.programme_copy import parse_year_name


class EnrolForm(forms.Form):
    """Which schools: an area under the programme's, a level, or a pasted list of codes (which wins)."""

    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none(), required=False)
    level = forms.ChoiceField(label=_("Level"), choices=[("", _("Every level")), *SchoolLevel.choices], required=False)
    codes = forms.CharField(
        label=_("Or school codes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, or separated by commas. A list of codes is used instead of the area and level."),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(path__startswith=programme.area.path).order_by("path")
        self.fields["area"].empty_label = _("The whole area of the programme")

    def clean_codes(self):
        return parse_codes(self.cleaned_data["codes"])


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 3}))


class CopyForm(forms.Form):
    """The new year, name and slug, and one field per date of the set-up (shifted, editable)."""

    year_name = forms.CharField(label=_("New school year"), max_length=20, help_text=_("For example 2023-2024."))
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(label=_("Slug"), max_length=80)

    def __init__(self, *args, dated_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.date_keys = []
        for item in dated_items:
            name = "date__" + item.key.replace(".", "__")
            self.fields[name] = forms.DateField(
                label=item.label, initial=item.value, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            )
            self.date_keys.append((name, item.key))

    def clean_year_name(self):
        value = self.cleaned_data["year_name"].strip()
        if parse_year_name(value) is None:
            raise forms.ValidationError(_("Write the school year as 2023-2024."))
        return value.replace("–", "-").replace(" ", "")

    def dates(self) -> dict:
        return {key: self.cleaned_data[name] for name, key in self.date_keys if name in self.cleaned_data}

"""The day form: persons present, abnormal-day flags, then mass and count per category.

Numbers are typed as text (phones show the numeric keypad through `inputmode`) and
parsed here, so a decimal comma works and the message for a bad value is ours.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audits.enums import Abnormal, CollectionArea
from audits.models import WasteCategory
from audits.photos import photo_clean
from audits.services import DayInput
from audits.values import BadValue, parse_mass, parse_whole


def _number_input(decimal=False, label=""):
    return forms.TextInput(
        attrs={
            "inputmode": "decimal" if decimal else "numeric",
            "autocomplete": "off",
            "class": "form-control form-control-lg audit-number",
            "aria-label": label,
        }
    )


class DayForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput)
    date = forms.DateField(
        label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    students_present = forms.CharField(label=gettext_lazy("Students present"), required=False)
    staff_present = forms.CharField(label=gettext_lazy("Staff present"), required=False)
    abnormal = forms.MultipleChoiceField(
        label=gettext_lazy("Abnormal day"),
        choices=Abnormal.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Abnormal days are kept but left out of the results."),
    )
    areas = forms.MultipleChoiceField(
        label=gettext_lazy("Areas covered"),
        choices=CollectionArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    photo = forms.FileField(
        label=gettext_lazy("Photo of the scale or the paper sheet (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        for field in ("students_present", "staff_present"):
            self.fields[field].widget = _number_input(label=str(self.fields[field].label))
        for category in categories:
            if category.by_weight:
                self.fields[f"m_{category.pk}"] = forms.CharField(
                    required=False, widget=_number_input(True, _("%(name)s, grams") % {"name": category.name})
                )
            if category.by_count:
                self.fields[f"n_{category.pk}"] = forms.CharField(
                    required=False, widget=_number_input(False, _("%(name)s, items") % {"name": category.name})
                )

    def rows(self):
        """(category, mass field, count field) in table order, for the template."""
        for category in self.categories:
            mass = self[f"m_{category.pk}"] if category.by_weight else None
            count = self[f"n_{category.pk}"] if category.by_count else None
            yield category, mass, count

    def _parse(self, name, parser):
        try:
            return parser(self.cleaned_data.get(name, ""))
        except BadValue as error:
            raise ValidationError(str(error)) from None

    def clean_students_present(self):
        value = self._parse("students_present", lambda t: parse_whole(t, what=_("number of students")))
        if value == 0:
            raise ValidationError(_("Persons present cannot be 0: a day with nobody at school is not audited."))
        return value

    def clean_staff_present(self):
        return self._parse("staff_present", lambda t: parse_whole(t, what=_("number of staff"))) or 0

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            photo_clean(photo)  # refuse what is not a readable image; the service stores the re-encoded copy
            photo.seek(0)
        return photo

    def clean(self):
        data = super().clean()
        lines = {}
        for category in self.categories:
            mass = count = None
            if category.by_weight:
                try:
                    mass = parse_mass(data.get(f"m_{category.pk}", ""))
                except BadValue as error:
                    self.add_error(f"m_{category.pk}", str(error))
            if category.by_count:
                try:
                    count = parse_whole(data.get(f"n_{category.pk}", ""), what=_("item count"))
                except BadValue as error:
                    self.add_error(f"n_{category.pk}", str(error))
            lines[category.pk] = (mass, count)
        data["lines"] = lines
        return data

    def day_input(self) -> DayInput:
        data = self.cleaned_data
        return DayInput(
            date=data["date"],
            students_present=data.get("students_present"),
            staff_present=data.get("staff_present") or 0,
            abnormal=tuple(data.get("abnormal") or ()),
            areas=tuple(data.get("areas") or ()),
            note=data.get("note", "").strip(),
        )


def initial_for(session, lines) -> dict:
    initial = {
        "client_id": session.client_id,
        "date": session.date,
        "students_present": session.students_present or "",
        "staff_present": session.staff_present or "",
        "abnormal": session.abnormal,
        "areas": session.areas,
        "note": session.note,
    }
    for category_id, line in lines.items():
        if line.mass_g is not None:
            initial[f"m_{category_id}"] = f"{line.mass_g.normalize():f}"
        if line.item_count is not None:
            initial[f"n_{category_id}"] = line.item_count
    return initial


class ReturnForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("What needs to be fixed"), widget=forms.Textarea(attrs={"rows": 3}))


class CorrectionForm(forms.Form):
    category = forms.ModelChoiceField(label=gettext_lazy("Category"), queryset=None)
    mass_g = forms.CharField(label=gettext_lazy("Mass (g)"), required=False, widget=_number_input(True))
    item_count = forms.CharField(label=gettext_lazy("Item count"), required=False, widget=_number_input())
    reason = forms.CharField(label=gettext_lazy("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["category"].queryset = WasteCategory.objects.filter(pk__in=[c.pk for c in categories])

    def clean_mass_g(self):
        try:
            return parse_mass(self.cleaned_data.get("mass_g"))
        except BadValue as error:
            raise ValidationError(str(error)) from None

    def clean_item_count(self):
        try:
            return parse_whole(self.cleaned_data.get("item_count"), what=_("item count"))
        except BadValue as error:
            raise ValidationError(str(error)) from None


class ImportForm(forms.Form):
    programme = forms.ModelChoiceField(label=gettext_lazy("Programme"), queryset=None)
    file = forms.FileField(
        label=gettext_lazy("File (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    dry_run = forms.BooleanField(label=gettext_lazy("Only check the file, import nothing"), required=False)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes

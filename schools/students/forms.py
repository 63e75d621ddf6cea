"""Forms of the workspace's school, class and student pages: validate and normalise input.

Rules (a class name used this year, the size of a list) live in services_students;
the forms check the same limits early so the message sits next to the field.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from schools.enums import SchoolLevel
from schools.models import Classroom, Student
from schools.services import nfc
from schools.students.selectors import areas_for_filter
from schools.students.services import MAX_NAMES_PER_SUBMIT, student_names_clean


def _token() -> str:
    return uuid.uuid4().hex


def _area_label(area) -> str:
    # Indent by depth so the tree reads in the drop-down; no-break spaces survive in <option>.
    return "\u00a0\u00a0" * max(area.depth - 1, 0) + area.name


class SchoolFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name or code"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. cau dien"), "autocomplete": "off"}),
    )
    area = forms.TypedChoiceField(label=_("Area"), required=False, coerce=int, empty_value=None)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels")), *SchoolLevel.choices])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Loaded once: the same rows give the choices and check the submitted value.
        self.areas = {area.pk: area for area in areas_for_filter(user)}
        self.fields["area"].choices = [("", _("All areas")), *((pk, _area_label(a)) for pk, a in self.areas.items())]

    def clean_area(self):
        pk = self.cleaned_data["area"]
        return self.areas[pk] if pk is not None else None


class ClassroomForm(forms.Form):
    name = forms.CharField(
        label=_("Class name"),
        max_length=Classroom._meta.get_field("name").max_length,
        help_text=_("For example 6A1."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    grade = forms.IntegerField(
        label=_("Grade"),
        required=False,
        min_value=0,
        max_value=12,
        help_text=_("Optional: found from the name when left empty. 0 for preschool."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean_name(self):
        name = " ".join(nfc(self.cleaned_data["name"]).split())
        if not name:
            raise ValidationError(_("Enter the class name, for example 6A1."))
        return name


class StudentsAddForm(forms.Form):
    names = forms.CharField(
        label=_("Names of the students, one per line"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "false"}),
    )
    with_logins = forms.BooleanField(
        label=_("Create logins now and print the login cards"),
        required=False,
        help_text=_("Each student gets a username and a one-time password to change at the first login."),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False, initial=_token)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Interpolated here, not at import, so the message is in the request's language.
        limit = {"max": MAX_NAMES_PER_SUBMIT}
        names = self.fields["names"]
        names.help_text = gettext("Up to %(max)d names at a time. Only a name: no e-mail or phone number.") % limit
        names.error_messages["required"] = gettext("Enter at least one name, one per line.")
        names.error_messages["max_length"] = gettext("The list is too long: add at most %(max)d names at a time.") % (
            limit
        )

    def clean_names(self):
        return student_names_clean(self.cleaned_data["names"].splitlines())


class ConsentCheckbox(forms.CheckboxInput):
    """Hands the field the posted text itself: CheckboxInput reads any text ("maybe") as ticked."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        if not values:
            return None
        # Sent twice ("on" and "maybe"): not one answer, so the field refuses the list.
        return values[0] if len(values) == 1 else values


class ConsentField(forms.BooleanField):
    """A check box whose only answers are ticked ("on", what browsers send) or absent."""

    widget = ConsentCheckbox

    def to_python(self, value):
        if value is None or value == "":
            return False
        if value == "on" or value is True:
            return True
        raise ValidationError(
            _("This consent answer is not one of the form's choices: tick the box or leave it empty."),
            code="invalid_choice",
        )


class ConsentForm(forms.Form):
    consent_child = ConsentField(label=_("The student agrees"), required=False)
    consent_guardian = ConsentField(label=_("A parent or guardian agrees"), required=False)


class LoginCardsForm(forms.Form):
    """Students of one class to print cards for; anyone else in the selection refuses the whole form."""

    students = forms.ModelMultipleChoiceField(
        queryset=Student.objects.none(),
        error_messages={
            "required": _("Select at least one student."),
            "invalid_choice": _("Some selected students are not in this class. Nothing was changed."),
            "invalid_pk_value": _("Some selected students are not in this class. Nothing was changed."),
        },
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["students"].queryset = Student.objects.filter(classroom=classroom, active=True).select_related(
            "user", "school"
        )

"""The confirmation of a student's erasure: the teacher types the student's name again."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schools.services import nfc


def _folded(text: str) -> str:
    return " ".join(nfc(text).split()).casefold()


class StudentEraseForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Type the student's name to confirm"),
        max_length=200,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "words", "spellcheck": "false"}),
    )

    def __init__(self, *args, student, **kwargs):
        super().__init__(*args, **kwargs)
        self.student = student

    def clean_name(self):
        """The same name, with its diacritics; case and spaces do not matter."""
        typed = self.cleaned_data["name"]
        if _folded(typed) != _folded(self.student.display_name):
            raise forms.ValidationError(
                _("The name does not match. Type it as the class list shows it: %(name)s")
                % {"name": self.student.display_name},
                code="mismatch",
            )
        return typed

"""The upload form of the import pages. The file's content is checked by schools.imports."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from schools.imports.reading import size_error
from schools.models import SchoolYear

ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV UTF-8 or Excel .xlsx)"),
        allow_empty_file=True,  # the importer says "the file is empty" in its own words
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    dry_run = forms.BooleanField(label=_("Only check the file: import nothing"), required=False)

    def __init__(self, *args, year_initial=None, **kwargs):
        """With `year_initial` (the schools import), a school year for the figures is asked first."""
        super().__init__(*args, **kwargs)
        if year_initial is not None:
            self.fields = {
                "year": forms.ModelChoiceField(
                    label=_("School year of the enrolment and classes figures"),
                    queryset=SchoolYear.objects.order_by("-starts_on"),
                    initial=year_initial,
                    required=False,  # not posted: the default year
                    empty_label=None,
                ),
                **self.fields,
            }
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.attrs = {"enctype": "multipart/form-data", "novalidate": ""}
        self.helper.add_input(Submit("submit", _("Check and import"), css_class="btn-success"))

    def clean_file(self):
        """Refuse a file over the limit from its announced size, before anything reads it."""
        upload = self.cleaned_data["file"]
        if message := size_error(upload.size):
            raise forms.ValidationError(message, code="too_large")
        return upload

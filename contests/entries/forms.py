"""Forms of entries: an initiative or a slogan (autosaved drafts), and the review forms.

Nothing here is required for saving a draft: what the submission needs is checked by
`entry_submit`. Team members are chosen from the school's active students; a teacher
also records each member's consent (child, guardian) to show their name publicly.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from contests.entries.services import LONG_TEXT_MAX
from contests.enums import ContestKind, EntryStatus

MAX_FILES_PER_SUBMIT = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); each is checked by the media service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(item, initial) for item in data if item]
        else:
            files = [single(data, initial)] if data else []
        if len(files) > MAX_FILES_PER_SUBMIT:
            raise forms.ValidationError(_("At most %(max)d files at a time.") % {"max": MAX_FILES_PER_SUBMIT})
        return files


class StudentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.classroom.name})"


class EntryForm(forms.Form):
    """One form for both kinds; fields of the other kind are removed in __init__."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)
    school = forms.ModelChoiceField(queryset=None, label=_("School"), required=False)
    title = forms.CharField(label=_("Title of the initiative"), max_length=200, required=False)
    problem = forms.CharField(
        label=_("The problem"),
        required=False,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is wasted or polluted at your school, and how do you know?"),
    )
    plan = forms.CharField(
        label=_("What the team will do"),
        required=False,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    expected_result = forms.CharField(
        label=_("Expected result"),
        required=False,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: litres of water or kilograms of plastic saved each month."),
    )
    video_url = forms.URLField(label=_("Video link (optional)"), required=False, assume_scheme="https", max_length=200)
    text = forms.CharField(
        label=_("Slogan"), required=False, max_length=LONG_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    members = StudentChoiceField(
        queryset=None, label=_("Team members"), required=False, widget=forms.CheckboxSelectMultiple
    )
    images = MultipleFileField(label=_("Photos"), required=False)
    documents = MultipleFileField(label=_("Documents (PDF, Word, Excel, PowerPoint)"), required=False)

    def __init__(self, *args, contest, students, schools, consent_editable=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.consent_editable = consent_editable
        self.fields["members"].queryset = students
        self.fields["school"].queryset = schools
        if contest.kind == ContestKind.SLOGAN:
            for name in ("title", "problem", "plan", "expected_result", "video_url", "images", "documents"):
                del self.fields[name]
            self.fields["text"].help_text = _("At most %(max)d characters.") % {"max": contest.slogan_max_length}
            # No maxlength: a browser would cut a pasted slogan without a word. The counter
            # (char-counter.js) warns while typing and clean_text refuses, keeping the text.
            self.fields["text"].widget.attrs.pop("maxlength", None)
            self.fields["text"].widget.attrs["data-max-length"] = contest.slogan_max_length
            self.fields["text"].widget.attrs["aria-describedby"] = "slogan-counter"
            self.fields["members"].label = _("Author(s)")
        else:
            del self.fields["text"]
            self.fields["images"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
            self.fields["documents"].widget.attrs["accept"] = ".pdf,.docx,.xlsx,.pptx"
        for name, field in self.fields.items():
            if name in ("members", "client_id"):
                continue
            css = "form-select" if name == "school" else "form-control"
            field.widget.attrs.setdefault("class", css)
        self.students = list(students)

    def clean_text(self):
        """A slogan over the contest's limit is refused whole (drafts too), never shortened."""
        text = self.cleaned_data.get("text", "")
        limit = self.contest.slogan_max_length
        if self.contest.kind == ContestKind.SLOGAN and len(text) > limit:
            raise ValidationError(
                _("A slogan may have at most %(max)d characters; this one has %(count)d."),
                code="too_long",
                params={"max": limit, "count": len(text)},
            )
        return text

    def entry_data(self) -> dict:
        names = ("title", "text", "problem", "plan", "expected_result", "video_url")
        return {name: self.cleaned_data.get(name, "") for name in names if name in self.fields}

    def consents(self) -> dict:
        """{student pk: (child, guardian)} from the consent checkboxes (teachers only)."""
        if not self.consent_editable:
            return {}
        consents = {}
        for student in self.students:
            child = self.data.get(f"consent_child_{student.pk}") == "on"
            guardian = self.data.get(f"consent_guardian_{student.pk}") == "on"
            consents[student.pk] = (child, guardian)
        return consents

    def member_rows(self):
        """(student, checked, child consent, guardian consent) for the team picker."""
        chosen = set()
        if self.is_bound:
            chosen = {str(v) for v in self.data.getlist("members")}
        else:
            chosen = {str(v) for v in self.initial.get("members", [])}
        rows = []
        for student in self.students:
            if self.is_bound and self.consent_editable:
                child = self.data.get(f"consent_child_{student.pk}") == "on"
                guardian = self.data.get(f"consent_guardian_{student.pk}") == "on"
            else:
                child, guardian = student.consent_child, student.consent_guardian
            rows.append((student, str(student.pk) in chosen, child, guardian))
        return rows


def initial_for(entry) -> dict:
    return {
        "client_id": entry.client_id,
        "school": entry.school_id,
        "title": entry.title,
        "text": entry.text,
        "problem": entry.problem,
        "plan": entry.plan,
        "expected_result": entry.expected_result,
        "video_url": entry.video_url,
        "members": [m.student_id for m in entry.members.all()],
    }


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should be changed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class CheckForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("eligible", EntryStatus.ELIGIBLE.label), ("ineligible", EntryStatus.INELIGIBLE.label)],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (required when not eligible)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )


class EntryFilterForm(forms.Form):
    school = forms.ModelChoiceField(queryset=None, required=False, label=_("School"), empty_label=_("All schools"))
    status = forms.ChoiceField(required=False, label=_("Status"))

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].widget.attrs["class"] = "form-select"
        self.fields["status"].choices = [("", _("All statuses")), *EntryStatus.choices]
        self.fields["status"].widget.attrs["class"] = "form-select"


class BulkCheckForm(forms.Form):
    """Eligibility for many entries at once: the ticked entries of the organiser's list."""

    entries = forms.TypedMultipleChoiceField(
        coerce=int, label=_("Entries"), error_messages={"required": _("Tick at least one entry.")}
    )
    decision = CheckForm.base_fields["decision"]
    reason = CheckForm.base_fields["reason"]

    def __init__(self, *args, entry_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [(pk, pk) for pk in entry_ids]

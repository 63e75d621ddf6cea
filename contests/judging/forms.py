"""Forms of judging: the score sheet, conflicts, inviting and assigning judges, paper imports,
and the rubric levels field of the admin."""

import uuid
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contests.enums import EvaluationStatus, RoundMode
from schools.imports.reading import size_error

ACTIONS = ("save", "submit", "abstain", "recuse")


def _plain(number) -> str:
    text = f"{Decimal(number):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class ScoreForm(forms.Form):
    """One field per criterion (`c_<pk>`), a comment, the sheet's client_id and the action.

    Values are checked against the rubric by the service (so a refusal names the
    criterion); the form only turns text into numbers.
    """

    client_id = forms.UUIDField(widget=forms.HiddenInput, required=False)
    comment = forms.CharField(
        label=gettext_lazy("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS], required=False)

    def __init__(self, *args, criteria, round_, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.round = round_
        stored = {s.criterion_id: s.value for s in evaluation.scores.all()} if evaluation else {}
        self.fields["client_id"].initial = evaluation.client_id if evaluation else uuid.uuid4()
        if evaluation:
            self.fields["comment"].initial = evaluation.comment
        for criterion in criteria:
            step = (
                "1"
                if criterion.min_score == int(criterion.min_score) and criterion.max_score == int(criterion.max_score)
                else "0.01"
            )
            self.fields[f"c_{criterion.pk}"] = forms.CharField(
                label=criterion.name,
                required=False,
                initial=_plain(stored[criterion.pk]) if criterion.pk in stored else "",
                help_text=_("From %(min)s to %(max)s")
                % {"min": _plain(criterion.min_score), "max": _plain(criterion.max_score)},
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "decimal",
                        "data-min": _plain(criterion.min_score),
                        "data-max": _plain(criterion.max_score),
                        "data-step": step,
                        "class": "form-control score-input",
                        "autocomplete": "off",
                    }
                ),
            )
        if round_.mode == RoundMode.SCREENING:
            self.fields["passed"] = forms.TypedChoiceField(
                label=_("Does the entry pass?"),
                required=False,
                choices=[("", "—"), ("1", _("Passes")), ("0", _("Does not pass"))],
                coerce=lambda v: v == "1",
                empty_value=None,
                initial={True: "1", False: "0"}.get(evaluation.passed if evaluation else None, ""),
            )

    def clean(self):
        data = super().clean()
        scores = {}
        for criterion in self.criteria:
            text = (data.get(f"c_{criterion.pk}") or "").strip().replace(",", ".")
            if not text:
                scores[criterion.pk] = None
                continue
            try:
                scores[criterion.pk] = Decimal(text)
            except InvalidOperation:
                self.add_error(f"c_{criterion.pk}", _("“%(value)s” is not a number.") % {"value": text})
        data["scores"] = scores
        data["action"] = data.get("action") or "save"
        return data

    @property
    def chosen(self) -> str:
        return self.cleaned_data.get("action", "save")

    @property
    def withdraw_status(self) -> str | None:
        return {"abstain": EvaluationStatus.ABSTAINED, "recuse": EvaluationStatus.RECUSED}.get(self.chosen)


class ConflictDeclareForm(forms.Form):
    """A judge declares a conflict with a school (of the contest's entries) or one entry."""

    school = forms.ModelChoiceField(label=gettext_lazy("School"), queryset=None, required=False)
    entry_code = forms.CharField(label=gettext_lazy("Or one entry (its code)"), required=False, max_length=20)
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, contest, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.fields["school"].queryset = schools

    def clean(self):
        data = super().clean()
        code = (data.get("entry_code") or "").strip()
        data["entry"] = None
        if code:
            entry = self.contest.entries.filter(code__iexact=code).first()
            if entry is None:
                self.add_error("entry_code", _("No entry of this contest has the code “%(code)s”.") % {"code": code})
            data["entry"] = entry
        if not self.errors and (data.get("school") is None) == (data["entry"] is None):
            raise ValidationError(_("Choose either a school or an entry."))
        return data


class ConflictAddForm(ConflictDeclareForm):
    judge = forms.ModelChoiceField(label=gettext_lazy("Judge"), queryset=None)
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=300, required=False)
    field_order = ["judge", "school", "entry_code", "reason"]

    def __init__(self, *args, judges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = judges
        self.order_fields(self.field_order)


class InviteForm(forms.Form):
    judge = forms.ModelChoiceField(label=gettext_lazy("A user with the judge role"), queryset=None, required=False)
    username = forms.CharField(
        label=gettext_lazy("Or the username of an existing account (it gets the judge role)"),
        required=False,
        max_length=150,
    )
    is_chair = forms.BooleanField(label=gettext_lazy("Chair of the jury"), required=False)

    def __init__(self, *args, judges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = judges

    def clean(self):
        data = super().clean()
        username = (data.get("username") or "").strip()
        if username:
            user = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
            if user is None:
                self.add_error("username", _("No active account has the username “%(name)s”.") % {"name": username})
            data["user"] = user
        else:
            data["user"] = data.get("judge")
        if not self.errors and data["user"] is None:
            raise ValidationError(_("Choose a judge or give a username."))
        return data


class AssignForm(forms.Form):
    MODES = [
        ("all", gettext_lazy("Every entry to every judge")),
        ("panel", gettext_lazy("A panel: these judges get these entries")),
        ("balanced", gettext_lazy("Balanced: k judges per entry, spread evenly")),
    ]
    round = forms.ModelChoiceField(label=gettext_lazy("Round"), queryset=None)
    mode = forms.ChoiceField(label=gettext_lazy("How"), choices=MODES, widget=forms.RadioSelect, initial="all")
    k = forms.IntegerField(label=gettext_lazy("Judges per entry"), min_value=1, max_value=50, required=False)
    judges = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Panel judges"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    entries = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Panel entries"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, rounds, judges, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["judges"].queryset = judges
        self.fields["entries"].queryset = entries
        self.fields["entries"].label_from_instance = lambda e: f"{e.code} – {e.title or e.text[:40]}"


class ScoreImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    dry_run = forms.BooleanField(label=gettext_lazy("Only check the file, import nothing"), required=False)

    def clean_file(self):
        file = self.cleaned_data["file"]
        if message := size_error(file.size):
            raise ValidationError(message)
        return file


# --- The rubric levels in the admin ----------------------------------------------------


class LevelsField(forms.CharField):
    """Rubric levels as text, one per line `score | description` ↔ [{"score": n, "description": "…"}]."""

    widget = forms.Textarea(attrs={"rows": 4, "placeholder": "10 | Rất sáng tạo, chưa ai làm\n5 | Có điểm mới"})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", gettext_lazy("One level per line: score | description. For example: 10 | Very creative")
        )
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{_plain(level.get('score', ''))} | {level.get('description', '')}" for level in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        levels, errors = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            score, sep, description = line.partition("|")
            try:
                score_value = Decimal(score.strip().replace(",", "."))
            except InvalidOperation:
                score_value = None
            if not sep or score_value is None or not description.strip():
                errors.append(
                    _("Line %(line)s: write “score | description”, for example “10 | Very creative”.")
                    % {"line": number}
                )
                continue
            score_number = int(score_value) if score_value == int(score_value) else float(score_value)
            levels.append({"score": score_number, "description": " ".join(description.split())})
        if errors:
            raise ValidationError(errors)
        return levels

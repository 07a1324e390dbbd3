"""The upload form and the filters on results and on the area's own outcomes (GET forms: a
filtered list has its own address to share, and no filter holds a name)."""

from __future__ import annotations

from django import forms

from goldenthread.core import vocabulary as v
from goldenthread.core.quality.model import Kind
from goldenthread.web.insights.measures import CRITERIA_ROWS

UPLOAD_REQUIRED = "Choose a CSV, Excel or Word file of outcome statements"
VERDICTS = [
    ("", "Any"),
    ("smart", "SMART"),
    ("not_smart", "Not SMART"),
    ("second_look", "Worth a second look (the checks are not sure)"),
]
OWN_VERDICTS = [*VERDICTS, ("unchecked", "Not checked yet")]
CRITERIA = [("", "Any"), *[(key, f"Fails: {label}") for key, label in CRITERIA_ROWS]]
KINDS = [("", "Any"), *[(k.value, k.value.capitalize()) for k in Kind]]
THEMES = [("", "Any"), *[(str(n), name) for n, (name, _, _) in v.THEMES.items()]]
DOMAINS = [("", "Any"), *[(d.value, label) for d, label in v.DOMAIN_LABELS.items()]]


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a file of outcome statements",
        help_text="A CSV or Excel file with a column headed 'text', or a Word document of a "
        "plan. Up to 50 MB.",
        error_messages={"required": UPLOAD_REQUIRED, "empty": UPLOAD_REQUIRED},
    )


class ResultFilterForm(forms.Form):
    verdict = forms.ChoiceField(label="Verdict", choices=VERDICTS, required=False)
    criterion = forms.ChoiceField(label="Check", choices=CRITERIA, required=False)
    kind = forms.ChoiceField(label="What it is", choices=KINDS, required=False)
    theme = forms.ChoiceField(label="Theme", choices=THEMES, required=False)
    words = forms.CharField(label="Words in the statement", required=False, max_length=100)


class OwnFilterForm(forms.Form):
    verdict = forms.ChoiceField(label="Verdict", choices=OWN_VERDICTS, required=False)
    criterion = forms.ChoiceField(label="Check", choices=CRITERIA, required=False)
    theme = forms.ChoiceField(label="Theme", choices=THEMES, required=False)
    domain = forms.ChoiceField(label="Education, health or care", choices=DOMAINS, required=False)
    service = forms.TypedChoiceField(
        label="Coordinating service", choices=(), required=False, coerce=int, empty_value=None
    )
    setting = forms.TypedChoiceField(
        label="Setting", choices=(), required=False, coerce=int, empty_value=None
    )
    team = forms.TypedChoiceField(
        label="Team", choices=(), required=False, coerce=int, empty_value=None
    )
    words = forms.CharField(label="Words in the outcome", required=False, max_length=100)

    def __init__(
        self,
        data: object,
        *,
        services: list[tuple[int, str]],
        settings: list[tuple[int, str]],
        teams: list[tuple[int, str]],
    ) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        for name, options in (("service", services), ("setting", settings), ("team", teams)):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", "Any"), *[(str(pk), label) for pk, label in options]]

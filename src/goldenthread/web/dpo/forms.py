"""Finding a child: any of name, date of birth and NHS number (at least one)."""

from __future__ import annotations

from typing import Any

from django import forms

from goldenthread.core.identifiers import nhs_number_is_valid, normalise_nhs_number
from goldenthread.web.formfields import GovukDateField

GIVE_ONE = "Enter a name, a date of birth or an NHS number"
NHS_INVALID = "Enter a 10-digit NHS number, like 943 476 5919"


class FindChildForm(forms.Form):
    name = forms.CharField(
        label="Name",
        help_text="First name, last name or both. Capital letters do not matter.",
        required=False,
        max_length=200,
    )
    date_of_birth = GovukDateField(
        label="Date of birth", help_text="For example, 27 3 2015", required=False
    )
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=20)

    def clean_nhs_number(self) -> str:
        value = normalise_nhs_number(self.cleaned_data.get("nhs_number") or "")
        if value and not nhs_number_is_valid(value):
            raise forms.ValidationError(NHS_INVALID)
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (
            data.get("name", "").strip() or data.get("date_of_birth") or data.get("nhs_number")
        ):
            self.add_error("name", GIVE_ONE)
        return data

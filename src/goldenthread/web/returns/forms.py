"""Forms for making a return: which return, and why (the reason goes in the audit trail)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

REASON_NEEDED = "Say why you are downloading this return (it goes in the audit trail)"
FORMATS = [
    ("xlsx", "Excel workbook (both lists)"),
    ("csv1", "CSV: List 1 (EHC plans)"),
    ("csv2", "CSV: List 2 (SEN support)"),
]


def _years() -> list[tuple[int, str]]:
    this = timezone.localdate().year
    return [(y, f"SEN2 {y} (calendar year {y - 1})") for y in (this + 1, this, this - 1)]


class _Reason(forms.Form):
    reason = forms.CharField(
        label="Why are you downloading it?",
        help_text="For example, the SEN2 submission or the area SEND inspection.",
        max_length=300,
        error_messages={"required": REASON_NEEDED},
    )


class Sen2Form(_Reason):
    year = forms.TypedChoiceField(label="Collection", coerce=int, choices=_years)


class CheckForm(forms.Form):
    year = forms.TypedChoiceField(label="Collection", coerce=int, choices=_years)


class AnnexForm(_Reason):
    format = forms.ChoiceField(label="File", choices=FORMATS, widget=forms.RadioSelect)

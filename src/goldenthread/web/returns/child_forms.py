"""Forms on a child's return-details pages: the SEN2 person items, and starting a placement."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from goldenthread.core.returns.sen2_rules import POSTCODE_FORMAT, UKPRN_FORMAT, ULN_FORMAT
from goldenthread.web.accounts.models import Organisation, OrganisationKind
from goldenthread.web.formfields import GovukDateField
from goldenthread.web.returns.models import ChildPlacement, ChildReturnDetails

ONE_PLACE = "Choose a setting, give a UKPRN, or choose the kind of placement: one of them only"
ENDS_BEFORE = "The placement must start after {day}, when the child's current placement started"


class ReturnDetailsForm(forms.ModelForm[ChildReturnDetails]):
    class Meta:
        model = ChildReturnDetails
        fields = (
            "gender",
            "ethnicity",
            "postcode",
            "uln",
            "upn_unknown",
            "elective_home_education",
        )
        labels = {
            "gender": "Sex",
            "postcode": "Postcode",
            "uln": "Unique learner number (ULN)",
            "elective_home_education": "Educated at home by the family's choice (EHE)",
        }
        help_texts = {"uln": "10 digits. Leave empty if the child has a UPN."}

    def clean_postcode(self) -> str:
        value = str(self.cleaned_data["postcode"]).strip().upper()
        if value and not POSTCODE_FORMAT.match(value):
            raise forms.ValidationError("Enter a UK postcode, like WS1 1AA")
        return value

    def clean_uln(self) -> str:
        value = str(self.cleaned_data["uln"]).strip()
        if value and not ULN_FORMAT.match(value):
            raise forms.ValidationError("Enter a ULN of 10 digits")
        return value


class PlacementStartForm(forms.ModelForm[ChildPlacement]):
    entry_date = GovukDateField(label="When did the child start there?")

    class Meta:
        model = ChildPlacement
        fields = (
            "setting",
            "ukprn",
            "sen_setting",
            "rank",
            "entry_date",
            "residential",
            "work_based",
            "sen_unit",
            "resourced_provision",
        )
        labels = {"setting": "Setting", "ukprn": "UKPRN (a college or training provider)"}
        help_texts = {"rank": "1 for the main placement; 2 or more for a second (dual) one."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["setting"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(kind=OrganisationKind.SETTING).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [bool(data.get("setting")), bool(data.get("ukprn")), bool(data.get("sen_setting"))]
        if sum(given) != 1:
            raise forms.ValidationError(ONE_PLACE)
        ukprn = str(data.get("ukprn") or "")
        if ukprn and not UKPRN_FORMAT.match(ukprn):
            self.add_error("ukprn", "Enter a UKPRN of 8 digits starting with 1")
        return data

    def check_after(self, latest_start: dt.date | None) -> bool:
        """A new placement ends the open one of its rank, so it cannot start before that did."""
        entry = self.cleaned_data["entry_date"]
        if latest_start is not None and entry <= latest_start:
            self.add_error("entry_date", ENDS_BEFORE.format(day=latest_start.strftime("%-d %B %Y")))
            return False
        return True

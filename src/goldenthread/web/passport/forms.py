"""The form to share a passport with a professional or an organisation, with consent."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from goldenthread.web.accounts.models import Organisation
from goldenthread.web.formfields import GovukDateField
from goldenthread.web.passport.models import ConsentGivenBy

CHOOSE_ONE = "Enter a person's username or email, or choose an organisation, but not both"
END_IN_PAST = "The last day of sharing must be today or later"
END_TOO_LATE = "You can share for up to one year at a time"
MAX_SHARE_DAYS = 366


class ShareForm(forms.Form):
    person = forms.CharField(
        label="Person's username or email",
        help_text="For example a therapist or a new teacher. They must work in this area.",
        required=False,
        max_length=254,
    )
    organisation = forms.ModelChoiceField(
        label="Or a whole organisation",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Not an organisation",
    )
    purpose = forms.CharField(
        label="What is it for?",
        help_text="For example: so the new speech therapist can get to know me.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "Say what sharing is for"},
    )
    given_by = forms.ChoiceField(
        label="Who agreed to this?",
        choices=ConsentGivenBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who agreed to sharing"},
    )
    given_by_name = forms.CharField(
        label="Their name",
        max_length=200,
        error_messages={"required": "Enter the name of the person who agreed"},
    )
    given_on = GovukDateField(
        label="The day they agreed",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the day they agreed"},
    )
    ends_on = GovukDateField(
        label="Stop sharing on",
        help_text="Sharing stops at the end of this day. You can stop it sooner.",
        error_messages={"required": "Enter the last day of sharing"},
    )

    def __init__(self, *args: object, organisations: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if organisations is not None:
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object] | None:
        data = super().clean() or {}
        if bool(data.get("person")) == bool(data.get("organisation")):
            self.add_error("person", CHOOSE_ONE)
        ends_on = data.get("ends_on")
        today = timezone.localdate()
        if isinstance(ends_on, dt.date):
            if ends_on < today:
                self.add_error("ends_on", END_IN_PAST)
            elif ends_on > today + dt.timedelta(days=MAX_SHARE_DAYS):
                self.add_error("ends_on", END_TOO_LATE)
        return data


LINK_END_TOO_LATE = "A link can work for up to 90 days"
LINK_MAX_DAYS = 90


class LinkForm(forms.Form):
    label = forms.CharField(
        label="Who is the link for?",
        help_text="For example: Dr Patel, the new speech therapist.",
        max_length=200,
        error_messages={"required": "Say who the link is for"},
    )
    purpose = ShareForm.base_fields["purpose"]
    given_by = ShareForm.base_fields["given_by"]
    given_by_name = ShareForm.base_fields["given_by_name"]
    given_on = ShareForm.base_fields["given_on"]
    expires_on = GovukDateField(
        label="The link stops working after",
        help_text="It stops at the end of this day. You can stop it sooner.",
        error_messages={"required": "Enter the last day the link works"},
    )
    max_views = forms.IntegerField(
        label="How many times can it be opened?",
        min_value=1,
        max_value=50,
        initial=5,
        error_messages={
            "required": "Enter how many times the link can be opened",
            "invalid": "Enter a whole number, like 5",
            "min_value": "The link must open at least once",
            "max_value": "A link can be opened up to 50 times",
        },
    )

    def clean_expires_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(END_IN_PAST)
        if day > today + dt.timedelta(days=LINK_MAX_DAYS):
            raise forms.ValidationError(LINK_END_TOO_LATE)
        return day

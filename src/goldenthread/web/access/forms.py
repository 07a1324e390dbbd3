"""Forms for emergency access, the young person's choice and searching the audit trail."""

from __future__ import annotations

from django import forms

from goldenthread.web.access.models import AuditAction, ParentsCanSee
from goldenthread.web.access.services import BREAK_GLASS_MIN_REASON, BREAK_GLASS_NEEDS_REASON
from goldenthread.web.formfields import GovukDateField

CHOOSE_WHAT_PARENTS_SEE = "Choose what your parents can see"
DATES_WRONG_WAY = "The 'to' date must be the same as or after the 'from' date"
CHILD_ID_INVALID = "Enter the child's record number, for example 1234"


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to open this record?",
        help_text="For example, a request from the child's family or a court. The family and "
        "the data protection officer can see what you write here.",
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=BREAK_GLASS_MIN_REASON,
        max_length=1000,
        error_messages={
            "required": BREAK_GLASS_NEEDS_REASON,
            "min_length": BREAK_GLASS_NEEDS_REASON,
        },
    )


class ParentsCanSeeForm(forms.Form):
    parents_can_see = forms.ChoiceField(
        label="What can your parents or carers see?",
        choices=ParentsCanSee.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_WHAT_PARENTS_SEE},
    )


class AuditSearchForm(forms.Form):
    child_id = forms.IntegerField(
        label="Child's record number",
        required=False,
        min_value=1,
        error_messages={"invalid": CHILD_ID_INVALID, "min_value": CHILD_ID_INVALID},
    )
    person = forms.CharField(label="Username of the person", required=False, max_length=150)
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)
    action = forms.ChoiceField(
        label="What they did", required=False, choices=[("", "Anything"), *AuditAction.choices]
    )

    def clean(self) -> dict[str, object] | None:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", DATES_WRONG_WAY)
        return data

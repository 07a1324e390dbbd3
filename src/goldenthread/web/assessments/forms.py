"""Forms for each step of an assessment. Every field renders through the GOV.UK macros."""

from __future__ import annotations

from django import forms

from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, User
from goldenthread.web.assessments.choices import (
    AdviceService,
    AssessmentOutcome,
    DraftServedBy,
    ExceptionReason,
    RequestOutcome,
    RequestSource,
)
from goldenthread.web.formfields import GovukDateField
from goldenthread.web.plans.models import AreaOfNeed

HINT_DATE = "For example 27 3 2027"
NEED_SLOTS = 3
OUTCOME_SLOTS = 3
PROVISION_SLOTS = 3


def _date(label: str, message: str, *, required: bool = True) -> GovukDateField:
    return GovukDateField(
        label=label, help_text=HINT_DATE, required=required, error_messages={"required": message}
    )


def _text(
    label: str, *, rows: int = 3, required: bool = False, help_text: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class RequestForm(forms.Form):
    received_on = _date("Date the request was received", "Enter the date the request was received")
    source = forms.ChoiceField(
        label="Who asked for the assessment",
        choices=RequestSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who asked for the assessment"},
    )
    detail = forms.CharField(
        label="Who asked, in more detail (optional)",
        required=False,
        max_length=200,
        help_text="For example: the SENCO at the child's school, or the family's GP.",
    )
    reassessment = forms.BooleanField(
        label="This is a re-assessment of the child's current EHC plan", required=False
    )


class RequestDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What was decided",
        choices=RequestOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what was decided"},
    )
    decided_on = _date("Date the family was told", "Enter the date the family was told")
    reason = _text(
        "Why not assess (for the letter)",
        rows=5,
        help_text="Needed when the decision is not to assess. The family will read this.",
    )


class AdviceRequestForm(forms.Form):
    service = forms.ChoiceField(
        label="Who is the advice from",
        choices=AdviceService.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the advice is from"},
    )
    service_name = forms.CharField(
        label="Which team or service",
        max_length=200,
        help_text="For example: Speech and language therapy, North locality.",
        error_messages={"required": "Enter the team or service"},
    )
    requested_on = _date("Date advice was asked for", "Enter the date advice was asked for")
    adviser = forms.ModelChoiceField(
        label="The professional asked (optional)",
        queryset=User.objects.none(),
        required=False,
        help_text="Choose them to let them give the advice in Golden Thread. They will be able "
        "to see this child's record for the 20 weeks.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field: forms.ModelChoiceField[User] = self.fields["adviser"]  # type: ignore[assignment]
        field.queryset = User.objects.filter(role__in=PROFESSIONAL_ROLES, is_active=True).order_by(
            "last_name", "first_name"
        )


class AdviceReceivedForm(forms.Form):
    received_on = _date("Date the advice came in", "Enter the date the advice came in")


class IssueDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What was decided",
        choices=AssessmentOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what was decided"},
    )
    decided_on = _date("Date of the decision", "Enter the date of the decision")
    reason = _text(
        "Why not issue a plan (for the letter)",
        rows=5,
        help_text="Needed when the decision is not to issue a plan. The family will read this.",
    )


class DraftSentForm(forms.Form):
    sent_on = _date("Date the draft plan was sent", "Enter the date the draft plan was sent")
    served_by = forms.ChoiceField(
        label="How it was sent",
        choices=DraftServedBy.choices,
        widget=forms.RadioSelect,
        help_text="A draft sent first class counts as arriving on the second working day.",
        error_messages={"required": "Choose how the draft was sent"},
    )


class FamilyViewsForm(forms.Form):
    received_on = _date("Date the family's views came in", "Enter the date the views came in")
    views = _text("The family's views on the draft", rows=6, required=True)
    preferred_setting_name = forms.CharField(
        label="School or college they asked to be named (optional)", max_length=200, required=False
    )
    meeting_requested = forms.BooleanField(
        label="They asked to meet about the draft", required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["views"].error_messages["required"] = "Write the family's views"


class FinalPlanForm(forms.Form):
    issued_on = _date("Date the final plan was issued", "Enter the date the final plan was issued")


class ExceptionForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why the time limit cannot be kept",
        choices=ExceptionReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the reason"},
    )
    starts_on = _date("From", "Enter the date it started")
    ends_on = _date("To (leave empty while it lasts)", "", required=False)
    note = _text("Note (optional)", rows=2)


class WithdrawForm(forms.Form):
    on = _date("Date it stopped", "Enter the date it stopped")
    reason = _text("Why it stopped", rows=3, required=True)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["reason"].error_messages["required"] = "Say why it stopped"


class AdviceGiveForm(forms.Form):
    """The adviser's advice: the needs, the outcomes they recommend, and the provision."""

    needs_seen = _text(
        "The needs you see",
        rows=5,
        help_text="What you found, in words the family will understand.",
    )
    summary = _text("Anything else the coordinator should know (optional)", rows=3)
    given_on = _date(
        "Date you gave this advice",
        "Enter the date you gave this advice",
        required=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        areas = [("", "Choose an area"), *AreaOfNeed.choices]
        for n in range(1, NEED_SLOTS + 1):
            self.fields[f"need_{n}"] = forms.CharField(
                label=f"Need {n}", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"need_{n}_area"] = forms.ChoiceField(
                label=f"Area of need {n}", choices=areas, required=False
            )
        for n in range(1, OUTCOME_SLOTS + 1):
            self.fields[f"outcome_{n}"] = forms.CharField(
                label=f"Recommended outcome {n}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="What the child will be able to do, and by when.",
            )
        for n in range(1, PROVISION_SLOTS + 1):
            self.fields[f"provision_{n}"] = forms.CharField(
                label=f"Provision {n}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="What help, by whom, how often and for how long.",
            )


class AdviceDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="What do you want to do with this advice",
        choices=[
            ("accept", "Accept it into the draft plan"),
            ("return", "Return it to the adviser"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose accept or return"},
    )
    comment = _text("Comment for the adviser", rows=3, help_text="Needed when you return it.")

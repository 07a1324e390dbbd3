"""Forms for recording a review. Every field renders through the GOV.UK macros (form_field)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from goldenthread.core.record_rules import meeting_date_problem
from goldenthread.core.reviews import GAS_LEVELS
from goldenthread.web.formfields import GovukDateField
from goldenthread.web.plans.models import AchievementStatus, Outcome
from goldenthread.web.reviews.models import OutcomeDecision, PlanDecision, ReviewKind

PROFESSIONAL_SLOTS = 3
GAS_CHOICES = [(str(level), f"{level:+d}: {text}") for level, text in sorted(GAS_LEVELS.items())]
CHOOSE_GAS = "Choose how far this outcome has got"
CHOOSE_DECISION = "Choose what happens to this outcome next"
NEW_WORDS = "Write the new outcome"
NAME_NEEDED = "Write the person's name"
WORDS_NEEDED = "Write what they said"
MEETING_DATE = "Enter the date of the meeting"
MEETING_KIND = "Choose the kind of review"
PLAN_DECISION = "Choose what happens to the plan"
SUGGEST = "Work it out from the GAS level"


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of review",
        choices=ReviewKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": MEETING_KIND},
    )
    meeting_on = GovukDateField(
        label="Date of the meeting",
        help_text="For example 27 3 2027",
        error_messages={"required": MEETING_DATE},
    )
    invited = forms.CharField(
        label="Who was invited",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Names and roles, for example Sam (dad), Ms Patel (SENCO).",
    )
    invitations_sent_on = GovukDateField(label="Date the invitations went out", required=False)
    child_views = forms.CharField(
        label="What the child or young person said, in their own words",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Write their words as they said them, and how they shared them if not in speech.",
    )
    parent_views = forms.CharField(
        label="What parents or carers said",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    decision = forms.ChoiceField(
        label="What happens to the plan",
        choices=PlanDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": PLAN_DECISION},
    )
    decision_made_on = GovukDateField(
        label="Date the local authority made this decision",
        required=False,
        help_text="Leave blank if it has not decided yet. It must decide within 4 weeks.",
    )

    def clean_meeting_on(self) -> Any:
        """A review is recorded after its meeting (``core.record_rules``)."""
        day = self.cleaned_data.get("meeting_on")
        problem = meeting_date_problem(day, today=timezone.localdate()) if day else None
        if problem:
            raise forms.ValidationError(problem)
        return day


class ContributionForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=120)
    role = forms.CharField(label="Role", required=False, max_length=120)
    text = forms.CharField(
        label="What they said or sent", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("text") and not data.get("name"):
            self.add_error("name", NAME_NEEDED)
        if data.get("name") and not data.get("text"):
            self.add_error("text", WORDS_NEEDED)
        return data


class ProgressForm(forms.Form):
    """Progress on one outcome; the page shows one fieldset of these per outcome."""

    gas_level = forms.TypedChoiceField(
        label="How far has this outcome got?",
        choices=GAS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_GAS},
    )
    achievement_status = forms.ChoiceField(
        label="Progress in one word",
        required=False,
        choices=[("", SUGGEST), *AchievementStatus.choices],
        help_text="Leave it to be worked out from the GAS level, or choose one.",
    )
    evidence = forms.CharField(
        label="What shows this (evidence)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decision = forms.ChoiceField(
        label="What happens next",
        choices=OutcomeDecision.choices,
        widget=forms.RadioSelect,
        initial=OutcomeDecision.CONTINUE,
        error_messages={"required": CHOOSE_DECISION},
    )
    new_text = forms.CharField(
        label="The new outcome",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only if you change it or add a new one. Start with 'By [when], I will …'.",
    )
    new_step = forms.CharField(
        label="A new small step (target) for the coming months",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    new_step_due = GovukDateField(label="When the small step should be done by", required=False)

    def __init__(self, *args: Any, outcome: Outcome, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcome = outcome

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        needs_words = data.get("decision") in {OutcomeDecision.REVISE, OutcomeDecision.REPLACE}
        if needs_words and not str(data.get("new_text", "")).strip():
            self.add_error("new_text", NEW_WORDS)
        return data


class AfterMeetingForm(forms.Form):
    row_version = forms.IntegerField(widget=forms.HiddenInput)
    report_sent_on = GovukDateField(label="Date the report was sent", required=False)
    decision = forms.ChoiceField(
        label="What happens to the plan", choices=PlanDecision.choices, widget=forms.RadioSelect
    )
    decision_made_on = GovukDateField(
        label="Date the local authority made its decision", required=False
    )
    amended_plan_issued_on = GovukDateField(
        label="Date the final amended plan was issued", required=False
    )


class GasLevelsForm(forms.Form):
    """What each level would look like for this outcome, written when it is set."""

    baseline = forms.TypedChoiceField(
        label="Where things are now (the starting level)",
        choices=GAS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        initial="-1",
    )
    weight = forms.FloatField(
        label="Weight",
        min_value=0,
        max_value=9,
        initial=1,
        help_text="1 unless you weight outcomes: importance (0 to 3) times difficulty (0 to 3).",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for level, text in sorted(GAS_LEVELS.items()):
            self.fields[f"level_{level}"] = forms.CharField(
                label=f"{level:+d}: what would '{text.lower()}' look like?",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

"""Forms for a setting's plan; the services check everything again and name the field."""

from __future__ import annotations

from typing import Any

from django import forms

from goldenthread.core.reviews import GAS_LEVELS
from goldenthread.web.formfields import GovukDateField
from goldenthread.web.plans.models import AchievementStatus
from goldenthread.web.setting_plans.layout import DEFAULT_LAYOUT, LAYOUTS, Section
from goldenthread.web.setting_plans.models import Tier

GAS_CHOICES = [(str(level), f"{level:+d}" if level else "0 (as expected)") for level in GAS_LEVELS]


class StartForm(forms.Form):
    tier = forms.ChoiceField(
        label="Tier of support",
        choices=[(t.value, t.label) for t in Tier if t != Tier.SPECIALIST],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the tier of support"},
        help_text="Specialist support is an EHC plan, written by the local authority.",
    )
    layout = forms.ChoiceField(
        label="Layout",
        choices=[(key, layout.title) for key, layout in LAYOUTS.items()],
        initial=DEFAULT_LAYOUT,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the layout"},
    )


class SectionForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=4000)
    with_whom = forms.CharField(
        label="Written with (optional)",
        required=False,
        max_length=120,
        help_text="For example: with Sam's mum, Jo Smith, at the planning meeting.",
    )

    def __init__(self, *args: object, section: Section, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["text"].label = section.heading
        self.fields["text"].help_text = section.hint
        self.fields["text"].error_messages["required"] = f"Write '{section.heading}'"


class ShortTermForm(forms.Form):
    text = forms.CharField(
        label="Short-term outcome",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="What the child will do by the next review, in words they would use.",
        error_messages={"required": "Write the short-term outcome"},
    )
    due_date = GovukDateField(
        label="Due by",
        help_text="For example 27 3 2027",
        error_messages={"required": "Enter the date it is due by"},
    )
    review = forms.TypedChoiceField(
        label="Set at which review",
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: object, reviews: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field: Any = self.fields["review"]
        field.choices = [("", "Between reviews"), *[(str(k), v) for k, v in reviews]]


class ProgressForm(forms.Form):
    gas_level = forms.TypedChoiceField(
        label="How far the child got",
        choices=GAS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how far the child got"},
    )
    achievement_status = forms.ChoiceField(
        label="Where it stands",
        choices=AchievementStatus.choices,
        error_messages={"required": "Choose where it stands"},
    )
    evidence = forms.CharField(
        label="What shows it (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EscalateForm(forms.Form):
    why = forms.CharField(
        label="Why the setting is asking for an EHC needs assessment",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        error_messages={"required": "Say why the setting is asking for an assessment"},
    )
    parent_views = forms.CharField(
        label="What the parents or carers say",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": "Write what the parents or carers say about the request"},
    )

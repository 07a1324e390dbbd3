"""Forms for the family view and for the staff who record capacity and decide on ideas.

Words on the family's forms are for a reading age of about 9 (tests/web/test_family_reading.py).
"""

from __future__ import annotations

from django import forms

from goldenthread.web.family.capacity import CAPACITY_WHO
from goldenthread.web.family.models import FamilyIdeaKind, SupporterKind
from goldenthread.web.family.services import IDEA_EMPTY, IDEA_MAX, IDEA_TOO_LONG
from goldenthread.web.formfields import GovukDateField
from goldenthread.web.plans.models import DomainChoice
from goldenthread.web.plans.services.contributions import COMMENT_NEEDED

ACCEPT, RETURN = "accept", "return"
CHOOSE_WHAT = "Choose what you want to tell us about"
TEXT_FIELD = {
    "max_length": IDEA_MAX,
    "widget": forms.Textarea(attrs={"rows": 6}),
    "error_messages": {"required": IDEA_EMPTY, "max_length": IDEA_TOO_LONG},
}


class ViewsForm(forms.Form):
    """What a family thinks, before a meeting about the plan or about a plan not yet final."""

    kind = forms.ChoiceField(
        label="What is this about?",
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_WHAT},
    )
    text = forms.CharField(
        label="What do you want to tell us?",
        help_text="Say what is going well, what is hard and what you would like to change.",
        **TEXT_FIELD,  # type: ignore[arg-type]
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["kind"].choices = choices  # type: ignore[attr-defined]


VIEW_CHOICES = {
    FamilyIdeaKind.REVIEW_VIEWS: "The next meeting about the plan",
    FamilyIdeaKind.DRAFT_VIEWS: "The new plan we are writing",
}


class ProposeForm(forms.Form):
    """A young person's own hope, or something they want to change, in their words."""

    kind = forms.ChoiceField(
        label="What do you want to add?",
        choices=[
            (FamilyIdeaKind.HOPE, "A hope for my future"),
            (FamilyIdeaKind.OUTCOME, "Something I want to change"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a hope or something you want to change"},
    )
    text = forms.CharField(
        label="Write it in your own words",
        help_text="For example: I want to get a bus to college on my own.",
        **TEXT_FIELD,  # type: ignore[arg-type]
    )
    by_when = GovukDateField(
        label="When do you want this to happen by? (you can leave this out)",
        help_text="For example, 1 7 2027",
        required=False,
    )


class HideForm(forms.Form):
    hide = forms.MultipleChoiceField(
        label="Tick the parts you do not want your parents to see",
        help_text="Your parents will not be told what you chose.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["hide"].choices = choices  # type: ignore[attr-defined]


class CapacityForm(forms.Form):
    has_capacity = forms.TypedChoiceField(
        label="Can the young person make their own decisions about their plan?",
        help_text="Start by assuming they can (Mental Capacity Act 2005, section 1).",
        choices=[("yes", "Yes, they have capacity"), ("no", "No, they do not have capacity")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the young person has capacity"},
    )
    decided_on = GovukDateField(
        label="Date of the decision",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the decision"},
    )
    decided_by = forms.CharField(
        label="Who made the decision",
        help_text="Their name and role.",
        max_length=200,
        error_messages={"required": CAPACITY_WHO},
    )
    how_decided = forms.CharField(
        label="How the decision was made",
        help_text="Which decision it is about, and how the young person was helped to decide.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    supporter_kind = forms.ChoiceField(
        label="Who supports the young person to make decisions?",
        choices=SupporterKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who supports the young person"},
    )
    supporter_name = forms.CharField(label="Supporter's name", max_length=200, required=False)


class IdeaDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you accept this?",
        choices=[(ACCEPT, "Yes, accept it"), (RETURN, "No, send it back")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to accept it or send it back"},
    )
    domain = forms.ChoiceField(
        label="Which part of the plan does the outcome go in?",
        help_text="Only for an outcome going into a draft plan.",
        choices=[("", "Choose"), *DomainChoice.choices],
        required=False,
    )
    comment = forms.CharField(
        label="Comment",
        help_text="Needed if you send it back: say why, in plain words. The family will see this.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("decision") == RETURN and not str(data.get("comment") or "").strip():
            self.add_error("comment", COMMENT_NEEDED)
        return data

"""Forms for each part of the record. Server-side validation; messages in plain English."""

from __future__ import annotations

from typing import Any

from django import forms

from goldenthread.web.formfields import GovukDateField
from goldenthread.web.plans.coordinator_picker import (
    FIND,
    SEARCH_FIELD,
    SEARCH_HINT,
    SEARCH_LABEL,
    person_label,
    picker_people,
)
from goldenthread.web.plans.coordinators import (
    EHC_PLAN_BY_LA_ONLY,
    NOT_A_COORDINATOR,
    may_coordinate,
    may_write_plan,
)
from goldenthread.web.plans.due_warnings import DueDateWarnings
from goldenthread.web.plans.duplicates import same_child_problems
from goldenthread.web.plans.models import (
    AllAboutMe,
    Aspiration,
    Child,
    Need,
    Outcome,
    Plan,
    PlanStatus,
    Provision,
    Step,
    ThemeTag,
)

TEXT_REQUIRED = "Enter the words"
END_BEFORE_START = "The end date must be after the start date"
SAME_NEEDS = "The second need must be different from the first"
ROW_VERSION_MISSING = (
    "This change came without the version of the record it was made from, so it cannot be "
    "checked against changes saved since. Nothing is saved: open the page again and make "
    "your change there."
)


class VersionedForm(forms.ModelForm):  # type: ignore[type-arg]
    """Carries the row version the person saw, so a save can tell if someone else saved first."""

    row_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["row_version"].initial = self.instance.row_version
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 3)
            if field.required:
                # GOV.UK wording: "Select" for a choice, "Enter" for words or a date.
                verb = "Select" if isinstance(field, forms.ChoiceField) else "Enter"
                field.error_messages["required"] = (
                    f"{verb} {field.label.lower() if field.label else 'this'}"
                )

    def clean_row_version(self) -> int | None:
        """A change to a saved record must say which version it was made from, or the
        concurrent-edit check would be skipped and someone else's change silently lost."""
        version: int | None = self.cleaned_data.get("row_version")
        if self.instance.pk is not None and version is None:
            raise forms.ValidationError(ROW_VERSION_MISSING)
        return version


def _date(label: str, *, required: bool = False, help_text: str = "") -> GovukDateField:
    return GovukDateField(
        label=label, required=required, help_text=help_text or "For example, 27 3 2027"
    )


class ChildForm(VersionedForm):
    date_of_birth = _date("Date of birth", required=True, help_text="For example, 27 3 2015")

    class Meta:
        model = Child
        fields = [
            "first_name",
            "last_name",
            "preferred_name",
            "date_of_birth",
            "current_setting",
            "upn",
            "nhs_number",
            "primary_need",
            "secondary_need",
            "communication",
        ]
        labels = {
            "preferred_name": "Preferred name (optional)",
            "upn": "Unique pupil number (optional)",
            "nhs_number": "NHS number (optional)",
            "secondary_need": "Secondary need (optional)",
        }

    different_child = forms.BooleanField(
        label="This is a different child",
        required=False,
        help_text="Only tick this if we ask whether this is the same child as one already held.",
    )

    def __init__(
        self, *args: Any, local_authority_id: int | None = None, user: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.local_authority_id = local_authority_id or self.instance.local_authority_id
        self.user = user

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("secondary_need") and data.get("secondary_need") == data.get("primary_need"):
            self.add_error("secondary_need", SAME_NEEDS)
        self._each_child_once(data)
        return data

    def _each_child_once(self, data: dict[str, Any]) -> None:
        """The same NHS number or UPN is refused; the same name and birthday is asked about
        (``duplicates.same_child_problems``, the rule the API and imports use too)."""
        found = same_child_problems(
            data,
            local_authority_id=self.local_authority_id,
            user=self.user,
            exclude_pk=self.instance.pk,
            confirmed=bool(data.get("different_child")),
        )
        for field, message in found.items():
            if field not in self.errors:
                self.add_error(field, message)


class AllAboutMeForm(VersionedForm):
    class Meta:
        model = AllAboutMe
        fields = [
            "liked_about_me",
            "important_to_me",
            "important_for_me",
            "how_to_support_me",
            "my_story",
        ]

    def clean_row_version(self) -> int | None:
        """A blank version sent with the form is one opened before anyone wrote the page: the
        view answers it as a concurrent edit. Leaving the version out is refused as elsewhere."""
        if self.data.get("row_version", None) == "":
            return None
        return super().clean_row_version()


class PlanForm(VersionedForm):
    start_date = _date("Start date")
    issued_on = _date("Date issued", help_text="Leave blank while the plan is a draft")
    end_date = _date("End date")
    last_reviewed_on = _date("Date of the last review")
    coordinator_search = forms.CharField(
        label=SEARCH_LABEL,
        help_text=SEARCH_HINT,
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"data-find": FIND}),
    )
    field_order = [
        "kind",
        "status",
        "start_date",
        "issued_on",
        "end_date",
        "last_reviewed_on",
        "coordinator_search",
        "coordinator",
    ]

    class Meta:
        model = Plan
        fields = [
            "kind",
            "status",
            "start_date",
            "issued_on",
            "end_date",
            "last_reviewed_on",
            "coordinator",
        ]
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args: Any, child: Child, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        self.user = user
        # A plan becomes final only by being issued (which fixes it and stores its documents).
        status: Any = self.fields["status"]
        if self.instance.status != PlanStatus.FINAL:
            status.choices = [c for c in status.choices if c[0] != PlanStatus.FINAL]
        # Only people who may coordinate this kind of plan for this child are offered (or
        # accepted): for an EHC plan, the authority's EHC coordinators (``coordinator_picker``).
        kind = str(self.data.get("kind") or (self.instance.kind if self.instance.pk else ""))
        search = str(self.data.get(SEARCH_FIELD, "")) if FIND in self.data else ""
        coordinator: Any = self.fields["coordinator"]
        coordinator.queryset = picker_people(
            child, kind=kind, search=search, keep=self.instance.coordinator_id
        )
        coordinator.label_from_instance = person_label
        coordinator.error_messages["invalid_choice"] = NOT_A_COORDINATOR

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", END_BEFORE_START)
        person, kind = data.get("coordinator"), data.get("kind")
        if (
            self.user is not None
            and kind
            and not may_write_plan(self.user, child=self.child, kind=kind)
        ):
            self.add_error("kind", EHC_PLAN_BY_LA_ONLY)
        if person and kind and not may_coordinate(person, child=self.child, kind=kind):
            self.add_error("coordinator", NOT_A_COORDINATOR)
        return data


class PlanPartForm(VersionedForm):
    """A part of one plan: link choices are limited to that plan's own live parts."""

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        choices = {
            "needs": plan.needs.filter(archived_at__isnull=True),
            "aspirations": plan.aspirations.filter(archived_at__isnull=True),
            "outcomes": plan.outcomes.filter(archived_at__isnull=True),
        }
        for name, queryset in choices.items():
            if name in self.fields:
                field = self.fields[name]
                field.queryset = queryset  # type: ignore[attr-defined]
                field.widget = forms.CheckboxSelectMultiple()
                field.widget.choices = field.choices  # type: ignore[attr-defined]


class AspirationForm(PlanPartForm):
    class Meta:
        model = Aspiration
        fields = ["text", "voice"]
        labels = {"text": "The hope, in their own words", "voice": "Whose words are these?"}
        widgets = {"voice": forms.RadioSelect}


class NeedForm(PlanPartForm):
    class Meta:
        model = Need
        fields = ["text", "area", "domain", "barrier"]
        labels = {
            "text": "What they need help with",
            "area": "Broad area of need",
            "domain": "Which service",
        }
        widgets = {"domain": forms.RadioSelect, "area": forms.RadioSelect}


class OutcomeForm(DueDateWarnings, PlanPartForm):
    due_date = _date("Due date")
    themes = forms.ModelMultipleChoiceField(
        queryset=ThemeTag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes",
        help_text="Choose every theme this outcome helps with",
    )

    class Meta:
        model = Outcome
        fields = [
            "text",
            "domain",
            "area",
            "themes",
            "due_date",
            "term",
            "lifecycle_status",
            "achievement_status",
            "in_own_words",
            "needs",
            "aspirations",
        ]
        labels = {
            "text": "The outcome",
            "domain": "Which service",
            "lifecycle_status": "Status",
            "achievement_status": "Progress",
            "in_own_words": "These are the child's or family's own words",
            "needs": "Needs this outcome meets",
            "aspirations": "Hopes this outcome works towards",
        }
        help_texts = {
            "text": "Say what will be different for the child, and by when. "
            "For example: By the end of Year 4, I will read a short book to a friend."
        }
        widgets = {"domain": forms.RadioSelect, "term": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.due_date_check(data)
        return data


class StepForm(DueDateWarnings, VersionedForm):
    due_date = _date("Due date")

    class Meta:
        model = Step
        fields = ["text", "due_date", "achievement_status"]
        labels = {"text": "The step", "achievement_status": "Progress"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.due_date_check(data)
        return data


class ProvisionForm(PlanPartForm):
    start_date = _date("Start date")
    end_date = _date("End date")

    class Meta:
        model = Provision
        fields = [
            "description",
            "delivered_by",
            "frequency",
            "duration",
            "group_size",
            "location",
            "start_date",
            "end_date",
            "domain",
            "outcomes",
            "needs",
        ]
        labels = {
            "description": "What help is given",
            "domain": "Which service",
            "outcomes": "Outcomes this help supports",
            "needs": "Needs this help meets",
        }
        widgets = {"domain": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", END_BEFORE_START)
        return data

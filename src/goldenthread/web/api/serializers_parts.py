"""Outcomes and provision: read with their links (and, for outcomes, the quality engine's
verdict), and written through the same services as the forms (``part_save``).

Links may only point at live parts of the same plan, as on the forms. What someone other than
the plan's coordinator writes waits for the coordinator (``contribution_status`` "proposed"),
as on the pages. A change (PATCH) must
say which ``row_version`` it was based on; a stale one is refused with 409.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from goldenthread.web.plans.due_warnings import part_due_warnings
from goldenthread.web.plans.forms import END_BEFORE_START
from goldenthread.web.plans.models import (
    Aspiration,
    Need,
    Outcome,
    Plan,
    Provision,
    Step,
    ThemeTag,
)
from goldenthread.web.plans.quality import quality_preview

ROW_VERSION_NEEDED = (
    "Send the row_version you last read, so a change made by someone else since is not lost."
)
ROW_VERSION_HELP = (
    "The version of the record. Read it; send it back with a change (PATCH). "
    "If someone else saved first, the change is refused with 409."
)
PLAN_LINKS = ("needs", "aspirations", "outcomes")


class QualitySerializer(serializers.Serializer):  # type: ignore[misc]
    kind = serializers.CharField(help_text="What the words read as: an outcome, a need, …")
    smart = serializers.BooleanField(help_text="Specific, measurable, achievable, relevant, timed")
    problems = serializers.ListField(child=serializers.CharField(), help_text="At most five")
    second_look = serializers.CharField(
        help_text="What the checks are not sure about, in words ('' if nothing)"
    )


class WarningSerializer(serializers.Serializer):  # type: ignore[misc]
    """Something saved that may be a mistake: not a refusal (issue 16)."""

    path = serializers.CharField(help_text="A JSON Pointer to the field, e.g. /due_date")
    message = serializers.CharField()


class StepSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    class Meta:
        model = Step
        fields = ["id", "text", "due_date", "achievement_status"]


NOT_TRUE_OR_FALSE = "Give true or false"


class StrictBooleanField(serializers.BooleanField):  # type: ignore[misc]
    """Only JSON ``true`` or ``false``: not 0, 1, "yes" or "true" (the description says boolean)."""

    def to_internal_value(self, data: object) -> bool:
        if not isinstance(data, bool):
            raise serializers.ValidationError(NOT_TRUE_OR_FALSE)
        return data


class PlanPartSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    """Limits link choices to the plan's own live parts, and carries ``row_version``."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.BooleanField: StrictBooleanField,
    }

    row_version = serializers.IntegerField(required=False, min_value=1, help_text=ROW_VERSION_HELP)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plan: Plan | None = self.context.get("plan")
        for name in PLAN_LINKS:
            field = self.fields.get(name)
            if plan is not None and field is not None and not field.read_only:
                field.child_relation.queryset = getattr(plan, name).filter(archived_at__isnull=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and "row_version" not in attrs:
            raise serializers.ValidationError({"row_version": ROW_VERSION_NEEDED})
        return attrs


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 4})
class ThemeNumber(serializers.PrimaryKeyRelatedField):  # type: ignore[misc]
    """A theme by its number (1 to 4), the same on every database."""


def _links(queryset: Any, help_text: str) -> serializers.PrimaryKeyRelatedField:
    """Ids of linked parts; ``PlanPartSerializer`` narrows the choice to the plan's own."""
    return serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=queryset, help_text=help_text
    )


class OutcomeSerializer(PlanPartSerializer):
    themes = ThemeNumber(
        many=True, required=False, queryset=ThemeTag.objects.all(), help_text="Theme numbers"
    )
    needs = _links(Need.objects.none(), "Ids of needs in the same plan that this outcome meets")
    aspirations = _links(Aspiration.objects.none(), "Ids of hopes in the same plan")
    steps = serializers.SerializerMethodField()
    provision = serializers.SerializerMethodField()
    quality = serializers.SerializerMethodField()
    warnings = serializers.SerializerMethodField()

    class Meta:
        model = Outcome
        fields = [
            "id",
            "plan",
            "text",
            "domain",
            "area",
            "themes",
            "needs",
            "aspirations",
            "due_date",
            "term",
            "lifecycle_status",
            "achievement_status",
            "in_own_words",
            "steps",
            "provision",
            "quality",
            "warnings",
            "contribution_status",
            "decision_comment",
            "row_version",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "plan",
            "contribution_status",
            "decision_comment",
            "updated_at",
        ]

    @extend_schema_field(StepSerializer(many=True))
    def get_steps(self, outcome: Outcome) -> list[dict[str, Any]]:
        steps = [s for s in outcome.steps.all() if s.archived_at is None]
        return list(StepSerializer(steps, many=True).data)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_provision(self, outcome: Outcome) -> list[int]:
        return [p.pk for p in outcome.provision.all() if p.archived_at is None]

    @extend_schema_field(QualitySerializer(allow_null=True))
    def get_quality(self, outcome: Outcome) -> dict[str, Any] | None:
        preview = quality_preview(outcome.text, plan=outcome.plan)
        if preview is None:
            return None
        return {
            "kind": preview.kind,
            "smart": preview.smart,
            "problems": preview.problems,
            "second_look": preview.second_look,
        }

    @extend_schema_field(WarningSerializer(many=True))
    def get_warnings(self, outcome: Outcome) -> list[dict[str, str]]:
        """The forms' due-date warnings (``plans.due_warnings``): saved, but worth a look."""
        return [
            {"path": f"/{field}", "message": message}
            for field, message in part_due_warnings(
                text=outcome.text,
                due=outcome.due_date,
                born=outcome.plan.child.date_of_birth,
                created=outcome.created_at,
                status=outcome.achievement_status,
            )
        ]


class ProvisionSerializer(PlanPartSerializer):
    outcomes = _links(Outcome.objects.none(), "Ids of outcomes in the same plan this help supports")
    needs = _links(Need.objects.none(), "Ids of needs in the same plan this help meets")

    class Meta:
        model = Provision
        fields = [
            "id",
            "plan",
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
            "contribution_status",
            "decision_comment",
            "row_version",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "plan",
            "contribution_status",
            "decision_comment",
            "updated_at",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end <= start:
            raise serializers.ValidationError({"end_date": END_BEFORE_START})
        return attrs

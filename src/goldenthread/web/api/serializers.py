"""What the API reads and writes: children, plans, reviews (read only) and the shape of errors.

Outcomes and provision, which the API also writes, are in ``serializers_parts``.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from goldenthread.web.plans.models import Aspiration, Child, Need, Plan
from goldenthread.web.reviews.models import Contribution, OutcomeProgress, Review


class ProblemItemSerializer(serializers.Serializer):  # type: ignore[misc]
    path = serializers.CharField(help_text="A JSON Pointer to the field, e.g. /text")
    message = serializers.CharField()
    rule = serializers.CharField(
        required=False,
        help_text="The rule, for a problem you may confirm past (same-name-and-date-of-birth)",
    )


class ProblemSerializer(serializers.Serializer):  # type: ignore[misc]
    """Problem details (RFC 9457)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False)
    problems = ProblemItemSerializer(many=True, required=False)


class OrganisationRefSerializer(serializers.Serializer):  # type: ignore[misc]
    id = serializers.IntegerField()
    name = serializers.CharField()


class ChildListSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    """What the caseload page shows about each child, and no more."""

    full_name = serializers.CharField(read_only=True)
    known_as = serializers.CharField(read_only=True)
    year_group = serializers.SerializerMethodField()
    current_setting = OrganisationRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Child
        fields = ["id", "full_name", "known_as", "year_group", "current_setting", "primary_need"]

    @extend_schema_field(serializers.CharField())
    def get_year_group(self, child: Child) -> str:
        return child.year_group_label()


class ChildSerializer(ChildListSerializer):
    """What the child's page shows."""

    age = serializers.SerializerMethodField()

    class Meta(ChildListSerializer.Meta):
        fields = [
            *ChildListSerializer.Meta.fields,
            "first_name",
            "last_name",
            "preferred_name",
            "date_of_birth",
            "age",
            "secondary_need",
            "communication",
        ]

    @extend_schema_field(serializers.IntegerField())
    def get_age(self, child: Child) -> int:
        return child.age_on()


class AspirationSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    class Meta:
        model = Aspiration
        fields = ["id", "text", "voice"]


class NeedSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    class Meta:
        model = Need
        fields = ["id", "text", "area", "domain", "barrier"]


class PlanSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    is_current = serializers.BooleanField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    coordinator = serializers.SerializerMethodField()

    class Meta:
        model = Plan
        fields = [
            "id",
            "child",
            "kind",
            "status",
            "version",
            "previous_version",
            "is_current",
            "start_date",
            "issued_on",
            "end_date",
            "last_reviewed_on",
            "next_review_due",
            "coordinator",
            "row_version",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_coordinator(self, plan: Plan) -> str | None:
        person = plan.coordinator
        return (person.get_full_name() or person.username) if person else None


class PlanDetailSerializer(PlanSerializer):
    """A plan with its live hopes and needs, which outcomes and provision link to by id."""

    aspirations = serializers.SerializerMethodField()
    needs = serializers.SerializerMethodField()

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "aspirations", "needs"]

    @extend_schema_field(AspirationSerializer(many=True))
    def get_aspirations(self, plan: Plan) -> list[dict[str, Any]]:
        live = plan.aspirations.filter(archived_at__isnull=True)
        return list(AspirationSerializer(live, many=True).data)

    @extend_schema_field(NeedSerializer(many=True))
    def get_needs(self, plan: Plan) -> list[dict[str, Any]]:
        return list(NeedSerializer(plan.needs.filter(archived_at__isnull=True), many=True).data)


class ContributionSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    class Meta:
        model = Contribution
        fields = ["name", "role", "text"]


class OutcomeProgressSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    outcome_text = serializers.CharField(source="outcome.text", read_only=True)

    class Meta:
        model = OutcomeProgress
        fields = [
            "outcome",
            "outcome_text",
            "gas_level",
            "weight",
            "achievement_status",
            "evidence",
            "decision",
            "new_outcome",
        ]


class ReviewSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    class Meta:
        model = Review
        fields = [
            "id",
            "plan",
            "kind",
            "meeting_on",
            "decision",
            "decision_made_on",
            "report_sent_on",
            "t_score",
        ]


class ReviewDetailSerializer(ReviewSerializer):
    """A review with what was said and each outcome's GAS level and progress."""

    contributions = ContributionSerializer(many=True, read_only=True)
    progress = OutcomeProgressSerializer(many=True, read_only=True)

    class Meta(ReviewSerializer.Meta):
        fields = [
            *ReviewSerializer.Meta.fields,
            "invited",
            "invitations_sent_on",
            "child_views",
            "parent_views",
            "amended_plan_issued_on",
            "contributions",
            "progress",
        ]

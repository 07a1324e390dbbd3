"""A setting's own plan around a ``plans.Plan``, and what is recorded between amendments.

Nothing here is a column of the plans tables: an issued plan stays fixed (ADR 0025), while its
ISP sections, short-term outcomes, progress and where each carried part came from live in
these tables (docs/adr/0041-one-plan-model-across-tiers.md).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from goldenthread.core.reviews import GAS_LEVELS
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.plans.models import AchievementStatus, Child, Outcome, Plan
from goldenthread.web.reviews.models import Review

LOWEST, HIGHEST = min(GAS_LEVELS), max(GAS_LEVELS)


class Tier(models.TextChoices):
    """The four tiers of support in the Schools White Paper (February 2026)."""

    UNIVERSAL = "universal", "Universal"
    TARGETED = "targeted", "Targeted"
    TARGETED_PLUS = "targeted_plus", "Targeted Plus"
    SPECIALIST = "specialist", "Specialist"


class SettingPlan(models.Model):
    """The setting's sheet for one plan version: tier, layout and the ISP's own sections.

    ``sections`` holds each configurable section's words by its key in the layout
    (``setting_plans.layout``); ``written_by`` says who wrote each (role and day), so the
    teacher's part and the SENCO's part stay theirs.
    """

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="setting_plan")
    setting = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    tier = models.CharField(max_length=16, choices=Tier.choices, default=Tier.TARGETED)
    layout = models.CharField(max_length=40)
    sections = models.JSONField(default=dict, blank=True)
    written_by = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    row_version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["setting", "tier"], name="setting_plan_setting_tier")]

    def __str__(self) -> str:
        return f"{self.get_tier_display()} plan {self.plan_id}"


class ShortTermOutcome(models.Model):
    """A short-term outcome on the way to a long-term one, set at a review (or between), never
    a change to the plan the long-term outcome belongs to."""

    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="short_terms")
    # The long-term outcome's plan, copied so area figures group by plan without reading the
    # outcomes table (bench/bench_setting_plans.py); set from the outcome on every save.
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+", editable=False)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="short_terms")
    review = models.ForeignKey(
        Review, on_delete=models.SET_NULL, null=True, blank=True, related_name="short_terms"
    )
    text = models.TextField()
    due_date = models.DateField()
    achievement_status = models.CharField(
        max_length=20, choices=AchievementStatus.choices, default="in-progress"
    )
    quality_smart = models.BooleanField(null=True, blank=True, editable=False)
    source = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["child", "due_date"], name="short_term_child_due")]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.outcome_id is not None and self.plan_id != getattr(self.outcome, "plan_id", None):
            self.plan_id = self.outcome.plan_id
        super().save(*args, **kwargs)


class ShortTermProgress(models.Model):
    """Progress on one short-term outcome, at a review or on a day between reviews."""

    short_term = models.ForeignKey(
        ShortTermOutcome, on_delete=models.CASCADE, related_name="progress"
    )
    review = models.ForeignKey(
        Review, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_on = models.DateField()
    gas_level = models.SmallIntegerField(
        validators=[MinValueValidator(LOWEST), MaxValueValidator(HIGHEST)]
    )
    achievement_status = models.CharField(max_length=20, choices=AchievementStatus.choices)
    evidence = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["recorded_on", "id"]

    def __str__(self) -> str:
        return f"{self.short_term_id}: {self.gas_level:+d} on {self.recorded_on}"


class MoveKind(models.TextChoices):
    ESCALATION = "escalation", "Asked for an EHC needs assessment"
    STEP_DOWN = "step_down", "Stepped down from an EHC plan to SEN support"
    HANDOVER = "handover", "Handed over to a new setting"


class CarriedPart(models.Model):
    """Where a part that moved between plans, tiers or settings came from. Nothing is retyped:
    the new part points here to its source, described in words that outlive the source row."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="carried_parts")
    move = models.CharField(max_length=12, choices=MoveKind.choices)
    to_type = models.CharField(max_length=24)
    to_id = models.BigIntegerField()
    from_plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_type = models.CharField(max_length=24)
    from_id = models.BigIntegerField(null=True, blank=True)
    from_label = models.CharField(max_length=400)
    carried_on = models.DateField()
    carried_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["to_type", "to_id"], name="carried_part_to")]

    def __str__(self) -> str:
        return f"{self.to_type} {self.to_id} from {self.from_label}"


class AssessmentRequestPack(models.Model):
    """A setting's request for an EHC needs assessment with its graduated-approach evidence:
    outcomes, provision tried and review evidence, as data and as a stored PDF, waiting for
    the assessment team (``picked_up_at``)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="assessment_packs")
    from_plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="+")
    setting = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    local_authority = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    why = models.TextField("Why the setting asks for an assessment")
    parent_views = models.TextField("What the parents or carers say")
    evidence = models.JSONField(default=dict, editable=False)
    pdf = models.BinaryField(editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)
    picked_up_at = models.DateTimeField(null=True, blank=True, editable=False)
    picked_up_as = models.CharField(max_length=80, blank=True, editable=False)
    # The EHC needs assessment request logged from this pack (goldenthread.web.assessments).
    assessment = models.OneToOneField(
        "assessments.Assessment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="setting_evidence",
    )

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [
            models.Index(fields=["local_authority", "picked_up_at"], name="assess_pack_waiting")
        ]

    def __str__(self) -> str:
        return f"Request for an EHC needs assessment {self.pk}"


class TierCount(models.Model):
    """One cell of the area's tier figures (plans, or short-term outcomes, by tier), with the
    children in it, kept by the nightly facts refresh (``insights.refresh``) so the tier page
    reads a few dozen rows instead of counting 35,000 plans live (ADR 0046)."""

    authority = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    figure = models.CharField(max_length=16)
    tier = models.CharField(max_length=16)
    column = models.CharField(max_length=16)
    units = models.PositiveIntegerField()
    children = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["authority", "figure"], name="tier_count_area")]

    def __str__(self) -> str:
        return f"{self.figure} {self.tier} {self.column}: {self.units}"

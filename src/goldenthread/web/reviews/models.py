"""A review meeting for a plan, progress on each outcome, and the plan's stored deadlines.

Deadlines are worked out by ``goldenthread.core.reviews`` and stored (``PlanDeadline``) so that
the area's overdue lists are plain indexed queries, never a calculation per child (ADR 0009).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from goldenthread.core.reviews import GAS_LEVELS, DeadlineKind
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.plans.models import AchievementStatus, Outcome, Plan
from goldenthread.web.plans.models.base import TrackedModel

LOWEST, HIGHEST = min(GAS_LEVELS), max(GAS_LEVELS)


class ReviewKind(models.TextChoices):
    ANNUAL = "annual", "Annual review"
    INTERIM = "interim", "Interim review (between annual reviews)"
    EARLY_YEARS = "early_years", "Early years review (under 5)"
    TRANSITION = "transition", "Transition review (Year 9 or a move to a new setting)"
    SETTING = "setting", "Setting review (assess, plan, do, review)"


class PlanDecision(models.TextChoices):
    KEEP = "keep", "Keep the plan as it is"
    AMEND = "amend", "Change the plan (amend it)"
    CEASE = "cease", "Stop the plan (cease it)"


class OutcomeDecision(models.TextChoices):
    CONTINUE = "continue", "Keep working on it"
    REVISE = "revise", "Change the words (a new version; the old one is kept)"
    REPLACE = "replace", "Achieved: mark it done and add a new outcome"
    CEASE = "cease", "Stop working on it"


class Review(TrackedModel):
    """One review meeting: who came, what they said, progress and what was decided."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(max_length=16, choices=ReviewKind.choices)
    meeting_on = models.DateField("Date of the meeting")
    invited = models.TextField("Who was invited", blank=True)
    invitations_sent_on = models.DateField("Date the invitations went out", null=True, blank=True)
    child_views = models.TextField("What the child or young person said", blank=True)
    parent_views = models.TextField("What parents or carers said", blank=True)
    decision = models.CharField(max_length=8, choices=PlanDecision.choices)
    decision_made_on = models.DateField(null=True, blank=True)
    report_sent_on = models.DateField(null=True, blank=True)
    amended_plan_issued_on = models.DateField(null=True, blank=True)
    t_score = models.FloatField(null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting_on", "-id"]
        indexes = [models.Index(fields=["plan", "meeting_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.meeting_on:%d %B %Y}"


class Contribution(models.Model):
    """What one professional said or sent for the review: name, role and their words."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="contributions")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120, blank=True)
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class OutcomeProgress(models.Model):
    """Progress on one outcome at one review: its GAS level, status, evidence and decision."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="progress")
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="review_progress")
    gas_level = models.SmallIntegerField(
        validators=[MinValueValidator(LOWEST), MaxValueValidator(HIGHEST)]
    )
    weight = models.FloatField(default=1.0)
    achievement_status = models.CharField(max_length=20, choices=AchievementStatus.choices)
    evidence = models.TextField(blank=True)
    decision = models.CharField(max_length=8, choices=OutcomeDecision.choices)
    new_outcome = models.ForeignKey(
        Outcome, on_delete=models.PROTECT, null=True, blank=True, related_name="made_at_review"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["outcome__position", "outcome_id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "outcome"], name="reviews_one_rating_each")
        ]

    def __str__(self) -> str:
        return f"{self.outcome_id}: {self.gas_level:+d}"


class OutcomeGasLevels(models.Model):
    """What each GAS level would look like for one outcome, written when the outcome is set.

    ``levels`` maps "-2".."2" to a description; ``baseline`` is the level when it was set
    (usually -1); ``weight`` is importance times difficulty, or 1.
    """

    outcome = models.OneToOneField(Outcome, on_delete=models.CASCADE, related_name="gas_levels")
    levels = models.JSONField(default=dict, blank=True)
    baseline = models.SmallIntegerField(
        default=-1, validators=[MinValueValidator(LOWEST), MaxValueValidator(HIGHEST)]
    )
    weight = models.FloatField(default=1.0, validators=[MinValueValidator(0)])

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"GAS levels for outcome {self.outcome_id}"


class PlanDeadline(models.Model):
    """One deadline for a plan that is not yet met, as the core worked it out on ``worked_out_on``.

    Rows are replaced whenever the plan's facts change (a review recorded, a decision made) and
    by ``goldenthread reviews refresh``; lists read these rows, never the rules.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="deadlines")
    # Copied from the plan and child so each list is one indexed table scan (ADR 0009).
    local_authority = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    setting = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        db_index=False,
    )
    kind = models.CharField(max_length=32, choices=[(k.value, k.value) for k in DeadlineKind])
    due = models.DateField()
    rule = models.CharField(max_length=64)
    notes = models.TextField(blank=True)
    worked_out_on = models.DateField()

    class Meta:
        ordering = ["due", "id"]
        indexes = [
            models.Index(fields=["local_authority", "due", "id"], name="reviews_deadline_area"),
            models.Index(fields=["setting", "due", "id"], name="reviews_deadline_setting"),
            models.Index(fields=["coordinator", "due", "id"], name="reviews_deadline_person"),
            models.Index(fields=["plan", "due"], name="reviews_deadline_plan"),
            models.Index(fields=["due", "id"], name="reviews_deadline_due"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due}"

"""A young person's capacity decision, what they hide from their parents, and the views and
ideas families send to the coordinator (docs/family-view.md, ADR 0039).

Kept in this app so that the plan models stay as they are. Rows here are never deleted: a new
capacity decision replaces the last one and the history keeps every one; a part shown to
parents again is marked, not removed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from goldenthread.web.plans.models import ContributionStatus


class SupporterKind(models.TextChoices):
    NONE = "none", "Nobody"
    PARENT = "parent", "A parent or carer"
    ADVOCATE = "advocate", "An advocate"
    DEPUTY = "deputy", "A deputy appointed by the Court of Protection"
    ATTORNEY = "attorney", "An attorney (lasting power of attorney)"
    OTHER = "other", "Someone else"


class CapacityDecision(models.Model):
    """The current decision on whether a young person (16 or over) has the mental capacity to
    make their own decisions about their plan (Mental Capacity Act 2005; SEND Code of Practice
    8.13 to 8.15). One row a child; ``history`` keeps every earlier decision."""

    child = models.OneToOneField("plans.Child", on_delete=models.PROTECT, related_name="capacity")
    has_capacity = models.BooleanField()
    decided_on = models.DateField()
    decided_by = models.CharField(
        "Who made the decision", max_length=200, help_text="Their name and role."
    )
    how_decided = models.TextField("How the decision was made", blank=True)
    supporter_kind = models.CharField(
        max_length=12, choices=SupporterKind.choices, default=SupporterKind.NONE
    )
    supporter_name = models.CharField("Supporter's name", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Capacity decision for child {self.child_id}"


class PartKind(models.TextChoices):
    ASPIRATION = "aspiration", "A hope"
    NEED = "need", "Something that is hard"
    OUTCOME = "outcome", "Something that will change"
    PROVISION = "provision", "Help"


class HiddenFromParents(models.Model):
    """One part of the plan a young person with capacity chose to keep from their parents."""

    child = models.ForeignKey("plans.Child", on_delete=models.PROTECT, related_name="+")
    part_kind = models.CharField(max_length=12, choices=PartKind.choices)
    part_id = models.PositiveBigIntegerField()
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    hidden_at = models.DateTimeField(default=timezone.now)
    shown_again_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "parts hidden from parents"
        indexes = [models.Index(fields=["child", "shown_again_at"])]

    def __str__(self) -> str:
        return f"{self.part_kind} {self.part_id} hidden from parents"


class FamilyIdeaKind(models.TextChoices):
    REVIEW_VIEWS = "review_views", "Views before a review"
    DRAFT_VIEWS = "draft_views", "Views on a draft plan"
    HOPE = "hope", "A hope for the future"
    OUTCOME = "outcome", "Something I want to change"


class FamilyIdea(models.Model):
    """A view, a hope or an outcome a family sends to the coordinator. Like any contribution
    (docs/adr/0011-contributions.md) it waits until the plan's coordinator accepts it or sends
    it back with a comment. An accepted hope or outcome goes into a draft plan as a part."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="family_ideas")
    kind = models.CharField(max_length=16, choices=FamilyIdeaKind.choices)
    text = models.TextField()
    by_when = models.DateField(null=True, blank=True)
    review_due = models.DateField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_role = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10, choices=ContributionStatus.choices, default=ContributionStatus.PROPOSED
    )
    decision_comment = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    part_kind = models.CharField(max_length=12, choices=PartKind.choices, blank=True)
    part_id = models.PositiveBigIntegerField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk} for plan {self.plan_id}"

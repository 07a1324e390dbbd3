"""Many hands, one plan: who proposed a need, outcome or help, and what the coordinator decided.

Professionals who work with the child add the parts for their service; the plan's EHC
coordinator accepts or returns each with a comment (docs/adr/0011-contributions.md). Every row
that existed before this was "accepted", and a part made outside the pages (the demo seeder, an
import) is accepted too, so the default is "accepted". The history of each part keeps every
proposal and decision.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from goldenthread.web.plans.models.base import TrackedModel


class ContributionStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for the coordinator"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Sent back"


class ContributedPart(TrackedModel):
    """A part of a plan that a professional may propose and the coordinator decides on."""

    contribution_status = models.CharField(
        "Decision",
        max_length=10,
        choices=ContributionStatus.choices,
        default=ContributionStatus.ACCEPTED,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    proposed_service = models.CharField("From which service", max_length=200, blank=True)
    decision_comment = models.TextField("Coordinator's comment", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_accepted(self) -> bool:
        return self.contribution_status == ContributionStatus.ACCEPTED

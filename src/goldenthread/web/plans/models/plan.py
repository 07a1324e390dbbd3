"""A plan for a child, in versions: amending a plan makes a new version and keeps the old."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from goldenthread.core.vocabulary import THEMES
from goldenthread.web.plans.models.base import TrackedModel
from goldenthread.web.plans.models.child import Child
from goldenthread.web.plans.models.choices import PlanKindChoice, PlanStatus


class ThemeTag(models.Model):
    """One of the four Joint Outcomes Framework themes (rows made by a data migration)."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=80)
    meaning = models.CharField(max_length=80)
    preparing_for_adulthood = models.CharField(max_length=80)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @classmethod
    def expected_rows(cls) -> list[ThemeTag]:
        return [
            cls(number=n, name=name, meaning=meaning, preparing_for_adulthood=pfa)
            for n, (name, meaning, pfa) in THEMES.items()
        ]


class Plan(TrackedModel):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(max_length=24, choices=PlanKindChoice.choices)
    status = models.CharField(max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)
    previous_version = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
        editable=False,
    )
    start_date = models.DateField(null=True, blank=True)
    issued_on = models.DateField(
        null=True, blank=True, help_text="The date the final plan was issued."
    )
    end_date = models.DateField(null=True, blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True, editable=False, db_index=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_plans",
    )
    # Set when the version is issued (or, for records from before issue 16, by the migration
    # that brought in fixed plans): from then on the version and its parts are read-only in the
    # services and in the database (docs/adr/0025-issued-plans-are-fixed.md).
    fixed_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "kind", "-version"]
        indexes = [models.Index(fields=["child", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.child.known_as}, version {self.version}"

    @property
    def is_fixed(self) -> bool:
        """An issued version: read-only, changed only by starting a new version."""
        return self.fixed_at is not None

    @property
    def is_current(self) -> bool:
        """A plan is current until it is archived or amended into a newer version."""
        return not self.is_archived and not hasattr(self, "next_version")

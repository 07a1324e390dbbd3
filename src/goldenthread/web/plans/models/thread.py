"""The golden thread inside a plan: aspirations → needs → outcomes (with steps) → provision.

Every arrow is a real many-to-many link, and every change to these parts, links included,
is kept in their history (django-simple-history).
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from goldenthread.web.plans.models.base import TrackedModel
from goldenthread.web.plans.models.choices import (
    AchievementStatus,
    AreaOfNeed,
    AspirationVoice,
    DomainChoice,
    LifecycleStatus,
    OutcomeTerm,
)
from goldenthread.web.plans.models.contribution import ContributedPart
from goldenthread.web.plans.models.plan import Plan, ThemeTag

LINK_SUGGESTIONS_HELP = (
    "What theme linking suggested for the saved words, kept beside the person's choice "
    "(Links.to_record()), so the suggestions can be measured against people's choices."
)


def link_suggestions_field() -> models.JSONField:
    return models.JSONField(
        default=dict, blank=True, editable=False, help_text=LINK_SUGGESTIONS_HELP
    )


class ThreadPart(TrackedModel):
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class ContributedThreadPart(ContributedPart):
    """A need, outcome or help: a part of the thread a professional may propose (see
    ``contribution.py``)."""

    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class Aspiration(ThreadPart):
    """Section A: a long-term hope, in the child's or the family's own words."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="aspirations")
    text = models.TextField()
    voice = models.CharField(
        max_length=8, choices=AspirationVoice.choices, default=AspirationVoice.CHILD
    )

    history = HistoricalRecords()

    class Meta(ThreadPart.Meta):
        pass

    def __str__(self) -> str:
        return self.text[:80]


class Need(ContributedThreadPart):
    """Sections B, C and D: what the child needs help with, and the barrier it creates."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="needs")
    text = models.TextField()
    area = models.CharField(max_length=40, choices=AreaOfNeed.choices)
    domain = models.CharField(max_length=16, choices=DomainChoice.choices)
    barrier = models.TextField("The barrier this creates", blank=True)
    link_suggestions = link_suggestions_field()

    history = HistoricalRecords()

    class Meta(ContributedThreadPart.Meta):
        pass

    def __str__(self) -> str:
        return self.text[:80]


class Outcome(ContributedThreadPart):
    """Section E: the difference for the child, SMART and in their own words."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    text = models.TextField()
    domain = models.CharField(max_length=16, choices=DomainChoice.choices)
    area = models.CharField("Area of need", max_length=40, choices=AreaOfNeed.choices, blank=True)
    themes = models.ManyToManyField(ThemeTag, blank=True, related_name="outcomes")
    link_suggestions = link_suggestions_field()
    due_date = models.DateField(null=True, blank=True)
    term = models.CharField(max_length=8, choices=OutcomeTerm.choices, default=OutcomeTerm.LONG)
    lifecycle_status = models.CharField(
        max_length=20, choices=LifecycleStatus.choices, default="active"
    )
    achievement_status = models.CharField(
        max_length=20, choices=AchievementStatus.choices, blank=True, default="in-progress"
    )
    in_own_words = models.BooleanField(
        default=False, help_text="Written by the child, young person or family themselves."
    )
    needs = models.ManyToManyField(Need, blank=True, related_name="outcomes")
    aspirations = models.ManyToManyField(Aspiration, blank=True, related_name="outcomes")
    # For "outcomes others wrote for a similar need" (see docs/adr/0006): the words' embedding
    # (float16, 256 numbers) and the quality engine's SMART verdict, both set at every save.
    embedding = models.BinaryField(null=True, blank=True, editable=False)
    quality_smart = models.BooleanField(null=True, blank=True, editable=False)
    # What the SMART verdict was judged against: the engine's version, the day and the child's
    # date of birth. A verdict is re-judged when any of them changes (web/quality_jobs.py).
    quality_engine = models.CharField(max_length=64, blank=True, default="", editable=False)
    quality_judged_on = models.DateField(null=True, blank=True, editable=False)
    quality_child_born = models.DateField(null=True, blank=True, editable=False)
    # Rubric fields the engine's learned judge is unsure of, comma-separated
    # ("specific,smart"): the verdict is worth a second look (docs/adr/0062).
    quality_second_look = models.CharField(max_length=200, blank=True, default="", editable=False)

    history = HistoricalRecords(
        m2m_fields=[themes, needs, aspirations],
        excluded_fields=["embedding", "quality_engine", "quality_judged_on", "quality_child_born"],
    )

    class Meta(ContributedThreadPart.Meta):
        indexes = [
            models.Index(fields=["plan", "archived_at"]),
            # A cheap "has anything changed?" stamp for the similar-outcomes cache.
            models.Index(fields=["updated_at"], name="plans_outcome_updated_at"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Step(TrackedModel):
    """A shorter-term target on the way to an outcome, set and reviewed by the setting."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="steps")
    text = models.TextField()
    due_date = models.DateField(null=True, blank=True)
    achievement_status = models.CharField(
        max_length=20, choices=AchievementStatus.choices, default="in-progress"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Provision(ContributedThreadPart):
    """Sections F, G and H: what is done to help, by whom, how often, for how long and where."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="provision")
    description = models.TextField("What")
    delivered_by = models.CharField("Who delivers it", max_length=200, blank=True)
    frequency = models.CharField("How often", max_length=120, blank=True)
    duration = models.CharField("How long each time", max_length=120, blank=True)
    group_size = models.CharField(max_length=60, blank=True)
    location = models.CharField("Where", max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    domain = models.CharField(max_length=16, choices=DomainChoice.choices)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="provision")
    needs = models.ManyToManyField(Need, blank=True, related_name="provision")
    link_suggestions = link_suggestions_field()

    history = HistoricalRecords(m2m_fields=[outcomes, needs])

    class Meta(ContributedThreadPart.Meta):
        verbose_name_plural = "provision"

    def __str__(self) -> str:
        return self.description[:80]

"""The EHC needs assessment record (docs/assessments.md).

One ``Assessment`` per request for an assessment (or re-assessment) of a child. Its dates are
the facts the clock (``goldenthread.core.assessments``) and the DfE SEN2 return read:

- module 2 (requests): ``request_received_on`` (ReceivedDate), ``request_source``
  (RequestSource), ``request_outcome_on`` / ``request_outcome`` (assess, not assess, withdrawn),
  ``request_mediation`` / ``request_tribunal``;
- module 3 (assessments): ``assessment_outcome_on`` / ``assessment_outcome`` (plan, no plan,
  withdrawn), ``assessment_mediation`` / ``assessment_tribunal``, ``week20_exceptions`` (derived
  from ``ClockException`` rows: 20-week time limit exceptions apply);
- module 4 (named plan): ``plan`` and ``plan_issued_on``.

Field names are a contract with the SEN2 and Annex A returns: add, never rename.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from goldenthread.web.assessments.choices import (
    SEN2_REQUEST_SOURCE,
    AdvicePartKind,
    AdviceService,
    AdviceStatus,
    AssessmentOutcome,
    AssessmentStage,
    DraftServedBy,
    ExceptionReason,
    RequestOutcome,
    RequestSource,
)
from goldenthread.web.plans.models.base import TrackedModel

PERSON = settings.AUTH_USER_MODEL


class Assessment(TrackedModel):
    """A request for an EHC needs assessment and everything that follows it, to the final plan."""

    child = models.ForeignKey("plans.Child", on_delete=models.PROTECT, related_name="assessments")
    coordinator = models.ForeignKey(
        PERSON,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments_coordinated",
        help_text="The EHC coordinator running this assessment.",
    )
    # Re-assessment (SEND Regulations 2014 regs 23 to 27): the plan in place when it was asked.
    is_reassessment = models.BooleanField(default=False)
    reassessment_of = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reassessments",
    )
    # The request (SEN2 module 2).
    request_received_on = models.DateField("Date the request was received", db_index=True)
    request_source = models.CharField("Who asked", max_length=16, choices=RequestSource.choices)
    request_source_detail = models.CharField(
        "Who asked, in more detail", max_length=200, blank=True
    )
    request_outcome = models.CharField(
        "Decision on the request", max_length=12, choices=RequestOutcome.choices, blank=True
    )
    request_outcome_on = models.DateField("Date the family was told", null=True, blank=True)
    not_assess_reason = models.TextField("Why not assess", blank=True)
    request_mediation = models.BooleanField(default=False)
    request_tribunal = models.BooleanField(default=False)
    # The assessment (SEN2 module 3).
    assessment_outcome = models.CharField(
        "Decision whether to issue a plan",
        max_length=12,
        choices=AssessmentOutcome.choices,
        blank=True,
    )
    assessment_outcome_on = models.DateField("Date of the decision", null=True, blank=True)
    not_issue_reason = models.TextField("Why not issue a plan", blank=True)
    assessment_mediation = models.BooleanField(default=False)
    assessment_tribunal = models.BooleanField(default=False)
    # The draft plan and the family's 15 days (reg 13(1)).
    draft_plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessment_drafts",
    )
    draft_sent_on = models.DateField("Date the draft plan was sent", null=True, blank=True)
    draft_served_by = models.CharField(
        "How it was sent", max_length=8, choices=DraftServedBy.choices, blank=True
    )
    views_received_on = models.DateField("Date the family's views came in", null=True, blank=True)
    family_views = models.TextField("The family's views on the draft", blank=True)
    preferred_setting = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    preferred_setting_name = models.CharField(
        "School or college the family asked for", max_length=200, blank=True
    )
    meeting_requested = models.BooleanField(
        "The family asked to meet about the draft", default=False
    )
    # The final plan (SEN2 module 4).
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments_issued",
        help_text="The final EHC plan issued from this assessment.",
    )
    plan_issued_on = models.DateField("Date the final plan was issued", null=True, blank=True)
    # Withdrawn or stopped before an outcome (the family withdrew, moved away, and so on).
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    # Where it is now, and the one date that matters next (kept by services.assessment_refresh).
    stage = models.CharField(
        max_length=16,
        choices=AssessmentStage.choices,
        default=AssessmentStage.REQUESTED,
        editable=False,
        db_index=True,
    )
    next_due_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    final_due_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-request_received_on", "pk"]
        indexes = [models.Index(fields=["stage", "next_due_on"], name="assessment_open_due")]

    def __str__(self) -> str:
        return f"Assessment {self.pk} requested {self.request_received_on}"

    @property
    def sen2_request_source(self) -> str:
        return SEN2_REQUEST_SOURCE.get(self.request_source, "")

    @property
    def week20_exceptions(self) -> bool:
        """SEN2 item: 20-week time limit exceptions apply (reg 13(3) and reg 10(4))."""
        return self.exceptions.filter(archived_at__isnull=True).exists()

    @property
    def weeks_to_issue(self) -> float | None:
        if self.plan_issued_on is None:
            return None
        return (self.plan_issued_on - self.request_received_on).days / 7


class ClockException(TrackedModel):
    """A reason under reg 10(4) why a time limit could not be kept, and the days it covered.

    The Regulations do not stop the clock: they say the authority "need not comply with the time
    limit" while it is impractical for one of these reasons. We keep the dates so the page can
    show a working target moved on by the days covered, and SEN2 can say exceptions apply.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="exceptions")
    reason = models.CharField(max_length=24, choices=ExceptionReason.choices)
    starts_on = models.DateField("From")
    ends_on = models.DateField("To", null=True, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        PERSON, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_on", "pk"]

    @property
    def child_id(self) -> int:
        return int(self.assessment.child_id)

    def days_covered(self, today: dt.date) -> int:
        end = self.ends_on or today
        return max(0, (end - self.starts_on).days + 1)


class AdviceRequest(TrackedModel):
    """Advice asked of a service (reg 6(1)); it must reply within 6 weeks (reg 8(1))."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="advice")
    service = models.CharField(max_length=32, choices=AdviceService.choices)
    service_name = models.CharField(
        "Which team or service", max_length=200, blank=True, db_index=True
    )
    adviser = models.ForeignKey(
        PERSON,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="advice_requests",
        help_text="The professional asked, when they give the advice in Golden Thread.",
    )
    requested_on = models.DateField("Date advice was asked for")
    due_on = models.DateField(editable=False, null=True, blank=True, db_index=True)
    received_on = models.DateField("Date the advice came in", null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=AdviceStatus.choices, default=AdviceStatus.REQUESTED
    )
    needs_seen = models.TextField("The needs you see", blank=True)
    summary = models.TextField("Anything else the coordinator should know", blank=True)
    decision_comment = models.TextField("Coordinator's comment", blank=True)
    decided_by = models.ForeignKey(
        PERSON, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    missed_appointment_on = models.DateField(
        "An appointment for an examination or test was missed on",
        null=True,
        blank=True,
        help_text="Reg 8(2): the 6 weeks need not be kept.",
    )

    class Meta:
        ordering = ["requested_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_service_display()} advice"

    @property
    def child_id(self) -> int:
        return int(self.assessment.child_id)

    @property
    def on_time(self) -> bool | None:
        if self.received_on is None or self.due_on is None:
            return None
        return self.received_on <= self.due_on


class AdvicePart(TrackedModel):
    """One need, recommended outcome or piece of provision in a piece of advice.

    When the advice is accepted each part is copied into the draft plan and ``plan_need``,
    ``plan_outcome`` or ``plan_provision`` points at the copy: the plan part keeps its source.
    """

    advice = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField(max_length=12, choices=AdvicePartKind.choices)
    text = models.TextField()
    area = models.CharField("Area of need", max_length=40, blank=True)
    position = models.PositiveIntegerField(default=0)
    quality_smart = models.BooleanField(null=True, blank=True, editable=False)
    plan_need = models.ForeignKey(
        "plans.Need", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan_outcome = models.ForeignKey(
        "plans.Outcome", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan_provision = models.ForeignKey(
        "plans.Provision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["advice", "kind", "position", "pk"]

    @property
    def child_id(self) -> int:
        return int(self.advice.assessment.child_id)


__all__ = [
    "AdvicePart",
    "AdvicePartKind",
    "AdviceRequest",
    "AdviceService",
    "AdviceStatus",
    "Assessment",
    "AssessmentOutcome",
    "AssessmentStage",
    "ClockException",
    "DraftServedBy",
    "ExceptionReason",
    "FamilyWordsCarried",
    "FamilyWordsSource",
    "RequestOutcome",
    "RequestSource",
]


class FamilyWordsSource(models.TextChoices):
    ALL_ABOUT_ME = "all_about_me", "All about me"
    FAMILY_VIEWS = "family_views", "The family's views on the draft plan"


class FamilyWordsCarried(models.Model):
    """The family's words carried into the draft plan's Section A, with where they came from.

    The family gives "all about me" once (``plans.AllAboutMe``) and their views once
    (``Assessment.family_views``); the words are copied here as they were when carried, so the
    plan shows their source and nobody asks the family for them again (docs/assessments.md).
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="family_words"
    )
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=16, choices=FamilyWordsSource.choices)
    field = models.CharField(max_length=40)
    label = models.CharField(max_length=200)
    text = models.TextField()
    given_on = models.DateField("When the family gave these words", null=True, blank=True)
    carried_by = models.ForeignKey(
        PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    carried_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "source", "field"], name="family_words_once_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_source_display()})"

    @property
    def child_id(self) -> int:
        return int(self.assessment.child_id)

    @property
    def source_note(self) -> str:
        given = f", given on {self.given_on:%-d %B %Y}" if self.given_on else ""
        return f"From {self.get_source_display().lower()}{given}"

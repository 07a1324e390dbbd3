"""From an assessment's rows to the core clock's plain facts, and keeping the derived fields."""

from __future__ import annotations

import datetime as dt

from goldenthread.core.assessments import (
    AdviceFacts,
    AssessmentFacts,
    Clock,
    ExceptionPeriod,
    advice_due,
    assessment_clock,
)
from goldenthread.web.assessments.models import AdviceRequest, Assessment


def advice_facts(advice: AdviceRequest) -> AdviceFacts:
    label = advice.service_name or advice.get_service_display()
    return AdviceFacts(
        key=advice.pk,
        label=label,
        requested_on=advice.requested_on,
        received_on=advice.received_on,
        missed_appointment_on=advice.missed_appointment_on,
    )


def assessment_facts(assessment: Assessment) -> AssessmentFacts:
    advice = [a for a in assessment.advice.all() if a.archived_at is None]
    exceptions = [e for e in assessment.exceptions.all() if e.archived_at is None]
    return AssessmentFacts(
        request_received_on=assessment.request_received_on,
        request_outcome=assessment.request_outcome,
        request_outcome_on=assessment.request_outcome_on,
        advice=tuple(advice_facts(a) for a in advice),
        assessment_outcome=assessment.assessment_outcome,
        assessment_outcome_on=assessment.assessment_outcome_on,
        draft_sent_on=assessment.draft_sent_on,
        draft_served_by=assessment.draft_served_by,
        views_received_on=assessment.views_received_on,
        plan_issued_on=assessment.plan_issued_on,
        withdrawn_on=assessment.withdrawn_on,
        exceptions=tuple(ExceptionPeriod(e.reason, e.starts_on, e.ends_on) for e in exceptions),
    )


def clock_for(assessment: Assessment, *, today: dt.date) -> Clock:
    return assessment_clock(assessment_facts(assessment), today=today)


def derived_refresh(assessment: Assessment, *, today: dt.date) -> None:
    """Store the stage, the next deadline and the 20-week date, and each advice due date.

    Derived, never typed in: the lists read these columns so they need no clock per row.
    """
    fresh = Assessment.objects.prefetch_related("advice", "exceptions").get(pk=assessment.pk)
    for advice in fresh.advice.all():
        due = advice_due(requested_on=advice.requested_on).due
        if advice.due_on != due:
            AdviceRequest.objects.filter(pk=advice.pk).update(due_on=due)
    clock = clock_for(fresh, today=today)
    Assessment.objects.filter(pk=assessment.pk).update(
        stage=clock.stage, next_due_on=clock.next_due_on, final_due_on=clock.final_due_on
    )
    assessment.stage = clock.stage
    assessment.next_due_on = clock.next_due_on
    assessment.final_due_on = clock.final_due_on

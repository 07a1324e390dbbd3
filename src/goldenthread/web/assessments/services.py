"""Every step of an assessment: each one a save through ``record_save`` (so it is on the audit
trail with the person and the child) followed by a refresh of the clock's stored fields.

Date rules, named to the field: no step is dated in the future or before the step it follows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.access.services import share_grant
from goldenthread.web.accounts.models import User
from goldenthread.web.assessments.choices import (
    AdviceStatus,
    AssessmentOutcome,
    AssessmentStage,
    RequestOutcome,
)
from goldenthread.web.assessments.clock import derived_refresh
from goldenthread.web.assessments.family_words import family_words_carry
from goldenthread.web.assessments.models import AdviceRequest, Assessment, ClockException
from goldenthread.web.plans.models import Child, Plan
from goldenthread.web.plans.services.common import record_save

FUTURE = "{label} cannot be in the future"
BEFORE = "{label} cannot be before {other} ({date})"
NEEDS_REASON = "Give the reasons, for the letter to the family"
NOT_NOW = "This step is not open now: the assessment is at “{stage}”. Nothing was changed."
ALREADY_CLOSED = "This assessment is already closed. Nothing was changed."
ADVICE_WINDOW_DAYS = 140  # the adviser may see the record while the 20 weeks run


def _today() -> dt.date:
    return timezone.localdate()


def date_check(field: str, label: str, day: dt.date, *, after: tuple[str, dt.date] | None) -> None:
    """Refuse a date in the future, or before the step it follows, naming the field."""
    if day > _today():
        raise ValidationError({field: FUTURE.format(label=label)})
    if after is not None and day < after[1]:
        raise ValidationError(
            {field: BEFORE.format(label=label, other=after[0], date=after[1].strftime("%-d %B %Y"))}
        )


def _stage_check(assessment: Assessment, *stages: str) -> None:
    if assessment.stage not in stages:
        raise ValueError(NOT_NOW.format(stage=assessment.get_stage_display()))


def _save(assessment: Assessment, *, user: User, fields: dict[str, Any]) -> Assessment:
    with transaction.atomic():
        saved = record_save(assessment, user=user, fields=fields)
        derived_refresh(saved, today=_today())
    return saved


def assessment_request_log(
    *,
    child: Child,
    user: User,
    received_on: dt.date,
    source: str,
    detail: str = "",
    coordinator: User | None = None,
    reassessment_of: Plan | None = None,
) -> Assessment:
    """Log a request for an assessment (or, with ``reassessment_of``, a re-assessment)."""
    date_check("request_received_on", "The date the request was received", received_on, after=None)
    fields: dict[str, Any] = {
        "child": child,
        "request_received_on": received_on,
        "request_source": source,
        "request_source_detail": detail.strip(),
        "coordinator": coordinator or user,
        "is_reassessment": reassessment_of is not None,
        "reassessment_of": reassessment_of,
    }
    return _save(Assessment(), user=user, fields=fields)


def request_decide(
    assessment: Assessment, *, user: User, outcome: str, on: dt.date, reason: str = ""
) -> Assessment:
    """The decision whether to assess (reg 5): assess, not assess (with reasons), or withdrawn."""
    _stage_check(assessment, AssessmentStage.REQUESTED)
    date_check(
        "request_outcome_on",
        "The date the family was told",
        on,
        after=("the date the request was received", assessment.request_received_on),
    )
    if outcome == RequestOutcome.NOT_ASSESS and not reason.strip():
        raise ValidationError({"not_assess_reason": NEEDS_REASON})
    fields: dict[str, Any] = {
        "request_outcome": outcome,
        "request_outcome_on": on,
        "not_assess_reason": reason.strip(),
    }
    if outcome == RequestOutcome.WITHDRAWN:
        fields["withdrawn_on"] = on
    return _save(assessment, user=user, fields=fields)


def advice_request_add(
    assessment: Assessment,
    *,
    user: User,
    service: str,
    service_name: str,
    requested_on: dt.date,
    adviser: User | None = None,
) -> AdviceRequest:
    """Ask a service for advice (reg 6). A named adviser is given a share of the child's record
    for the 20 weeks, so they have a reason to see it and can give the advice here."""
    _stage_check(assessment, AssessmentStage.ASSESSING, AssessmentStage.DECIDING)
    date_check(
        "requested_on",
        "The date advice was asked for",
        requested_on,
        after=(
            "the decision to assess",
            assessment.request_outcome_on or assessment.request_received_on,
        ),
    )
    with transaction.atomic():
        advice = record_save(
            AdviceRequest(),
            user=user,
            fields={
                "assessment": assessment,
                "service": service,
                "service_name": service_name.strip(),
                "requested_on": requested_on,
                "adviser": adviser,
            },
        )
        if adviser is not None:
            share_grant(
                child=assessment.child,
                by=user,
                person=adviser,
                reason="Advice for an EHC needs assessment",
                ends_on=_today() + dt.timedelta(days=ADVICE_WINDOW_DAYS),
            )
        derived_refresh(assessment, today=_today())
    return advice


def advice_received_record(advice: AdviceRequest, *, user: User, received_on: dt.date) -> None:
    """Advice that came in on paper or by email: the date it arrived."""
    date_check(
        "received_on",
        "The date the advice came in",
        received_on,
        after=("the date it was asked for", advice.requested_on),
    )
    with transaction.atomic():
        record_save(advice, user=user, fields={"received_on": received_on})
        derived_refresh(advice.assessment, today=_today())


def exception_add(
    assessment: Assessment,
    *,
    user: User,
    reason: str,
    starts_on: dt.date,
    ends_on: dt.date | None,
    note: str = "",
) -> ClockException:
    """Record a reg 10(4) reason with its dates (``ends_on`` empty while it lasts)."""
    date_check(
        "starts_on",
        "The start",
        starts_on,
        after=("the date the request was received", assessment.request_received_on),
    )
    if ends_on is not None:
        date_check("ends_on", "The end", ends_on, after=("the start", starts_on))
    with transaction.atomic():
        exception = record_save(
            ClockException(),
            user=user,
            fields={
                "assessment": assessment,
                "reason": reason,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "note": note.strip(),
                "recorded_by": user,
            },
        )
        derived_refresh(assessment, today=_today())
    return exception


def exception_end(exception: ClockException, *, user: User, ends_on: dt.date) -> None:
    date_check("ends_on", "The end", ends_on, after=("the start", exception.starts_on))
    with transaction.atomic():
        record_save(exception, user=user, fields={"ends_on": ends_on})
        derived_refresh(exception.assessment, today=_today())


def issue_decide(
    assessment: Assessment, *, user: User, outcome: str, on: dt.date, reason: str = ""
) -> Assessment:
    """The decision whether to issue a plan (reg 10): plan, no plan (with reasons), stopped."""
    _stage_check(assessment, AssessmentStage.ASSESSING, AssessmentStage.DECIDING)
    date_check(
        "assessment_outcome_on",
        "The date of the decision",
        on,
        after=(
            "the decision to assess",
            assessment.request_outcome_on or assessment.request_received_on,
        ),
    )
    if outcome == AssessmentOutcome.NO_PLAN and not reason.strip():
        raise ValidationError({"not_issue_reason": NEEDS_REASON})
    fields: dict[str, Any] = {
        "assessment_outcome": outcome,
        "assessment_outcome_on": on,
        "not_issue_reason": reason.strip(),
    }
    if outcome == AssessmentOutcome.WITHDRAWN:
        fields["withdrawn_on"] = on
    return _save(assessment, user=user, fields=fields)


def draft_plan_for(assessment: Assessment, *, user: User) -> Plan:
    """The assessment's draft EHC plan, made (empty, coordinated by the assessment's coordinator)
    the first time advice is accepted into it."""
    if assessment.draft_plan is not None:
        return assessment.draft_plan
    from goldenthread.web.plans.services.plans import plan_create

    plan = plan_create(
        child=assessment.child,
        user=user,
        kind=PlanKind.EHC_PLAN,
        coordinator=assessment.coordinator,
    )
    record_save(assessment, user=user, fields={"draft_plan": plan})
    family_words_carry(assessment, plan=plan, user=user)  # Section A: given once, carried
    return plan


def draft_sent_record(
    assessment: Assessment, *, user: User, sent_on: dt.date, served_by: str
) -> Assessment:
    _stage_check(assessment, AssessmentStage.DRAFT)
    date_check(
        "draft_sent_on",
        "The date the draft was sent",
        sent_on,
        after=(
            "the decision to issue a plan",
            assessment.assessment_outcome_on or assessment.request_received_on,
        ),
    )
    return _save(
        assessment, user=user, fields={"draft_sent_on": sent_on, "draft_served_by": served_by}
    )


def family_views_record(
    assessment: Assessment,
    *,
    user: User,
    received_on: dt.date,
    views: str,
    preferred_setting_name: str,
    meeting_requested: bool,
) -> Assessment:
    """The family's views on the draft and the school or college they asked for (reg 13(1))."""
    _stage_check(assessment, AssessmentStage.DRAFT)
    if assessment.draft_sent_on is None:
        raise ValueError("Record the date the draft was sent first. Nothing was changed.")
    date_check(
        "views_received_on",
        "The date the views came in",
        received_on,
        after=("the date the draft was sent", assessment.draft_sent_on),
    )
    saved = _save(
        assessment,
        user=user,
        fields={
            "views_received_on": received_on,
            "family_views": views.strip(),
            "preferred_setting_name": preferred_setting_name.strip(),
            "meeting_requested": meeting_requested,
        },
    )
    if saved.draft_plan is not None:
        family_words_carry(saved, plan=saved.draft_plan, user=user)
    return saved


def final_plan_issue(assessment: Assessment, *, user: User, issued_on: dt.date) -> Assessment:
    """Issue the draft as the final plan on ``issued_on`` (fixed from then: ADR 0025) and record
    it as the assessment's outcome. Refused while contributions wait (``plan_issue``)."""
    from goldenthread.web.plans.services.contributions import plan_issue

    _stage_check(assessment, AssessmentStage.DRAFT)
    if assessment.draft_plan is None:
        raise ValueError("There is no draft plan yet: accept advice into one first.")
    if assessment.draft_sent_on is None:
        raise ValueError("Record the date the draft was sent to the family first.")
    date_check(
        "plan_issued_on",
        "The date the final plan was issued",
        issued_on,
        after=("the date the draft was sent", assessment.draft_sent_on),
    )
    with transaction.atomic():
        plan = plan_issue(assessment.draft_plan, user=user, issued_on=issued_on)
        return _save(assessment, user=user, fields={"plan": plan, "plan_issued_on": issued_on})


def assessment_withdraw(
    assessment: Assessment, *, user: User, on: dt.date, reason: str
) -> Assessment:
    """The request or assessment stopped: the family withdrew, moved away, or it ceased."""
    if assessment.stage not in (
        AssessmentStage.REQUESTED,
        AssessmentStage.ASSESSING,
        AssessmentStage.DECIDING,
        AssessmentStage.DRAFT,
    ):
        raise ValueError(ALREADY_CLOSED)
    date_check(
        "withdrawn_on",
        "The date it stopped",
        on,
        after=("the date the request was received", assessment.request_received_on),
    )
    if not reason.strip():
        raise ValidationError({"withdrawn_reason": "Say why it stopped"})
    fields: dict[str, Any] = {"withdrawn_on": on, "withdrawn_reason": reason.strip()}
    if not assessment.request_outcome:
        fields |= {"request_outcome": RequestOutcome.WITHDRAWN, "request_outcome_on": on}
    elif assessment.request_outcome == RequestOutcome.ASSESS:
        fields |= {"assessment_outcome": AssessmentOutcome.WITHDRAWN, "assessment_outcome_on": on}
    return _save(assessment, user=user, fields=fields)


OPEN_ADVICE = (AdviceStatus.REQUESTED, AdviceStatus.RETURNED)

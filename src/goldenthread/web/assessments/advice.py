"""Advice that carries the thread: a professional gives their advice here, the coordinator
accepts it into the draft plan or returns it, and every plan part made from it keeps its source.

The same flow as contributions to a plan (ADR 0011): the adviser proposes, the assessment's
coordinator decides, and a return needs a comment saying what to change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goldenthread.core.quality import StatementContext, Status, assess
from goldenthread.core.vocabulary import Domain
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.assessments.choices import AdvicePartKind, AdviceService, AdviceStatus
from goldenthread.web.assessments.clock import derived_refresh
from goldenthread.web.assessments.family_words import family_words_carry
from goldenthread.web.assessments.models import AdvicePart, AdviceRequest, Assessment
from goldenthread.web.assessments.services import date_check, draft_plan_for
from goldenthread.web.plans.models import ContributionStatus, Need, Outcome, Provision
from goldenthread.web.plans.services.common import record_save

NOT_THE_ADVISER = "Only the person asked for this advice, or the coordinator, can give it"
NOT_THE_COORDINATOR = "Only the assessment's EHC coordinator can accept or return advice"
NOT_WAITING = "This advice is not waiting for a decision. Nothing was changed."
ALREADY_ACCEPTED = "This advice is already accepted into the draft plan. Nothing was changed."
COMMENT_NEEDED = "Say what needs to change before the advice can go in the plan"
NOTHING_GIVEN = "Write at least one need, outcome or piece of provision"
NEED_AREA = "Choose the area of need for each need"
SERVICE_DOMAIN = {
    AdviceService.HEALTH: Domain.HEALTH,
    AdviceService.SOCIAL_CARE: Domain.SOCIAL_CARE,
}
MAX_PROBLEMS = 5


@dataclass(frozen=True)
class PartEntry:
    kind: str
    text: str
    area: str = ""


@dataclass(frozen=True)
class OutcomeCheck:
    text: str
    kind: str
    smart: bool
    problems: list[str]


def outcome_check(text: str, *, assessment: Assessment) -> OutcomeCheck:
    """What the quality engine says about a recommended outcome, as on the plan's outcome form."""
    context = StatementContext(
        today=timezone.localdate(), date_of_birth=assessment.child.date_of_birth
    )
    result = assess(text, context)
    problems = [
        finding.message
        for finding in result.criteria.values()
        if finding.status == Status.FAIL and finding.message
    ]
    return OutcomeCheck(
        text=text,
        kind=str(result.kind),
        smart=result.smart,
        problems=list(dict.fromkeys(problems))[:MAX_PROBLEMS],
    )


def may_give(advice: AdviceRequest, user: User) -> bool:
    return advice.adviser_id == user.pk or may_decide(advice.assessment, user)


def may_decide(assessment: Assessment, user: User) -> bool:
    if assessment.coordinator_id is not None:
        return bool(assessment.coordinator_id == user.pk)
    return bool(
        user.role == Role.COORDINATOR
        and user.organisation_id == assessment.child.local_authority_id
    )


def advice_give(
    advice: AdviceRequest,
    *,
    user: User,
    needs_seen: str,
    summary: str,
    parts: Sequence[PartEntry],
    given_on: dt.date | None = None,
) -> AdviceRequest:
    """The adviser's advice: the needs they see, the outcomes they recommend, the provision.

    Sent to the coordinator to accept or return. The day it first came in is kept: the 6 weeks
    are measured to that day, not to a later re-sending after a return.
    """
    if not may_give(advice, user):
        raise PermissionError(NOT_THE_ADVISER)
    if advice.status == AdviceStatus.ACCEPTED:
        raise ValueError(ALREADY_ACCEPTED)
    live = [p for p in parts if p.text.strip()]
    if not live:
        raise ValidationError({"parts": NOTHING_GIVEN})
    if any(p.kind == AdvicePartKind.NEED and not p.area for p in live):
        raise ValidationError({"parts": NEED_AREA})
    day = given_on or timezone.localdate()
    date_check("received_on", "The date the advice was given", day, after=None)
    with transaction.atomic():
        now = timezone.now()
        AdvicePart.objects.filter(advice=advice, archived_at__isnull=True).update(archived_at=now)
        for position, part in enumerate(live):
            check = (
                outcome_check(part.text, assessment=advice.assessment)
                if part.kind == AdvicePartKind.OUTCOME
                else None
            )
            record_save(
                AdvicePart(),
                user=user,
                fields={
                    "advice": advice,
                    "kind": part.kind,
                    "text": part.text.strip(),
                    "area": part.area,
                    "position": position,
                    "quality_smart": check.smart if check else None,
                },
            )
        advice = record_save(
            advice,
            user=user,
            fields={
                "needs_seen": needs_seen.strip(),
                "summary": summary.strip(),
                "status": AdviceStatus.SUBMITTED,
                "received_on": advice.received_on or day,
            },
        )
        derived_refresh(advice.assessment, today=timezone.localdate())
    return advice


def _domain(advice: AdviceRequest) -> str:
    return SERVICE_DOMAIN.get(AdviceService(advice.service), Domain.EDUCATION).value


def _provenance(advice: AdviceRequest, user: User) -> dict[str, object]:
    label = advice.service_name or advice.get_service_display()
    return {
        "contribution_status": ContributionStatus.ACCEPTED,
        "proposed_by": advice.adviser,
        "proposed_service": f"{label} advice for the EHC needs assessment"[:200],
        "decided_by": user,
        "decided_at": timezone.now(),
    }


def advice_decide(
    advice: AdviceRequest, *, user: User, accept: bool, comment: str = ""
) -> AdviceRequest:
    """Accept the advice into the draft plan (each part becomes a plan part that names where it
    came from), or return it to the adviser with a comment."""
    assessment = advice.assessment
    if not may_decide(assessment, user):
        raise PermissionError(NOT_THE_COORDINATOR)
    if advice.status != AdviceStatus.SUBMITTED:
        raise ValueError(NOT_WAITING)
    if not accept and not comment.strip():
        raise ValidationError({"comment": COMMENT_NEEDED})
    with transaction.atomic():
        if accept:
            _into_plan(advice, user)
        status = AdviceStatus.ACCEPTED if accept else AdviceStatus.RETURNED
        return record_save(
            advice,
            user=user,
            fields={
                "status": status,
                "decision_comment": comment.strip(),
                "decided_by": user,
                "decided_at": timezone.now(),
            },
        )


def _into_plan(advice: AdviceRequest, user: User) -> None:
    plan = draft_plan_for(advice.assessment, user=user)
    family_words_carry(advice.assessment, plan=plan, user=user)  # changed since: carried again
    domain = _domain(advice)
    source = _provenance(advice, user)
    parts = AdvicePart.objects.filter(advice=advice, archived_at__isnull=True)
    for part in parts:
        if part.kind == AdvicePartKind.NEED:
            need = record_save(
                Need(),
                user=user,
                fields={"plan": plan, "text": part.text, "area": part.area, "domain": domain}
                | source,
            )
            record_save(part, user=user, fields={"plan_need": need})
        elif part.kind == AdvicePartKind.OUTCOME:
            outcome = record_save(
                Outcome(),
                user=user,
                fields={"plan": plan, "text": part.text, "area": part.area, "domain": domain}
                | source,
            )
            record_save(part, user=user, fields={"plan_outcome": outcome})
        else:
            provision = record_save(
                Provision(),
                user=user,
                fields={"plan": plan, "description": part.text, "domain": domain} | source,
            )
            record_save(part, user=user, fields={"plan_provision": provision})

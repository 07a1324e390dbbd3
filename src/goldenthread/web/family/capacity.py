"""Recording a young person's capacity decision, and who supports them.

From 16 the Mental Capacity Act 2005 applies, and from the end of compulsory school age the
rights in the Children and Families Act 2014 pass from the parent to the young person (SEND
Code of Practice 8.13 to 8.15). A young person is presumed to have capacity unless a decision
says otherwise (Mental Capacity Act 2005, section 1(2)). When a decision says they do not have
capacity to make a decision about their plan, a parent (or a deputy or attorney) acts for them;
``access.policy.child_access`` reads the decision, so the rule holds on every page.
See docs/family-view.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.policy import child_access
from goldenthread.web.access.services import YOUNG_PERSON_AGE
from goldenthread.web.accounts.models import User
from goldenthread.web.family.models import CapacityDecision, SupporterKind
from goldenthread.web.plans.models import Child

CAPACITY_NOT_ALLOWED = "Only the people who work with the young person can record this"
CAPACITY_FROM_16 = "You can record a capacity decision from the young person's 16th birthday"
CAPACITY_DATE_FUTURE = "The date of the decision must be today or in the past"
CAPACITY_WHO = "Enter who made the decision"
SUPPORTER_NAME = "Enter the name of the person who supports them"


class CapacityError(ValueError):
    """A capacity decision the rules refuse: ``field`` names the form field it is about."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CapacityFacts:
    """What was decided, in the form the form gives it."""

    has_capacity: bool
    decided_on: dt.date
    decided_by: str
    how_decided: str = ""
    supporter_kind: str = SupporterKind.NONE
    supporter_name: str = ""


def capacity_of(child: Child) -> CapacityDecision | None:
    return CapacityDecision.objects.filter(child=child).select_related("recorded_by").first()


def capacity_record(*, child: Child, by: User, facts: CapacityFacts) -> CapacityDecision:
    """Record the current decision (the last one stays in the history). Checks every rule
    before anything is written."""
    if not child_access(by, child.pk).can_change_plan:
        raise CapacityError(CAPACITY_NOT_ALLOWED)
    if child.age_on(facts.decided_on) < YOUNG_PERSON_AGE:
        raise CapacityError(CAPACITY_FROM_16, "decided_on")
    if facts.decided_on > timezone.localdate():
        raise CapacityError(CAPACITY_DATE_FUTURE, "decided_on")
    if not facts.decided_by.strip():
        raise CapacityError(CAPACITY_WHO, "decided_by")
    supporter = SupporterKind(facts.supporter_kind)
    if supporter != SupporterKind.NONE and not facts.supporter_name.strip():
        raise CapacityError(SUPPORTER_NAME, "supporter_name")
    with transaction.atomic():
        decision, _ = CapacityDecision.objects.update_or_create(
            child=child,
            defaults={
                "has_capacity": facts.has_capacity,
                "decided_on": facts.decided_on,
                "decided_by": facts.decided_by.strip(),
                "how_decided": facts.how_decided.strip(),
                "supporter_kind": supporter,
                "supporter_name": facts.supporter_name.strip()
                if supporter != SupporterKind.NONE
                else "",
                "recorded_by": by,
                "recorded_at": timezone.now(),
            },
        )
        audit_event_record(
            person=by,
            action=AuditAction.UPDATE,
            child_id=child.pk,
            object_type="capacitydecision",
            object_id=decision.pk,
        )
    return decision

"""The family view in the demo area: the demo young person's capacity decision (they have
capacity, with a parent to support them), and one view from the demo parent before a review,
for the coordinator to accept. Written after the bulk seed, in a fixed order: the same area
gives the same rows."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from goldenthread.web.accounts.models import User
from goldenthread.web.family.meetings import next_meeting_due
from goldenthread.web.family.models import (
    CapacityDecision,
    FamilyIdea,
    FamilyIdeaKind,
    SupporterKind,
)
from goldenthread.web.family.selectors import current_plan
from goldenthread.web.plans.models import Child, ChildRelationship, RelationshipKind

DEMO_VIEW = (
    "Things are better at school this year. Mornings are still hard. "
    "We would like to talk about what comes next."
)


def _child_of(user: User, kind: str) -> Child | None:
    found = (
        ChildRelationship.objects.filter(person=user, kind=kind, child__archived_at__isnull=True)
        .order_by("child_id")
        .select_related("child")
        .first()
    )
    return found.child if found else None


def _worker(child: Child) -> User | None:
    plan = current_plan(child)
    if plan is not None and plan.coordinator_id is not None:
        return plan.coordinator
    found = (
        ChildRelationship.objects.filter(child=child, kind=RelationshipKind.CASEWORKER)
        .order_by("pk")
        .select_related("person")
        .first()
    )
    return found.person if found else None


def demo_family_add(*, today: dt.date) -> int:
    """Rows added: a capacity decision for ``young-person`` and a view from ``parent``."""
    added = 0
    people = User.objects.filter(username__in=("young-person", "parent")).in_bulk(
        field_name="username"
    )
    young = people.get("young-person")
    child = _child_of(young, RelationshipKind.SELF) if young else None
    worker = _worker(child) if child else None
    if child is not None and worker is not None:
        parent = (
            ChildRelationship.objects.filter(child=child, kind=RelationshipKind.PARENT)
            .order_by("pk")
            .select_related("person")
            .first()
        )
        CapacityDecision.objects.update_or_create(
            child=child,
            defaults={
                "has_capacity": True,
                "decided_on": today - dt.timedelta(days=60),
                "decided_by": f"{worker.display_name}, {worker.get_role_display()}",
                "how_decided": "Talked through the plan with them using easy-read notes; "
                "they understood, remembered and weighed up the choices and told us their "
                "decision.",
                "supporter_kind": SupporterKind.PARENT if parent else SupporterKind.NONE,
                "supporter_name": parent.person.display_name if parent else "",
                "recorded_by": worker,
                "recorded_at": timezone.now(),
            },
        )
        added += 1
    mum = people.get("parent")
    child = _child_of(mum, RelationshipKind.PARENT) if mum else None
    plan = current_plan(child) if child else None
    meeting = next_meeting_due(plan) if plan is not None else None
    if mum is not None and plan is not None and meeting is not None:
        FamilyIdea.objects.get_or_create(
            plan=plan,
            author=mum,
            kind=FamilyIdeaKind.REVIEW_VIEWS,
            defaults={
                "text": DEMO_VIEW,
                "author_role": mum.role,
                "review_due": meeting,
            },
        )
        added += 1
    return added

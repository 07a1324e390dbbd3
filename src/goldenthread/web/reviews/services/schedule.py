"""Work out each plan's deadlines with the core and store them, so lists are plain queries.

``plan_schedule_refresh`` runs after anything that changes a plan's review facts;
``plan_schedules_refresh_all`` runs from ``goldenthread reviews refresh`` (daily), because some
deadlines (a phase transfer, the Year 9 review) only appear as time passes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet

from goldenthread.core.reviews import (
    DeadlineKind,
    DeadlineState,
    DeadlineStatus,
    deadlines_for_plan,
)
from goldenthread.web.plans.models import Plan, PlanStatus
from goldenthread.web.reviews.facts import plan_facts
from goldenthread.web.reviews.models import PlanDeadline, Review

BATCH = 2000


def live_plans() -> QuerySet[Plan]:
    """Final plans in force: not archived, not replaced by a newer version, child not archived."""
    return Plan.objects.filter(
        archived_at__isnull=True,
        status=PlanStatus.FINAL,
        next_version__isnull=True,
        child__archived_at__isnull=True,
    )


def plan_deadlines(plan: Plan, *, today: dt.date) -> list[DeadlineStatus]:
    """Every current deadline for one plan, worked out now by the core."""
    held_reviews = Review.objects.filter(plan=plan)
    reviews = list(held_reviews.order_by("-meeting_on", "-id")[:1])
    held = held_reviews.count()
    facts = plan_facts(plan, last=reviews[0] if reviews else None, reviews_held=held)
    return deadlines_for_plan(facts, today=today)


def _next_review(statuses: Iterable[DeadlineStatus]) -> dt.date | None:
    return next(
        (s.deadline.due for s in statuses if s.deadline.kind is DeadlineKind.NEXT_REVIEW), None
    )


def _rows(plan: Plan, statuses: Iterable[DeadlineStatus], today: dt.date) -> list[PlanDeadline]:
    return [
        PlanDeadline(
            plan_id=plan.pk,
            local_authority_id=plan.child.local_authority_id,
            setting_id=plan.child.current_setting_id,
            coordinator_id=plan.coordinator_id,
            kind=status.deadline.kind.value,
            due=status.deadline.due,
            rule=status.deadline.rule,
            notes=" ".join(status.deadline.notes),
            worked_out_on=today,
        )
        for status in statuses
        if status.state is not DeadlineState.MET
    ]


def plan_schedule_refresh(*, plan: Plan, today: dt.date) -> list[DeadlineStatus]:
    """Store the plan's unmet deadlines and (for a plan in force) its next review date; return
    every deadline."""
    is_live = live_plans().filter(pk=plan.pk).exists()
    statuses = plan_deadlines(plan, today=today) if is_live else []
    due = _next_review(statuses)
    with transaction.atomic():
        PlanDeadline.objects.filter(plan=plan).delete()
        PlanDeadline.objects.bulk_create(_rows(plan, statuses, today))
        if is_live:
            # A stored calculation, not an edit: no new row version, so no open form clashes.
            # (A draft keeps the plans service's estimate: the core has no deadlines for it.)
            Plan.objects.filter(pk=plan.pk).update(next_review_due=due)
            plan.next_review_due = due
    return statuses


def plan_schedules_refresh_all(*, today: dt.date) -> int:
    """Work out and store the deadlines of every live plan. Returns how many plans."""
    done = 0
    with transaction.atomic():
        PlanDeadline.objects.all().delete()
        ids = list(live_plans().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            done += _refresh_batch(ids[start : start + BATCH], today)
    return done


def _refresh_batch(ids: list[int], today: dt.date) -> int:
    plans = list(Plan.objects.filter(pk__in=ids).select_related("child"))
    by_plan: dict[int, list[Review]] = defaultdict(list)
    for review in Review.objects.filter(plan_id__in=ids).order_by("-meeting_on", "-id"):
        by_plan[review.plan_id].append(review)
    rows: list[PlanDeadline] = []
    changed: list[Plan] = []
    for plan in plans:
        reviews = by_plan.get(plan.pk, [])
        facts = plan_facts(plan, last=reviews[0] if reviews else None, reviews_held=len(reviews))
        statuses = deadlines_for_plan(facts, today=today)
        rows += _rows(plan, statuses, today)
        due = _next_review(statuses)
        if due != plan.next_review_due:
            plan.next_review_due = due
            changed.append(plan)
    PlanDeadline.objects.bulk_create(rows, batch_size=BATCH)
    Plan.objects.bulk_update(changed, ["next_review_due"], batch_size=BATCH)
    return len(plans)

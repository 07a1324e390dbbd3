"""Shared helpers for the review tests: a plan that is late, and the review form's data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from goldenthread.web.plans.models import Outcome, Plan
from goldenthread.web.reviews.services.schedule import plan_schedule_refresh

CHILD_WORDS = "I like the lunch club now. I want to go swimming with my class."
PARENT_WORDS = "Ada is calmer in the mornings and talks about her friend Mo."
REVISED = "By July 2027, I will ask a question in a group of six without help."
NEW_STEP = "I will put my hand up once in each maths lesson."


def make_late(plan: Plan, *, days: int = 400) -> Plan:
    """Issued ``days`` ago with no review, so the next review is late; deadlines stored."""
    today = timezone.localdate()
    Plan.objects.filter(pk=plan.pk).update(issued_on=today - dt.timedelta(days=days))
    plan.refresh_from_db()
    plan_schedule_refresh(plan=plan, today=today)
    return plan


def review_post(
    plan: Plan,
    *,
    levels: dict[int, int] | None = None,
    revise: Outcome | None = None,
    step_for: Outcome | None = None,
    meeting_on: dt.date | None = None,
    decision: str = "amend",
) -> dict[str, Any]:
    day = meeting_on or timezone.localdate()
    data: dict[str, Any] = {
        "kind": "annual",
        "meeting_on-day": day.day,
        "meeting_on-month": day.month,
        "meeting_on-year": day.year,
        "invited": "Ada, her mum, Ms Patel (SENCO)",
        "child_views": CHILD_WORDS,
        "parent_views": PARENT_WORDS,
        "pro1-name": "Ms Patel",
        "pro1-role": "SENCO",
        "pro1-text": "Ada joins group work most days now.",
        "decision": decision,
        "decision_made_on-day": day.day,
        "decision_made_on-month": day.month,
        "decision_made_on-year": day.year,
        "action": "save",
    }
    outcomes = list(plan.outcomes.filter(archived_at__isnull=True))
    for outcome in outcomes:
        prefix = f"o{outcome.pk}"
        data[f"{prefix}-gas_level"] = (levels or {}).get(outcome.pk, 0)
        data[f"{prefix}-decision"] = "continue"
        data[f"{prefix}-evidence"] = "Seen in class by the teacher."
    if revise is not None:
        data[f"o{revise.pk}-decision"] = "revise"
        data[f"o{revise.pk}-new_text"] = REVISED
    if step_for is not None:
        data[f"o{step_for.pk}-new_step"] = NEW_STEP
        data[f"o{step_for.pk}-new_step_due-day"] = "1"
        data[f"o{step_for.pk}-new_step_due-month"] = "3"
        data[f"o{step_for.pk}-new_step_due-year"] = str(day.year + 1)
    return data

"""When the next meeting to check a plan is, and when the family's views are wanted by."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from goldenthread.core.reviews import DeadlineKind
from goldenthread.web.plans.models import Plan
from goldenthread.web.reviews.models import PlanDeadline

# Families are asked for their views two weeks before the meeting, as professionals are asked
# for advice (notifications.needs.ADVICE_BEFORE).
VIEWS_BEFORE = dt.timedelta(days=14)


def next_meeting_due(plan: Plan) -> dt.date | None:
    """The next review's due date: the stored deadline (reviews.schedule), else the plan's."""
    today = timezone.localdate()
    stored = (
        PlanDeadline.objects.filter(plan=plan, kind=DeadlineKind.NEXT_REVIEW, due__gte=today)
        .order_by("due")
        .values_list("due", flat=True)
        .first()
    )
    due = stored or plan.next_review_due
    return due if due is not None and due >= today else None


def views_wanted_by(plan: Plan) -> dt.date | None:
    """The day the family's views are wanted by: two weeks before the next meeting."""
    due = next_meeting_due(plan)
    return None if due is None else max(due - VIEWS_BEFORE, timezone.localdate())

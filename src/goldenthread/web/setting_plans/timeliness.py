"""Review timeliness on the setting dashboard: one figure for each named review rule, so the
SENCO and the head see which part of the graduated approach is slipping.

- ``setting_plan_review_due`` (core.reviews.deadlines): the assess, plan, do, review meeting at
  least termly, by the end of the term after the last one (SEND Code of Practice 6.65).
- ``isp_plan_review_due`` (core.reviews.setting_plans): the whole setting plan reviewed at
  least every 12 months (the Schools White Paper, February 2026).
- The EHC plans of the setting's pupils: their annual review (``annual_review_due`` or, under
  5, ``under_five_review_due``), as the reviews pages work it out.

The termly and annual deadlines are the rows the reviews app keeps (``PlanDeadline``); the
12-month rule is worked out here with the core rule, for the setting's few hundred plans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q

from goldenthread.core.reviews.setting_plans import isp_plan_review_due
from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.reviews.models import PlanDeadline, Review, ReviewKind

TERMLY_RULE = "setting_plan_review_due"
WHOLE_PLAN_RULE = "isp_plan_review_due"
EHC_RULE = "ehc_annual_review"
DUE_SOON_DAYS = 30
LABELS = {
    TERMLY_RULE: "Termly reviews (assess, plan, do, review)",
    WHOLE_PLAN_RULE: "Whole setting plan reviewed within 12 months",
    EHC_RULE: "EHC plan annual reviews",
}


@dataclass(frozen=True)
class Timeliness:
    """How many plans are late, or due within 30 days, by one named review rule."""

    rule: str
    label: str
    late: int
    due_soon: int


def is_late(due: dt.date, today: dt.date) -> bool:
    """Late from the day after the day it was due: a review held on the day it is due is on
    time."""
    return due < today


def is_due_soon(due: dt.date, today: dt.date) -> bool:
    """Due today or within the next 30 days (today + 30 counts, today + 31 does not)."""
    return today <= due <= today + dt.timedelta(days=DUE_SOON_DAYS)


def _counted(rule: str, rows: Any, today: dt.date) -> Timeliness:
    soon_until = today + dt.timedelta(days=DUE_SOON_DAYS)
    counts = rows.aggregate(
        late=Count("pk", filter=Q(due__lt=today)),
        soon=Count("pk", filter=Q(due__gte=today, due__lte=soon_until)),
    )
    return Timeliness(rule, LABELS[rule], counts["late"], counts["soon"])


def whole_plan_dues(sheets: Sequence[tuple[Any, ...]]) -> list[dt.date]:
    """Each live setting plan's 12-month review date: from the day it was issued (or started,
    for a draft), or from its last annual review since."""
    started = {row[0]: row[3] or row[4] for row in sheets if (row[3] or row[4])}
    annual = dict(
        Review.objects.filter(
            plan_id__in=list(started), kind=ReviewKind.ANNUAL, archived_at__isnull=True
        )
        .values("plan_id")
        .annotate(last=Max("meeting_on"))
        .values_list("plan_id", "last")
    )
    dues = []
    for plan_id, start in started.items():
        last = annual.get(plan_id)
        whole = last if last is not None and last >= start else None
        dues.append(isp_plan_review_due(started_on=start, last_whole_review=whole).due)
    return dues


def review_timeliness(
    setting_id: int, sheets: Sequence[tuple[Any, ...]], today: dt.date
) -> list[Timeliness]:
    """``sheets``: the setting's live plans as (plan id, tier, sections, issued on, started on)."""
    deadlines = PlanDeadline.objects.filter(setting_id=setting_id, kind="next_review")
    termly = _counted(TERMLY_RULE, deadlines.filter(rule=TERMLY_RULE), today)
    dues = whole_plan_dues(sheets)
    whole = Timeliness(
        WHOLE_PLAN_RULE,
        LABELS[WHOLE_PLAN_RULE],
        sum(1 for d in dues if is_late(d, today)),
        sum(1 for d in dues if is_due_soon(d, today)),
    )
    ehc = _counted(EHC_RULE, deadlines.filter(plan__kind=PlanKind.EHC_PLAN), today)
    return [termly, whole, ehc]

"""Deadlines for a setting's own plan (SEN support plan or Individual Support Plan).

Two rules together: the assess, plan, do, review cycle's termly review
(``deadlines.setting_plan_review_due``), and the whole plan looked at again with the family at
least every 12 months (``isp_plan_review_due``). The earlier of the two is the next review.
"""

from __future__ import annotations

import datetime as dt

from goldenthread.core import calendar as cal
from goldenthread.core.reviews.deadlines import setting_plan_review_due
from goldenthread.core.reviews.model import (
    Deadline,
    DeadlineKind,
    Period,
    deadline_rule,
    make_deadline,
)
from goldenthread.core.vocabulary import PlanKind

WHOLE_PLAN_PERIOD = Period(months=12)
WHOLE_PLAN_SOURCE = (
    "Schools White Paper 'Every Child Achieving and Thriving' (February 2026): an Individual "
    "Support Plan reviewed at least every 12 months"
)


@deadline_rule(WHOLE_PLAN_SOURCE)
def isp_plan_review_due(*, started_on: dt.date, last_whole_review: dt.date | None) -> Deadline:
    """A setting's plan is looked at as a whole, with the family, within 12 months of the day
    it started or of the last annual (whole plan) review.

    The White Paper proposes that every Individual Support Plan is reviewed at least every 12
    months, beside the termly assess, plan, do, review meetings.
    """
    start = last_whole_review if last_whole_review is not None else started_on
    return make_deadline(
        "isp_plan_review_due", DeadlineKind.NEXT_REVIEW, WHOLE_PLAN_PERIOD.after(start)
    )


def setting_plan_deadlines(
    *,
    started_on: dt.date,
    last_review: dt.date | None,
    last_whole_review: dt.date | None,
    terms: cal.TermDates | None = None,
) -> tuple[Deadline, Deadline]:
    """The next termly review and the next whole plan review, both worked out from the rules."""
    termly = setting_plan_review_due(
        kind=PlanKind.SEN_SUPPORT, started_on=started_on, last_review=last_review, terms=terms
    )
    whole = isp_plan_review_due(started_on=started_on, last_whole_review=last_whole_review)
    return termly, whole


def next_setting_review(
    *,
    started_on: dt.date,
    last_review: dt.date | None,
    last_whole_review: dt.date | None,
    terms: cal.TermDates | None = None,
) -> Deadline:
    """Whichever of the two comes first."""
    termly, whole = setting_plan_deadlines(
        started_on=started_on,
        last_review=last_review,
        last_whole_review=last_whole_review,
        terms=terms,
    )
    return termly if termly.due <= whole.due else whole

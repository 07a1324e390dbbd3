"""How often each kind of plan is reviewed: one table of defaults, each with its source.

Where the law or statutory guidance sets the interval, the source names it. Where it does not,
the row says "local default": a sensible figure that a local area can change by passing its own
table (``intervals=``) to the rule functions. ``first`` runs from the plan's start (for an EHC
plan, the day it was issued), ``second`` from the first review to the second (when it differs)
and ``then`` between every later review.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from goldenthread.core.reviews.model import Period
from goldenthread.core.vocabulary import PlanKind

UNDER_FIVE_AGE = 5


@dataclass(frozen=True, slots=True)
class ReviewInterval:
    """The review timetable for one kind of plan.

    ``under_five`` (latest) and ``under_five_earliest`` apply while the child is under 5 on the
    day the interval starts (the last review, or the plan's start): see
    ``next_review_due`` for why the age at the start, not at the due date, decides.
    """

    first: Period
    then: Period
    source: str
    statutory: bool
    second: Period | None = None
    under_five: Period | None = None
    under_five_earliest: Period | None = None

    def after_reviews(self, reviews_held: int) -> Period:
        """The period to the next review once ``reviews_held`` reviews have been held."""
        if reviews_held <= 0:
            return self.first
        if reviews_held == 1 and self.second is not None:
            return self.second
        return self.then


LOCAL_DEFAULT = "local default"
TWELVE_MONTHS = Period(months=12)
ONE_TERM = Period(terms=1)
SETTING_PLAN_SOURCE = (
    "SEND Code of Practice 2015, 6.65 (meet parents at least three times a year) and "
    "6.44–6.56 (assess, plan, do, review); once a term is a local default"
)

REVIEW_INTERVALS: Mapping[PlanKind, ReviewInterval] = {
    PlanKind.EHC_PLAN: ReviewInterval(
        first=TWELVE_MONTHS,
        then=TWELVE_MONTHS,
        source=(
            "Children and Families Act 2014 s44(1); SEND Regulations 2014 reg 18; "
            "SEND Code of Practice 2015, 9.166 (annual) and 9.178 (under 5s, every 3 to 6 "
            "months; 6 months is our default)"
        ),
        statutory=True,
        under_five=Period(months=6),
        under_five_earliest=Period(months=3),
    ),
    PlanKind.SEN_SUPPORT: ReviewInterval(
        first=ONE_TERM, then=ONE_TERM, source=SETTING_PLAN_SOURCE, statutory=False
    ),
    PlanKind.IEP: ReviewInterval(
        first=ONE_TERM, then=ONE_TERM, source=SETTING_PLAN_SOURCE, statutory=False
    ),
    PlanKind.IBP: ReviewInterval(
        first=ONE_TERM, then=ONE_TERM, source=SETTING_PLAN_SOURCE, statutory=False
    ),
    PlanKind.TEAM_AROUND: ReviewInterval(
        first=Period(months=3),
        then=Period(months=3),
        source=f"{LOCAL_DEFAULT} (early help team around the child or family meetings)",
        statutory=False,
    ),
    PlanKind.CHILD_IN_NEED: ReviewInterval(
        first=Period(months=3),
        then=Period(months=6),
        source=(
            f"{LOCAL_DEFAULT}, following the child protection review timescales in Working "
            "Together to Safeguard Children 2023 (first within 3 months, then every 6 months)"
        ),
        statutory=False,
    ),
    PlanKind.CHILD_IN_CARE: ReviewInterval(
        first=Period(working_days=20),
        second=Period(months=3),
        then=Period(months=6),
        source=(
            "Care Planning, Placement and Case Review (England) Regulations 2010 reg 33 "
            "(first review within 20 working days of becoming looked after, second within "
            "3 months of the first, then every 6 months); configurable default"
        ),
        statutory=True,
    ),
    PlanKind.SHORT_BREAKS: ReviewInterval(
        first=TWELVE_MONTHS, then=TWELVE_MONTHS, source=LOCAL_DEFAULT, statutory=False
    ),
    PlanKind.HEALTH_CARE: ReviewInterval(
        first=TWELVE_MONTHS,
        then=TWELVE_MONTHS,
        source=(
            "Supporting pupils at school with medical conditions (DfE, 2015): individual "
            "healthcare plans reviewed at least annually"
        ),
        statutory=False,
    ),
}

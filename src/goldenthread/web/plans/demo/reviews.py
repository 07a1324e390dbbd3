"""Three years of review meetings for the demo area, each rating every outcome on the GAS scale.

Without reviews, every Goal Attainment Scaling figure and every year-on-year comparison on the
leaders' pages would be empty. Each plan in force gets a yearly review on each anniversary of its
last review, going back up to ``YEARS_BACK`` years but never before the plan was issued. Each
outcome is rated at each meeting: the level is drawn around a mean that differs by theme and rises
a little each year, so the demo shows real differences and real change (made-up data, labelled as
such; nothing here is a finding).

Rows are written in bulk (no history rows, as for the rest of the demo), in one transaction with
the rest of the area.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import Prefetch

from goldenthread.core.reviews import gas_achievement_status, gas_t_score
from goldenthread.web.plans.models import Outcome, Plan
from goldenthread.web.reviews.models import (
    OutcomeDecision,
    OutcomeProgress,
    PlanDecision,
    Review,
    ReviewKind,
)

YEARS_BACK = 3
# Mean GAS level at a review, by the outcome's first theme (1-4; 0 for none).
THEME_MEAN = {0: -0.2, 1: -0.05, 2: -0.25, 3: -0.35, 4: 0.05}
YEARLY_RISE = 0.15  # each later year's reviews are a little better
SPREAD = 0.95
WRITE_BATCH = 2000


@dataclass(frozen=True)
class DemoReviews:
    reviews: int
    ratings: int


def _level(rng: random.Random, mean: float) -> int:
    return max(-2, min(2, round(rng.gauss(mean, SPREAD))))


def _meetings(plan: Plan, *, today: dt.date) -> list[dt.date]:
    """The plan's yearly review dates, latest first, back to its issue date."""
    if plan.last_reviewed_on is None or plan.issued_on is None:
        return []
    dates = []
    for years in range(YEARS_BACK):
        day = plan.last_reviewed_on - relativedelta(years=years)
        if day <= plan.issued_on or day > today:
            break
        dates.append(day)
    return dates


def _first_theme(outcome: Outcome) -> int:
    numbers = sorted(tag.number for tag in outcome.themes.all())
    return numbers[0] if numbers else 0


def demo_reviews_add(*, seed: int, today: dt.date) -> DemoReviews:
    """Write the demo area's past reviews and their GAS ratings (see the module's docstring)."""
    rng = random.Random(seed + 2)  # noqa: S311 - made-up data, not security  # nosec B311
    plans = (
        Plan.objects.filter(
            status="final",
            archived_at__isnull=True,
            last_reviewed_on__isnull=False,
            next_version__isnull=True,
        )
        .prefetch_related(
            Prefetch(
                "outcomes",
                queryset=Outcome.objects.filter(archived_at__isnull=True).prefetch_related(
                    "themes"
                ),
            )
        )
        .order_by("pk")
    )
    reviews: list[Review] = []
    ratings: dict[int, list[tuple[int, int]]] = defaultdict(list)  # review index -> ratings
    for plan in plans.iterator(chunk_size=500):
        outcomes = list(plan.outcomes.all())
        if not outcomes:
            continue
        for meeting_on in _meetings(plan, today=today):
            years_ago = (today - meeting_on).days // 365
            levels = [
                (
                    outcome.pk,
                    _level(rng, THEME_MEAN[_first_theme(outcome)] - YEARLY_RISE * years_ago),
                )
                for outcome in outcomes
            ]
            ratings[len(reviews)] = levels
            reviews.append(
                Review(
                    plan=plan,
                    kind=ReviewKind.ANNUAL if plan.kind == "ehc_plan" else ReviewKind.SETTING,
                    meeting_on=meeting_on,
                    invitations_sent_on=meeting_on - dt.timedelta(days=15),
                    decision=PlanDecision.KEEP,
                    decision_made_on=meeting_on + dt.timedelta(days=rng.randint(7, 35)),
                    report_sent_on=meeting_on + dt.timedelta(days=rng.randint(5, 14)),
                    t_score=gas_t_score([level for _, level in levels]),
                )
            )
    written = Review.objects.bulk_create(reviews, batch_size=WRITE_BATCH)
    progress = [
        OutcomeProgress(
            review_id=review.pk,
            outcome_id=outcome_id,
            gas_level=level,
            weight=1.0,
            achievement_status=gas_achievement_status(level, baseline=-1),
            decision=OutcomeDecision.CONTINUE,
        )
        for index, review in enumerate(written)
        for outcome_id, level in ratings[index]
    ]
    OutcomeProgress.objects.bulk_create(progress, batch_size=WRITE_BATCH)
    return DemoReviews(reviews=len(written), ratings=len(progress))

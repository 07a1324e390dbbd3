"""The demo area's setting plans: a sheet (tier, layout, sections) for every SEN support plan
the demo seeder made, and short-term outcomes with progress on half of them. Made in bulk, so
``make run`` stays fast; their number follows the children's (about one child in four)."""

from __future__ import annotations

import datetime as dt
import random

from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.plans.models import Outcome, Plan
from goldenthread.web.reviews.models import Review
from goldenthread.web.setting_plans.layout import DEFAULT_LAYOUT
from goldenthread.web.setting_plans.models import (
    SettingPlan,
    ShortTermOutcome,
    ShortTermProgress,
    Tier,
)

TIERS = (Tier.UNIVERSAL, Tier.TARGETED, Tier.TARGETED, Tier.TARGETED_PLUS)
CLASSROOM = (
    "Sits near the front; a word mat and sentence starters on the desk.",
    "Instructions given one step at a time, with a visual timetable.",
    "A quiet space to work in for written tasks; movement breaks between lessons.",
)
ASSESS = (
    "Screening shows difficulty sequencing ideas in writing.",
    "Reading age about two years below; phonics gaps in vowel sounds.",
    "Finds change hard; behaviour log shows most incidents after lunch.",
)
FAMILY = (
    "Likes drawing and football. Writing homework ends in tears at home.",
    "Loves animals. Mum says mornings are the hardest part of the day.",
    "Enjoys building things. Dad says he worries about moving class.",
)
SHORT_TERMS = (
    "By the next review, I will write two sentences on my own with a word mat.",
    "By half term, I will read a short page aloud to an adult each day.",
    "By the next review, I will tell an adult when I need a break, using my card.",
)


def demo_setting_plans_add(*, seed: int, today: dt.date) -> int:
    """Sheets and short-term outcomes for the demo's setting plans; returns how many sheets."""
    rng = random.Random(seed + 20)  # noqa: S311 - made-up data, not security  # nosec B311
    plans = list(
        Plan.objects.filter(
            kind=PlanKind.SEN_SUPPORT,
            archived_at__isnull=True,
            child__current_setting__isnull=False,
            setting_plan__isnull=True,
        )
        .values_list("pk", "child_id", "child__current_setting_id")
        .order_by("pk")
    )
    sheets = [
        SettingPlan(
            plan_id=plan_id,
            setting_id=setting_id,
            tier=rng.choice(TIERS),
            layout=DEFAULT_LAYOUT,
            sections={
                "family": rng.choice(FAMILY),
                "assess": rng.choice(ASSESS),
                "classroom": rng.choice(CLASSROOM),
            },
        )
        for plan_id, _, setting_id in plans
    ]
    SettingPlan.objects.bulk_create(sheets, batch_size=1000)
    first_outcomes = dict(
        Outcome.objects.filter(plan_id__in=[p for p, _, _ in plans], archived_at__isnull=True)
        .order_by("plan_id", "-position", "-id")
        .values_list("plan_id", "pk")
    )
    latest_reviews = dict(
        Review.objects.filter(plan_id__in=first_outcomes)
        .order_by("plan_id", "meeting_on", "id")
        .values_list("plan_id", "pk")
    )
    shorts = [
        ShortTermOutcome(
            outcome_id=first_outcomes[plan_id],
            plan_id=plan_id,
            child_id=child_id,
            review_id=latest_reviews.get(plan_id),
            text=rng.choice(SHORT_TERMS),
            due_date=today + dt.timedelta(days=rng.randint(20, 100)),
            achievement_status="in-progress",
            quality_smart=True,
            source="Set at a setting review (demo)",
        )
        for plan_id, child_id, _ in plans
        if plan_id in first_outcomes and rng.random() < 0.5
    ]
    made = ShortTermOutcome.objects.bulk_create(shorts, batch_size=1000)
    ShortTermProgress.objects.bulk_create(
        (
            ShortTermProgress(
                short_term=short,
                recorded_on=today - dt.timedelta(days=rng.randint(1, 30)),
                gas_level=rng.choice((-1, 0, 0, 1)),
                achievement_status="improving",
            )
            for short in made
            if short.pk is not None and rng.random() < 0.6
        ),
        batch_size=1000,
    )
    return len(sheets)

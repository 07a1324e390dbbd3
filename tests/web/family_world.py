"""The access world (``tests.web.access_world``) with what the family view needs: a meeting to
check the plan coming up, and a review with scores, so every section of the family's page has
something in it."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from goldenthread.web.plans.models import Plan
from goldenthread.web.reviews.models import OutcomeProgress, PlanDecision, Review, ReviewKind
from tests.web.access_world import World, world_create


def family_world_create() -> World:
    world = world_create()
    thread = world.area.thread
    today = timezone.localdate()
    review = Review.objects.create(
        plan=thread.plan,
        kind=ReviewKind.ANNUAL,
        meeting_on=today - dt.timedelta(days=30),
        decision=PlanDecision.KEEP,
    )
    OutcomeProgress.objects.create(
        review=review,
        outcome=thread.outcome,
        gas_level=-1,
        achievement_status="improving",
        decision="continue",
    )
    # A meeting to check the plan, due in the spring (the schedule works it out in the app).
    Plan.objects.filter(pk=thread.plan.pk).update(next_review_due=today + dt.timedelta(days=90))
    thread.plan.refresh_from_db()
    return world

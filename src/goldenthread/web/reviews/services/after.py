"""After the meeting: the report sent, the local authority's decision, the amended plan issued."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.reviews.models import OutcomeGasLevels, Review
from goldenthread.web.reviews.services.schedule import plan_schedule_refresh


def review_after_save(
    *,
    review: Review,
    user: User | None,
    fields: dict[str, object],
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Review:
    """Save dates recorded after the meeting; the plan's deadlines are worked out again."""
    with transaction.atomic():
        record_save(review, user=user, fields=fields, expected_version=expected_version)
        plan_schedule_refresh(plan=review.plan, today=today or timezone.localdate())
    return review


def outcome_gas_levels_save(
    *, levels: OutcomeGasLevels, descriptions: dict[str, str], baseline: int, weight: float
) -> OutcomeGasLevels:
    """Write what each GAS level would look like for an outcome, before it is reviewed."""
    levels.levels = {key: text.strip() for key, text in descriptions.items() if text.strip()}
    levels.baseline = baseline
    levels.weight = weight
    levels.full_clean()
    levels.save()
    return levels

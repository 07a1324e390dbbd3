"""Keep the stored deadlines true when a plan or child changes outside the review pages.

A plan saved (issued, amended into a new version, archived, a new coordinator) has its
deadlines worked out again; a child archived, or moved to another setting or area, has their
plans' rows updated. Bulk writes (the demo seeder) send no signals: run
``goldenthread reviews refresh`` after them.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.utils import timezone

from goldenthread.web.plans.models import Child, Plan
from goldenthread.web.reviews.models import PlanDeadline


def plan_saved(sender: type[Plan], instance: Plan, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from goldenthread.web.reviews.services.schedule import plan_schedule_refresh

    plan_schedule_refresh(plan=instance, today=timezone.localdate())
    if instance.previous_version_id is not None:
        # The older version is no longer the plan in force.
        PlanDeadline.objects.filter(plan_id=instance.previous_version_id).delete()


def child_saved(sender: type[Child], instance: Child, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    rows = PlanDeadline.objects.filter(plan__child=instance)
    if instance.archived_at is not None:
        rows.delete()
        return
    rows.exclude(
        local_authority_id=instance.local_authority_id, setting_id=instance.current_setting_id
    ).update(local_authority_id=instance.local_authority_id, setting=instance.current_setting_id)


def connect() -> None:
    post_save.connect(plan_saved, sender=Plan, dispatch_uid="reviews-plan-saved")
    post_save.connect(child_saved, sender=Child, dispatch_uid="reviews-child-saved")

"""Open and close a child's placements (SEN2 <PlacementDetail>) when their setting changes.

When a child's ``current_setting`` changes, their open main placement (rank 1) ends the day the
change is saved and a new one starts that day at the new setting; a child moved to no setting
only has the open placement closed (a caseworker then starts the right kind of placement on the
return-details page). Bulk writes (the demo, the benchmark area) send no signals and are filled
by ``goldenthread.web.returns.demo``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from goldenthread.web.plans.models import Child
from goldenthread.web.returns.models import ChildPlacement

MAIN_RANK = 1
_BEFORE = "_returns_setting_before"


@receiver(pre_save, sender=Child, dispatch_uid="returns-placement-before")
def child_setting_before(sender: type[Child], instance: Child, **kwargs: Any) -> None:
    before = None
    if instance.pk is not None and not kwargs.get("raw"):
        before = (
            Child.objects.filter(pk=instance.pk)
            .values_list("current_setting_id", flat=True)
            .first()
        )
    setattr(instance, _BEFORE, before)


@receiver(post_save, sender=Child, dispatch_uid="returns-placement-after")
def child_setting_after(sender: type[Child], instance: Child, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    before = getattr(instance, _BEFORE, None)
    now = instance.current_setting_id
    if now == before:
        return
    placement_move(instance, now)


def placement_move(child: Child, setting_id: int | None) -> ChildPlacement | None:
    """End the child's open main placement today and, for a setting, open one there."""
    today = timezone.localdate()
    ChildPlacement.objects.filter(
        child=child, rank=MAIN_RANK, leaving_date__isnull=True, entry_date__lt=today
    ).update(leaving_date=today)
    # One opened earlier today is replaced, not left as a placement of no days.
    ChildPlacement.objects.filter(
        child=child, rank=MAIN_RANK, leaving_date__isnull=True, entry_date=today
    ).delete()
    if setting_id is None:
        return None
    return ChildPlacement.objects.create(
        child=child, setting_id=setting_id, rank=MAIN_RANK, entry_date=today
    )

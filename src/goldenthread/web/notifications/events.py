"""Events that make notifications as they happen: a part proposed, sent back, or decided.

A professional's proposal tells the plan's coordinator; a part sent back tells its author. Once
the thing is dealt with (decided, or changed and sent again), the notification that asked for
it is marked as seen, so a home clears when the work is done. Time-based events (reviews due,
links ending) are made by the daily job in ``goldenthread.web.notifications.daily``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import timezone

from goldenthread.web.notifications.kinds import NoticeKind
from goldenthread.web.notifications.models import Notification
from goldenthread.web.plans.models import ContributionStatus, Need, Outcome, Provision
from goldenthread.web.plans.models.contribution import ContributedPart

WORD: dict[type[ContributedPart], str] = {
    Need: "need",
    Outcome: "outcome",
    Provision: "help (provision)",
}


def _seen(prefix: str) -> None:
    Notification.objects.filter(key__startswith=prefix, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def part_saved(
    sender: type[ContributedPart], instance: ContributedPart, raw: bool = False, **kwargs: Any
) -> None:
    """Tell the person who must act next about a contribution, and clear what was asked before."""
    from goldenthread.web.notifications.services import notification_create

    if raw:
        return
    label = sender._meta.label_lower
    part = f"{label}:{instance.pk}:"
    plan = instance.plan  # type: ignore[attr-defined]
    child = plan.child
    word = WORD.get(sender, "part")
    status = instance.contribution_status
    if instance.archived_at is not None or status == ContributionStatus.ACCEPTED:
        _seen(f"proposed:{part}")
        _seen(f"returned:{part}")
        return
    link = reverse("plan-contributions", args=[plan.pk])
    if status == ContributionStatus.PROPOSED:
        _seen(f"returned:{part}")
        if plan.coordinator_id is None or plan.coordinator_id == instance.proposed_by_id:
            return
        notification_create(
            recipient=plan.coordinator,
            kind=NoticeKind.CONTRIBUTION_WAITING,
            key=f"proposed:{part}{instance.row_version}",
            text=f"A {word} for {child.known_as}'s plan is waiting for your decision",
            link=link,
            child_id=child.pk,
        )
    elif status == ContributionStatus.RETURNED and instance.proposed_by_id is not None:
        _seen(f"proposed:{part}")
        notification_create(
            recipient=instance.proposed_by,  # type: ignore[arg-type]
            kind=NoticeKind.PART_RETURNED,
            key=f"returned:{part}{instance.row_version}",
            text=f"Your {word} for {child.known_as}'s plan was sent back with a comment",
            link=link,
            child_id=child.pk,
        )


def connect() -> None:
    for model in (Need, Outcome, Provision):
        post_save.connect(part_saved, sender=model, dispatch_uid=f"notify-{model.__name__}")

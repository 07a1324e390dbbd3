"""Plans in every state in the demo area (issue 16): draft, issued (with the documents stored at
issue), under amendment (an issued version with a new draft version started) and ceased.

Kept apart from the area's builder so it stays one small call after seeding. Every final or
ceased demo plan is fixed, as an issued plan is (docs/adr/0025-issued-plans-are-fixed.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from goldenthread.web.plans.models import Plan, PlanStatus


@dataclass(frozen=True)
class PlanStates:
    draft: Plan | None
    issued: Plan | None
    under_amendment: Plan | None
    ceased: Plan | None


def _current_ehc_plans() -> list[Plan]:
    """Three current EHC plans; the first has no part waiting for its coordinator.

    A plan with a proposed part (a contribution not yet accepted or returned) cannot be issued,
    so the one re-issued here is chosen from those with none (the seed failed without this).
    """
    from goldenthread.web.plans.services.contributions import plan_waiting_count

    plans = Plan.objects.filter(
        child__is_synthetic=True,
        kind="ehc_plan",
        status=PlanStatus.FINAL,
        archived_at__isnull=True,
        next_version__isnull=True,
        coordinator__isnull=False,
    ).select_related("child", "coordinator")
    found = list(plans.order_by("pk")[:20])
    ready = next((p for p in found if not plan_waiting_count(p)), None)
    if ready is None:
        return []
    return [ready, *[p for p in found if p.pk != ready.pk][:2]]


def plan_states_seed() -> PlanStates:
    """Fix the demo's issued plans, then show each state once on real children's records."""
    from goldenthread.web.plans.services.contributions import plan_issue
    from goldenthread.web.plans.services.plans import plan_amend, plan_create

    Plan.objects.filter(
        child__is_synthetic=True,
        status__in=[PlanStatus.FINAL, PlanStatus.CEASED],
        fixed_at__isnull=True,
    ).update(fixed_at=timezone.now())
    chosen = _current_ehc_plans()
    if len(chosen) < 3:
        return PlanStates(None, None, None, None)
    reissue, amending, drafting = chosen
    assert reissue.coordinator is not None  # chosen for having one
    # Issued here, so its Word and PDF documents are stored at issue.
    issued = plan_issue(plan_amend(plan=reissue, user=None), user=reissue.coordinator)
    plan_amend(plan=amending, user=None)
    draft = plan_create(
        child=drafting.child,
        user=None,
        kind="iep",
        status=PlanStatus.DRAFT,
        start_date=timezone.localdate(),
    )
    ceased = (
        Plan.objects.filter(child__is_synthetic=True, status=PlanStatus.CEASED)
        .filter(~Q(fixed_at=None))
        .first()
    )
    return PlanStates(draft, issued, amending, ceased)

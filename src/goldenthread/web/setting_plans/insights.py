"""Area figures for plans at every tier: children's plans by tier, and short-term outcomes set
between amendments and how many were achieved. Counts of children are protected like every
area dashboard (docs/disclosure-control.md): leaders never see a child.

Each figure is one grouped query over the area's rows, so it costs the same at 35,000 plans as
at 300 (bench/bench_setting_plans.py).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.insights.figures import Figure, figure_build, share_sentence
from goldenthread.web.plans.models import Plan, PlanStatus
from goldenthread.web.setting_plans.models import SettingPlan, ShortTermOutcome, Tier

TIERS = [(t.value, t.label) for t in Tier]
EHC = Tier.SPECIALIST.value


def _live(prefix: str = "") -> Q:
    return Q(**{f"{prefix}archived_at__isnull": True, f"{prefix}next_version__isnull": True})


def _plan_tiers(area_id: int) -> dict[Any, tuple[int, int]]:
    """(tier, "plans") -> (plans, children): one current plan per child per tier."""
    counts: dict[Any, tuple[int, int]] = {}
    sheets = (
        SettingPlan.objects.filter(_live("plan__"), plan__child__local_authority_id=area_id)
        .exclude(plan__kind=PlanKind.EHC_PLAN)
        .values("tier")
        .annotate(plans=Count("plan_id"), children=Count("plan__child_id", distinct=True))
    )
    for row in sheets:
        counts[(row["tier"], "plans")] = (row["plans"], row["children"])
    ehc = Plan.objects.filter(
        _live(), kind=PlanKind.EHC_PLAN, status=PlanStatus.FINAL, child__local_authority_id=area_id
    ).aggregate(plans=Count("pk"), children=Count("child_id", distinct=True))
    counts[(EHC, "plans")] = (ehc["plans"], ehc["children"])
    return counts


def _short_terms(area_id: int) -> dict[Any, tuple[int, int]]:
    """(tier, achieved?) -> (short-term outcomes, children)."""
    rows = (
        ShortTermOutcome.objects.filter(
            archived_at__isnull=True,
            child__local_authority_id=area_id,
            plan__archived_at__isnull=True,
        )
        .values("plan__kind", "plan__setting_plan__tier", "achievement_status")
        .annotate(n=Count("pk"), children=Count("child_id", distinct=True))
    )
    counts: dict[Any, tuple[int, int]] = {}
    for row in rows:
        tier = row["plan__setting_plan__tier"] or (
            EHC if row["plan__kind"] == PlanKind.EHC_PLAN else Tier.TARGETED.value
        )
        column = "achieved" if row["achievement_status"] == "achieved" else "not yet"
        units, children = counts.get((tier, column), (0, 0))
        # Status rows merged into one cell: the larger of their child counts is a lower bound
        # on the children in the cell, so the cell is withheld at least as often as exact
        # counts would make it.
        counts[(tier, column)] = (units + row["n"], max(children, row["children"]))
    return counts


def tier_figures(area_id: int, policy: DisclosurePolicy) -> list[Figure]:
    """The two figures, protected. Counted with the area dashboards' session settings (room
    for the grouped counts in memory), as every area figure is."""
    from goldenthread.web.insights.views import aggregate_session

    with aggregate_session():
        plan_counts, short_counts = _plan_tiers(area_id), _short_terms(area_id)
    plans = figure_build(
        key="plans-by-tier",
        title="Children's plans by tier of support",
        unit="plans",
        counts=plan_counts,
        rows=TIERS,
        columns=[("plans", "Current plans")],
        policy=policy,
        row_heading="Tier",
    )
    shorts = figure_build(
        key="short-terms-by-tier",
        title="Short-term outcomes set between amendments, by tier",
        unit="short-term outcomes",
        counts=short_counts,
        rows=TIERS,
        columns=[("achieved", "Achieved"), ("not yet", "Not achieved yet")],
        policy=policy,
        row_heading="Tier",
        share_column=0,
        share_heading="Achieved",
        summary=share_sentence("achieved", "short-term outcomes"),
    )
    return [plans, shorts]

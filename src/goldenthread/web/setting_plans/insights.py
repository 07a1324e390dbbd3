"""Area figures for plans at every tier: children's plans by tier, and short-term outcomes set
between amendments and how many were achieved. Counts of children are protected like every
area dashboard (docs/disclosure-control.md): leaders never see a child.

The counts are kept per area by the nightly facts refresh (``tier_counts_fill``, table
``TierCount``), so the page reads a few dozen rows at any size (ADR 0046); before the first
refresh they are counted live, each figure one grouped query.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, Q

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.insights.figures import Figure, figure_build, share_sentence
from goldenthread.web.plans.models import Plan, PlanStatus
from goldenthread.web.setting_plans.models import SettingPlan, ShortTermOutcome, Tier, TierCount

TIERS = [(t.value, t.label) for t in Tier]
EHC = Tier.SPECIALIST.value


Counts = dict[Any, tuple[int, int]]
PLANS, SHORT_TERMS = "plans", "short-terms"


def _live(prefix: str = "") -> Q:
    return Q(**{f"{prefix}archived_at__isnull": True, f"{prefix}next_version__isnull": True})


def _in_area(path: str, area_id: int | None) -> Q:
    return Q() if area_id is None else Q(**{path: area_id})


def _plan_tiers(area_id: int | None) -> dict[int, Counts]:
    """Area -> (tier, "plans") -> (plans, children): one current plan per child per tier. Every
    area at once when ``area_id`` is None (the nightly refresh)."""
    counts: dict[int, Counts] = defaultdict(dict)
    area = "plan__child__local_authority_id"
    sheets = (
        SettingPlan.objects.filter(_live("plan__"), _in_area(area, area_id))
        .exclude(plan__kind=PlanKind.EHC_PLAN)
        .values(area, "tier")
        .annotate(plans=Count("plan_id"), children=Count("plan__child_id", distinct=True))
    )
    for row in sheets:
        counts[row[area]][(row["tier"], "plans")] = (row["plans"], row["children"])
    ehc = (
        Plan.objects.filter(
            _live(),
            _in_area("child__local_authority_id", area_id),
            kind=PlanKind.EHC_PLAN,
            status=PlanStatus.FINAL,
        )
        .values("child__local_authority_id")
        .annotate(plans=Count("pk"), children=Count("child_id", distinct=True))
    )
    for row in ehc:
        counts[row["child__local_authority_id"]][(EHC, "plans")] = (row["plans"], row["children"])
    return counts


def _short_terms(area_id: int | None) -> dict[int, Counts]:
    """Area -> (tier, achieved?) -> (short-term outcomes, children)."""
    area = "child__local_authority_id"
    rows = (
        ShortTermOutcome.objects.filter(
            _in_area(area, area_id), archived_at__isnull=True, plan__archived_at__isnull=True
        )
        .values(area, "plan__kind", "plan__setting_plan__tier", "achievement_status")
        .annotate(n=Count("pk"), children=Count("child_id", distinct=True))
    )
    counts: dict[int, Counts] = defaultdict(dict)
    for row in rows:
        tier = row["plan__setting_plan__tier"] or (
            EHC if row["plan__kind"] == PlanKind.EHC_PLAN else Tier.TARGETED.value
        )
        column = "achieved" if row["achievement_status"] == "achieved" else "not yet"
        cells = counts[row[area]]
        units, children = cells.get((tier, column), (0, 0))
        # Status rows merged into one cell: the larger of their child counts is a lower bound
        # on the children in the cell, so the cell is withheld at least as often as exact
        # counts would make it.
        cells[(tier, column)] = (units + row["n"], max(children, row["children"]))
    return counts


def tier_counts_fill() -> int:
    """Replace the kept tier counts for every area (inside the facts refresh's transaction)."""
    rows = [
        TierCount(authority_id=area, figure=figure, tier=tier, column=column, units=u, children=c)
        for figure, by_area in ((PLANS, _plan_tiers(None)), (SHORT_TERMS, _short_terms(None)))
        for area, cells in by_area.items()
        if area is not None
        for (tier, column), (u, c) in cells.items()
    ]
    TierCount.objects.all().delete()
    TierCount.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _kept_counts(area_id: int) -> tuple[Counts, Counts]:
    kept: dict[str, Counts] = {PLANS: {}, SHORT_TERMS: {}}
    for row in TierCount.objects.filter(authority_id=area_id).values_list(
        "figure", "tier", "column", "units", "children"
    ):
        kept[row[0]][(row[1], row[2])] = (row[3], row[4])
    return kept[PLANS], kept[SHORT_TERMS]


def tier_counts(area_id: int, *, live: bool = False) -> tuple[Counts, Counts]:
    """The area's counts: as the last facts refresh kept them (like every area dashboard), or
    counted live when asked or before the first refresh."""
    from goldenthread.web.insights.refresh import last_refresh
    from goldenthread.web.insights.views import aggregate_session

    if not live and last_refresh() is not None:
        return _kept_counts(area_id)
    with aggregate_session():
        return _plan_tiers(area_id).get(area_id, {}), _short_terms(area_id).get(area_id, {})


def tier_figures(area_id: int, policy: DisclosurePolicy) -> list[Figure]:
    """The two figures, protected."""
    plan_counts, short_counts = tier_counts(area_id)
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

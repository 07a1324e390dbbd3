"""Per-plan steps kept by the refresh (ADR 0013, decision 10): the outcomes, gaps, quality and
attainment dashboards' per-child counts, worked out once a night for each current plan.

A dashboard then sums a child's few plan rows instead of counting every outcome: nationally
700,000 rows with plain sums instead of 5.25 million with dozens of conditional counts. The
kept rows serve any filter on the child or the plan (area, need, setting, phase or year group,
period, service); a filter on the outcomes themselves (theme, domain) selects only some of a
plan's outcomes, so it counts from the outcome facts as before (``kept_rows`` gives ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import QuerySet

from goldenthread.web.insights import steps
from goldenthread.web.insights.filters import InsightFilter, facts_q
from goldenthread.web.insights.models import (
    AttainmentPlanStep,
    OutcomeFact,
    OutcomePlanStep,
    OutcomeServiceFact,
    PlanKeys,
    PlanStepBase,
    ProviderPlanStep,
    QualityPlanStep,
)
from goldenthread.web.insights.scans import Step


@dataclass(frozen=True)
class Kept:
    """A kept step: its table, the step, the facts it is worked out from, and any keys besides
    the plan's (who delivers the provision)."""

    model: type[PlanStepBase]
    step: Step
    facts: type[models.Model]
    keys: tuple[str, ...] = ()


KEPT: tuple[Kept, ...] = (
    Kept(OutcomePlanStep, steps.OUTCOMES, OutcomeFact),
    Kept(QualityPlanStep, steps.QUALITY, OutcomeFact),
    Kept(AttainmentPlanStep, steps.ATTAINMENT, OutcomeFact),
    Kept(ProviderPlanStep, steps.BY_PROVIDER, OutcomeServiceFact, keys=("delivered_by",)),
)
# The plan's keys, as the facts' columns (every fact of a plan has the same).
KEY_COLUMNS = tuple(field.column for field in PlanKeys._meta.local_fields)


def plan_steps_fill() -> int:
    """Write every kept step from the facts (inside the refresh's transaction, after the
    facts): one row per current plan with facts (and key). Returns the rows written."""
    written = 0
    for kept in KEPT:
        kept.model._default_manager.all().delete()
        written += _fill(kept)
    return written


def _fill(kept: Kept) -> int:
    keys = (*KEY_COLUMNS, *kept.keys)
    grouped = (
        kept.facts._default_manager.values(*keys).annotate(**kept.step.aggregates()).order_by()
    )
    inner, params = grouped.query.sql_with_params()
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in (*keys, *kept.step.columns()))
    table = quote(kept.model._meta.db_table)
    # Only our own table and column names are formatted in; values stay parameters.
    sql = f"INSERT INTO {table} ({names}) SELECT {names} FROM ({inner}) {quote('facts')}"  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)


def kept_rows(model: type[PlanStepBase], chosen: InsightFilter) -> QuerySet[Any] | None:
    """The kept rows of the plans ``chosen`` selects, or ``None`` when it filters the outcomes
    themselves (by theme or domain), which per-plan rows cannot answer."""
    if chosen.theme or chosen.domain:
        return None
    return model._default_manager.filter(facts_q(chosen))

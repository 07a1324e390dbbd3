"""The aggregate queries behind every dashboard: one GROUP BY each, counted in the database.

Each returns ``Counts``: for every (row, column) pair, how many things (outcomes, needs,
plans) and how many distinct children. No query fetches a child's row into Python.
Outcome, need and provision figures read the nightly facts tables (``models``, ADR 0013);
review and demand figures read plans, which are few enough to count live.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import ExtractYear

from goldenthread.core import vocabulary as v
from goldenthread.core.quality import CRITERIA
from goldenthread.core.reviews.gas import DEFAULT_RHO, T_SCORE_MEAN, T_SCORE_SPREAD
from goldenthread.web.insights.filters import (
    PHASES,
    InsightFilter,
    born_in_year_groups,
    first_plans_chosen,
    has_bits,
    need_facts,
    outcome_facts,
    plans_chosen,
    provision_facts,
    service_facts,
    theme_bit,
)

Counts = dict[tuple[Any, Any], tuple[int, int]]

LATE_BANDS = ((0, "on_time"), (28, "late_4_weeks"), (91, "late_3_months"))


def grouped_count(queryset: QuerySet[Any], *, row: Any, column: Any, to_child: str) -> Counts:
    """Count things and distinct children by a row and a column (field paths or expressions)."""
    grouped = (
        queryset.annotate(g_row=_expression(row), g_col=_expression(column))
        .values("g_row", "g_col")
        .annotate(units=Count("pk", distinct=True), children=Count(to_child, distinct=True))
        .order_by()
    )
    return {(r["g_row"], r["g_col"]): (r["units"], r["children"]) for r in grouped}


def fact_count(queryset: QuerySet[Any], *, row: Any, column: Any, to_child: str) -> Counts:
    """``grouped_count`` for the facts, where each row is one thing: two plain GROUP BYs.

    First by (row, column, child) counting things, then by (row, column) summing them and
    counting the children. A hash aggregate each, where ``COUNT(DISTINCT child)`` sorts every
    group (measured: 3 to 5 times faster on PostgreSQL at 20,000 children; ADR 0013).
    """
    q = connection.ops.quote_name
    inner = (
        queryset.annotate(g_row=_expression(row), g_col=_expression(column))
        .values("g_row", "g_col", to_child)
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = _outer(
        inner,
        f"{q('g_row')}, {q('g_col')}, SUM({q('n')}), COUNT(*)",
        f"GROUP BY {q('g_row')}, {q('g_col')}",
    )
    return {(r, c): (int(units), int(children)) for r, c, units, children in rows}


def _expression(spec: Any) -> Any:
    return F(spec) if isinstance(spec, str) else spec


def phase_case(to_child: str, today: dt.date) -> Case:
    """The phase a child is in today, from their date of birth (an SQL CASE, no Python loop)."""
    whens = []
    for key, (_, low, high) in PHASES.items():
        earliest, latest = born_in_year_groups(max(low, -40), min(high, 40), today)
        whens.append(
            When(**{f"{to_child}date_of_birth__range": (earliest, latest)}, then=Value(key))
        )
    return Case(*whens, default=Value("unknown"))


def lateness_case(today: dt.date) -> Case:
    whens = [
        When(next_review_due__gte=today - dt.timedelta(days=days), then=Value(band))
        for days, band in LATE_BANDS
    ]
    return Case(*whens, default=Value("late_more"))


OUTCOME_ROWS: Mapping[str, Any] = {
    "area": "area",
    "domain": "domain",
    "setting": "setting__name",
    "service": "service__name",
    "team": "coordinator__teams__name",
    "need": "primary_need",
}
# Rows held as bits in one column: (key, bit) for each row, and the row for "none of them".
THEME_FLAGS = [(n, theme_bit(n)) for n in v.THEMES]
DOMAIN_FLAGS = [(d.value, 1 << i) for i, d in enumerate(v.DOMAIN_LABELS)]
FLAG_ROWS: Mapping[str, tuple[str, list[tuple[Any, int]]]] = {
    "theme": ("themes", THEME_FLAGS),
    "provision": ("provision_domains", DOMAIN_FLAGS),
}


def fact_smart_case() -> Case:
    return Case(
        When(smart=True, then=Value("smart")),
        When(smart=False, then=Value("not_smart")),
        default=Value("unchecked"),
    )


def flagged_count(
    queryset: QuerySet[Any], *, flags: Sequence[tuple[Any, Any]], column: Any, to_child: str
) -> Counts:
    """Count things and distinct children for several overlapping rows in ONE scan.

    ``flags`` are (row key, condition) pairs; a thing is counted in every row whose condition
    it meets (an outcome with two themes is in both), as conditional aggregates.
    """
    q = connection.ops.quote_name
    aggregates = {f"u{i}": Count("pk", filter=condition) for i, (_, condition) in enumerate(flags)}
    inner = (
        queryset.annotate(g_col=_expression(column))
        .values("g_col", to_child)
        .annotate(**aggregates)
        .order_by()
    )
    parts = [q("g_col")]
    for i in range(len(flags)):
        parts += [f"SUM({q(f'u{i}')})", f"SUM(CASE WHEN {q(f'u{i}')} > 0 THEN 1 ELSE 0 END)"]
    counts: Counts = {}
    for result in _outer(inner, ", ".join(parts), f"GROUP BY {q('g_col')}"):
        for i, (key, _) in enumerate(flags):
            units, children = result[1 + 2 * i], result[2 + 2 * i]
            if units:
                counts[(key, result[0])] = (int(units), int(children))
    return counts


def _bit_flags(row: str) -> list[tuple[Any, Any]]:
    field, flags = FLAG_ROWS[row]
    every = sum(bit for _, bit in flags)
    return [(key, has_bits(field, bit)) for key, bit in flags] + [
        (None, Q(**{field: 0}) | ~Q(has_bits(field, every)))
    ]


def outcome_counts(chosen: InsightFilter, *, row: str, column: Any) -> Counts:
    """Outcomes (from the nightly facts) by a row and a column."""
    facts = outcome_facts(chosen)
    if row in FLAG_ROWS:
        return flagged_count(facts, flags=_bit_flags(row), column=column, to_child="child_id")
    if row == "provider":
        return fact_count(
            service_facts(chosen), row="delivered_by", column=column, to_child="child_id"
        )
    spec = phase_case("", chosen.today) if row == "phase" else OUTCOME_ROWS[row]
    return fact_count(facts, row=spec, column=column, to_child="child_id")


def need_gap_counts(chosen: InsightFilter) -> Counts:
    """Needs by area and whether an outcome and provision answer them (worked out at refresh:
    an outcome answers the need, and provision helps it directly or through that outcome)."""
    return fact_count(need_facts(chosen), row="area", column="gap", to_child="child_id")


def outcome_provision_counts(chosen: InsightFilter) -> Counts:
    """Outcomes by Education/Health/Social Care, with and without provision to support them."""
    column = Case(When(has_provision=True, then=Value("with")), default=Value("without"))
    return fact_count(outcome_facts(chosen), row="domain", column=column, to_child="child_id")


def provision_use_counts(chosen: InsightFilter) -> Counts:
    """Provision by Education/Health/Social Care: does it support any outcome?"""
    column = Case(When(serves_outcome=True, then=Value("serves")), default=Value("serves_none"))
    return grouped_count(provision_facts(chosen), row="domain", column=column, to_child="child_id")


def failure_flags() -> list[tuple[str, Any]]:
    """One condition per quality criterion: the outcome's words fail it."""
    return [(name, has_bits("failed", 1 << i)) for i, name in enumerate(CRITERIA)]


def failure_counts(chosen: InsightFilter) -> Counts:
    """For each criterion, checked outcomes that fail it and those that do not."""
    flags: list[tuple[Any, Any]] = []
    for i, name in enumerate(CRITERIA):
        flags.append(((name, "fails"), has_bits("failed", 1 << i)))
        flags.append(((name, "passes"), Q(failed__isnull=False) & ~Q(has_bits("failed", 1 << i))))
    counts = flagged_count(
        outcome_facts(chosen), flags=flags, column=Value("all"), to_child="child_id"
    )
    return {key: value for (key, _), value in counts.items()}


# -- GAS: each child's Kiresuk-Sherman T-score over their outcomes in a group, then the mean --


@dataclass(frozen=True, slots=True)
class GasGroup:
    children: int
    mean: float | None


def _t_sql(sx: str, sw: str, sw2: str) -> str:
    """The core's formula (``core.reviews.gas``) on per-child sums: sum(w*x), sum(w), sum(w^2).

    T = 50 + 10 * sum(w x) / sqrt((1 - rho) * sum(w^2) + rho * sum(w)^2).
    """
    return (
        f"({T_SCORE_MEAN!r} + {T_SCORE_SPREAD!r} * {sx}"
        f" / SQRT({1 - DEFAULT_RHO!r} * {sw2} + {DEFAULT_RHO!r} * {sw} * {sw}))"
    )


def _sums(prefix: str = "", condition: Any = None) -> dict[str, Any]:
    level, weight = F(f"{prefix}gas_level"), F(f"{prefix}gas_weight")
    return {
        "sx": Sum(weight * level, filter=condition, output_field=FloatField()),
        "sw": Sum(weight, filter=condition, output_field=FloatField()),
        "sw2": Sum(weight * weight, filter=condition, output_field=FloatField()),
    }


def _outer(inner: QuerySet[Any], select: str, group: str = "") -> list[tuple[Any, ...]]:
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select} FROM ({sql}) per_child {group}", params)  # noqa: S608
        return list(cursor.fetchall())


@dataclass(frozen=True)
class Measured:
    """Counts of things and children by (row, measure), and each row's GAS children and mean."""

    counts: Counts
    gas: dict[Any, GasGroup]


def measured(
    queryset: QuerySet[Any],
    *,
    measures: Sequence[tuple[Any, Any]],
    row: Any = None,
    flags: Sequence[tuple[Any, Any]] | None = None,
    gas: bool = False,
    to_child: str = "child_id",
) -> Measured:
    """Several figures' numbers from ONE scan of the facts: two plain GROUP BYs.

    First by (row, child): for each measure (a condition, e.g. "achieved" or "fails the
    time-bound check") how many of the child's things meet it, and with ``gas`` the sums the
    T-score needs. Then by row: things (a sum), children (those with any) and the mean of the
    children's T-scores. Rows are a column (``row``) or overlapping conditions (``flags``:
    themes, types of provision), in which case the first step groups by child alone.

    A child's T-score in a row is the core's formula (``core.reviews.gas``) over the child's
    rated outcomes in that row: each outcome's latest level and weight.
    """
    q = connection.ops.quote_name
    groups: Sequence[tuple[Any, Any]] = flags if flags is not None else [(None, None)]
    aggregates = _per_child(groups, measures, gas=gas)
    if flags is None:
        inner = queryset.annotate(g_row=_expression(row)).values("g_row", to_child)
        head, group_by = [q("g_row")], f"GROUP BY {q('g_row')}"
    else:
        inner = queryset.values(to_child)
        head, group_by = [], ""
    inner = inner.annotate(**aggregates).order_by()
    parts = head + _per_row(len(groups), len(measures), gas=gas)
    counts: Counts = {}
    means: dict[Any, GasGroup] = {}
    for result in _outer(inner, ", ".join(parts), group_by):
        values = list(result[len(head) :])
        for group_key, _ in groups:
            key = result[0] if flags is None else group_key
            for measure_key, _ in measures:
                units, children = values.pop(0), values.pop(0)
                if units:
                    counts[(key, measure_key)] = (int(units), int(children))
            if gas:
                children, mean = values.pop(0), values.pop(0)
                if children:
                    means[key] = GasGroup(int(children), float(mean))
    return Measured(counts, means)


def _per_child(
    groups: Sequence[tuple[Any, Any]], measures: Sequence[tuple[Any, Any]], *, gas: bool
) -> dict[str, Any]:
    """The first GROUP BY's aggregates: m{group}_{measure}, and sx/sw/sw2_{group} for GAS."""
    rated = Q(gas_level__isnull=False, gas_weight__gt=0)
    aggregates: dict[str, Any] = {}
    for g, (_, group_condition) in enumerate(groups):
        for m, (_, condition) in enumerate(measures):
            both = condition if group_condition is None else Q(group_condition) & Q(condition)
            aggregates[f"m{g}_{m}"] = Count("pk", filter=both)
        if gas:
            only = rated if group_condition is None else rated & Q(group_condition)
            for name, total in _sums(condition=only).items():
                aggregates[f"{name}_{g}"] = total
    return aggregates


def _per_row(groups: int, measures: int, *, gas: bool) -> list[str]:
    """The second GROUP BY's columns, in the order ``measured`` reads them back."""
    q = connection.ops.quote_name
    parts = []
    for g in range(groups):
        for m in range(measures):
            cell = q(f"m{g}_{m}")
            parts += [f"SUM({cell})", f"SUM(CASE WHEN {cell} > 0 THEN 1 ELSE 0 END)"]
        if gas:
            sx, sw, sw2 = q(f"sx_{g}"), q(f"sw_{g}"), q(f"sw2_{g}")
            parts += [
                f"SUM(CASE WHEN {sw} > 0 THEN 1 ELSE 0 END)",
                f"AVG(CASE WHEN {sw} > 0 THEN {_t_sql(sx, sw, sw2)} END)",
            ]
    return parts


ACHIEVEMENT_MEASURES = [
    (key, Q(achievement=key)) for key in ("achieved", "working", "not_achieved")
]
SMART_MEASURES = [
    ("smart", Q(smart=True)),
    ("not_smart", Q(smart=False)),
    ("unchecked", Q(smart__isnull=True)),
]


def attainment(chosen: InsightFilter, *, row: str) -> Measured:
    """Outcomes achieved, still worked on and not achieved, and GAS, by a row (one scan)."""
    if row == "provider":
        return measured(
            service_facts(chosen), row="delivered_by", measures=ACHIEVEMENT_MEASURES, gas=True
        )
    if row in FLAG_ROWS:
        return measured(
            outcome_facts(chosen), flags=_bit_flags(row), measures=ACHIEVEMENT_MEASURES, gas=True
        )
    spec = phase_case("", chosen.today) if row == "phase" else OUTCOME_ROWS[row]
    return measured(outcome_facts(chosen), row=spec, measures=ACHIEVEMENT_MEASURES, gas=True)


def quality(chosen: InsightFilter, *, row: str, failures_too: bool = True) -> tuple[Counts, Counts]:
    """SMART or not, and outcomes failing each check, by a row (one scan): (smart, failures)."""
    failures = failure_flags() if failures_too else []
    result = measured(
        outcome_facts(chosen), row=OUTCOME_ROWS[row], measures=[*SMART_MEASURES, *failures]
    )
    smart_keys = {key for key, _ in SMART_MEASURES}
    smart = {k: v for k, v in result.counts.items() if k[1] in smart_keys}
    failed = {k: v for k, v in result.counts.items() if k[1] not in smart_keys}
    return smart, failed


PLAN_ROWS: Mapping[str, str] = {
    "setting": "child__current_setting__name",
    "service": "coordinator__organisation__name",
    "team": "coordinator__teams__name",
    "coordinator": "coordinator__username",
}


def review_counts(chosen: InsightFilter, *, row: str) -> Counts:
    """Current plans with a review date, by how late the review is."""
    plans = plans_chosen(chosen).filter(next_review_due__isnull=False)
    return grouped_count(
        plans, row=PLAN_ROWS[row], column=lateness_case(chosen.today), to_child="child_id"
    )


def coordinator_names(chosen: InsightFilter) -> dict[str, str]:
    """Coordinators' names by username (staff, not children), for the review table."""
    rows = (
        plans_chosen(chosen)
        .order_by()
        .values_list("coordinator__username", "coordinator__first_name", "coordinator__last_name")
        .distinct()
    )
    return {user: f"{first} {last}".strip() or user for user, first, last in rows if user}


def new_plan_counts(chosen: InsightFilter) -> Counts:
    """First EHC plans by primary need and the calendar year they started (one per child)."""
    plans = first_plans_chosen(chosen)
    return grouped_count(
        plans, row="child__primary_need", column=ExtractYear("start_date"), to_child="child_id"
    )

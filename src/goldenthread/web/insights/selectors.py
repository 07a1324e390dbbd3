"""The aggregate queries behind every dashboard: one GROUP BY each, counted in the database.

Each returns ``Counts``: for every (row, column) pair, how many things (outcomes, needs,
plans) and how many distinct children. No query fetches a child's row into Python.
Outcome, need and provision figures read the nightly facts tables (``models``, ADR 0013);
review and demand figures read plans, which are few enough to count live.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.db import connection
from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from goldenthread.core.quality import CRITERIA
from goldenthread.web.access.models import Team
from goldenthread.web.accounts.models import Organisation, User
from goldenthread.web.insights import steps
from goldenthread.web.insights.bits import bit_flags
from goldenthread.web.insights.filters import (
    PHASES,
    InsightFilter,
    born_in_year_groups,
    first_plans_chosen,
    need_facts,
    only_plan_case,
    outcome_facts,
    plans_chosen,
    provision_facts,
    service_facts,
)
from goldenthread.web.insights.kept import kept_rows
from goldenthread.web.insights.models import (
    AttainmentPlanStep,
    OutcomePlanStep,
    ProviderPlanStep,
    QualityPlanStep,
)
from goldenthread.web.insights.scans import (
    Counts,
    Cut,
    Measured,
    Step,
    by_key,
    by_name,
    by_team,
    measured,
)

LATE_BANDS = ((0, "on_time"), (28, "late_4_weeks"), (91, "late_3_months"))
TEAM_MEMBERS = Team.members.through._meta.db_table


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


def _outer(inner: QuerySet[Any], select: str, group: str = "") -> list[tuple[Any, ...]]:
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        sql = f"SELECT {select} FROM ({sql}) per_child {group}"  # noqa: S608  # nosec B608
        cursor.execute(sql, params)
        return list(cursor.fetchall())


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


@dataclass(frozen=True)
class OutcomeFigures:
    """Outcomes by theme, by area of need and domain, and by domain with or without provision."""

    by_theme: Counts
    by_area: Counts
    provision: Counts


def outcome_figures(chosen: InsightFilter) -> OutcomeFigures:
    """Every outcome count of the outcomes and gaps dashboards from one scan of the outcome
    facts (or of the kept per-plan step). An outcome with two themes is in both rows."""
    results = measured(
        outcome_facts(chosen),
        step=steps.OUTCOMES,
        kept=kept_rows(OutcomePlanStep, chosen),
        cuts={"everyone": Cut(row=None)},
    )
    figures = OutcomeFigures({}, {}, {})
    for (_, key), counted in results["everyone"].counts.items():
        if key[0] == "theme":
            figures.by_theme[(key[1], "all")] = counted
        elif key[1] in ("with", "without"):
            figures.provision[key] = counted
        else:
            figures.by_area[key] = counted
    return figures


def need_gap_counts(chosen: InsightFilter) -> Counts:
    """Needs by area and whether an outcome and provision answer them (worked out at refresh:
    an outcome answers the need, and provision helps it directly or through that outcome)."""
    return fact_count(need_facts(chosen), row="area", column="gap", to_child="child_id")


def provision_use_counts(chosen: InsightFilter) -> Counts:
    """Provision by Education/Health/Social Care: does it support any outcome?"""
    column = Case(When(serves_outcome=True, then=Value("serves")), default=Value("serves_none"))
    return grouped_count(provision_facts(chosen), row="domain", column=column, to_child="child_id")


def attainment(chosen: InsightFilter) -> dict[str, Measured]:
    """Outcomes achieved, still worked on and not achieved, and GAS, by theme, need, phase,
    type of provision (one scan of the outcome facts, or of the kept per-plan step) and
    provider (one of the provider facts).
    """
    first_provision = 1 + len(bit_flags("theme"))
    last = len(steps.ATTAINMENT.groups)
    results = measured(
        outcome_facts(chosen),
        step=steps.ATTAINMENT,
        kept=kept_rows(AttainmentPlanStep, chosen),
        keys={"need": "primary_need", "phase": phase_case("", chosen.today)},
        child_keys=True,  # a child's need and date of birth are the same on all their facts
        cuts={
            "theme": Cut(row=None, groups=tuple(range(1, first_provision))),
            "need": by_key("need"),
            "phase": by_key("phase"),
            "provision": Cut(row=None, groups=tuple(range(first_provision, last))),
        },
    )
    by_provider = measured(
        service_facts(chosen),
        step=steps.BY_PROVIDER,
        kept=kept_rows(ProviderPlanStep, chosen),
        keys={"provider": "delivered_by"},
        cuts={"provider": by_key("provider")},
    )
    return {**results, **by_provider}


@dataclass(frozen=True)
class Quality:
    """SMART or not by setting, service, team and domain, outcomes failing each check by
    setting, service and team, and for each check the outcomes failing and passing it."""

    smart: dict[str, Counts]
    failures: dict[str, Counts]
    checks: Counts


def quality(chosen: InsightFilter) -> Quality:
    """Every figure of the quality dashboard from one scan of the outcome facts (or of the
    kept per-plan step)."""
    organisations = Organisation._meta.db_table
    measures = steps.QUALITY.measures
    smart_count = len(steps.SMART_MEASURES)
    # By setting, service and team: SMART and failing each check; everyone: all the others.
    failing = {(name, "fails") for name in CRITERIA}
    by_row = (*range(smart_count), *(i for i, m in enumerate(measures) if m[0] in failing))
    rest = tuple(range(smart_count, len(measures)))
    results = measured(
        outcome_facts(chosen),
        step=steps.QUALITY,
        kept=kept_rows(QualityPlanStep, chosen),
        keys={"setting": "setting_id", "service": "service_id", "coordinator": "coordinator_id"},
        cuts={
            "setting": replace(by_name("setting", organisations, alias="s"), measures=by_row),
            "service": replace(by_name("service", organisations, alias="o"), measures=by_row),
            "team": replace(
                by_team("coordinator", members=TEAM_MEMBERS, teams=Team._meta.db_table),
                measures=by_row,
            ),
            "everyone": Cut(row=None, measures=rest),
        },
    )
    smart_keys = {key for key, _ in steps.SMART_MEASURES}
    failure_keys = {key for key, _ in steps.failure_measures()}
    smart: dict[str, Counts] = {}
    failed: dict[str, Counts] = {}
    for row in ("setting", "service", "team"):
        counts = results[row].counts
        smart[row] = {k: n for k, n in counts.items() if k[1] in smart_keys}
        failed[row] = {(r, m[0]): n for (r, m), n in counts.items() if m in failing}
    everyone = results["everyone"].counts
    domain_keys = {key for key, _ in steps.smart_by_domain_measures()}
    smart["domain"] = {m: n for (_, m), n in everyone.items() if m in domain_keys}
    checks = {m: n for (_, m), n in everyone.items() if m in failure_keys}
    return Quality(smart, failed, checks)


def lateness_measures(today: dt.date) -> tuple[tuple[str, Q], ...]:
    """How late each plan's review is, as one condition per band (``LATE_BANDS``, then later)."""
    measures: list[tuple[str, Q]] = []
    later_than: dt.date | None = None
    for days, band in LATE_BANDS:
        earliest = today - dt.timedelta(days=days)
        q = Q(next_review_due__gte=earliest)
        measures.append((band, q if later_than is None else q & Q(next_review_due__lt=later_than)))
        later_than = earliest
    return (*measures, ("late_more", Q(next_review_due__lt=later_than)))


def review_lateness(chosen: InsightFilter) -> dict[str, Counts]:
    """Current plans with a review date by how late the review is, by setting, service, team and
    coordinator (their username): one scan of the plans, grouped by child first (``scans``)."""
    organisations, users = Organisation._meta.db_table, User._meta.db_table
    results = measured(
        plans_chosen(chosen)
        .filter(next_review_due__isnull=False)
        .annotate(only_plan=only_plan_case("child_id")),
        step=Step(measures=lateness_measures(chosen.today)),
        keys={
            "setting": "child__current_setting_id",
            "service": "coordinator__organisation_id",
            "coordinator": "coordinator_id",
        },
        cuts={
            "setting": by_name("setting", organisations, alias="s"),
            "service": by_name("service", organisations, alias="o"),
            "team": by_team("coordinator", members=TEAM_MEMBERS, teams=Team._meta.db_table),
            "coordinator": by_name("coordinator", users, alias="u", column="username"),
        },
    )
    return {row: result.counts for row, result in results.items()}


def coordinator_names(usernames: Iterable[Any]) -> dict[str, str]:
    """Coordinators' names by username (staff, not children), for the review table."""
    rows = User.objects.filter(username__in=[u for u in usernames if u]).values_list(
        "username", "first_name", "last_name"
    )
    return {user: f"{first} {last}".strip() or user for user, first, last in rows}


def new_plan_counts(chosen: InsightFilter) -> Counts:
    """First EHC plans by primary need and the calendar year they started (one per child)."""
    plans = first_plans_chosen(chosen)
    return grouped_count(
        plans, row="child__primary_need", column=ExtractYear("start_date"), to_child="child_id"
    )

"""Rebuild the dashboards' facts tables from the live records (``goldenthread insights refresh``).

Each table is filled by one ``INSERT … SELECT`` that the database runs itself (written with
the ORM, so it is the same SQL on SQLite and PostgreSQL); only the quality checks run in
Python, once per distinct wording (a wording's verdict is kept in ``WordingCheck``, so a
nightly refresh checks only new wordings). Everything happens in one transaction: pages read
the old facts until the new ones are complete.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import MD5, Coalesce
from django.utils import timezone

from goldenthread.core import vocabulary as v
from goldenthread.web.insights.bits import DOMAIN_BITS, theme_bit
from goldenthread.web.insights.filters import current_plan_q, only_plan_case
from goldenthread.web.insights.kept import KEPT, plan_steps_fill
from goldenthread.web.insights.models import (
    FactsRefresh,
    FigureCache,
    NeedFact,
    OutcomeFact,
    OutcomeServiceFact,
    ProvisionFact,
    WordingCheck,
)
from goldenthread.web.insights.wordings import wordings_check
from goldenthread.web.plans.models import ContributionStatus, Need, Outcome, Plan, Provision

ACHIEVED = ("achieved", "sustaining")
NOT_ACHIEVED = ("not-achieved", "no-progress", "worsening")
NOT_IN_FORCE = ("cancelled", "entered-in-error")
# Only what the plan's coordinator has accepted is part of a plan (docs/adr/0011-contributions.md):
# a contribution that is waiting or was sent back is not counted.
ACCEPTED = ContributionStatus.ACCEPTED.value
THEME_NUMBERS = tuple(v.THEMES)


def _common(to_plan: str) -> dict[str, Any]:
    return {
        "plan_id": F(f"{to_plan}id"),
        "child": F(f"{to_plan}child_id"),
        "authority_id": F(f"{to_plan}child__local_authority_id"),
        "date_of_birth": F(f"{to_plan}child__date_of_birth"),
        "setting": F(f"{to_plan}child__current_setting_id"),
        "service": F(f"{to_plan}coordinator__organisation_id"),
        "coordinator": F(f"{to_plan}coordinator_id"),
        "primary_need": F(f"{to_plan}child__primary_need"),
        "plan_start": F(f"{to_plan}start_date"),
        "plan_end": F(f"{to_plan}end_date"),
        "only_plan": only_plan_case(f"{to_plan}child_id"),
    }


def _bits(through: QuerySet[Any], *, key: str, bit: Any) -> Coalesce:
    """SUM(DISTINCT bit) over a correlated set of links: a bitmask, 0 when there are none."""
    total = (
        through.order_by()
        .values(key)
        .annotate(mask=Sum(bit, distinct=True, output_field=IntegerField()))
        .values("mask")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), Value(0))


def _theme_bit_of(path: str) -> Case:
    return Case(
        *(When(**{path: n}, then=Value(theme_bit(n))) for n in THEME_NUMBERS),
        default=Value(0),
        output_field=IntegerField(),
    )


def _themes_of_linked_outcomes(link_model: type[models.Model], key: str) -> Coalesce:
    """Themes of the outcomes linked to a need or provision (the filter used a join before)."""
    links = link_model._default_manager.filter(**{key: OuterRef("pk")})
    return _bits(links, key=key, bit=_theme_bit_of("outcome__themes__number"))


def _annotated(
    queryset: QuerySet[Any], fields: Mapping[str, Any]
) -> tuple[QuerySet[Any], list[str]]:
    """Annotate under temporary names (``f_…``) so no name clashes with the model's fields."""
    renamed = {f"f_{name}": expression for name, expression in fields.items()}
    return queryset.annotate(**renamed), list(renamed)


def _insert_facts(
    model: type[models.Model], queryset: QuerySet[Any], fields: Mapping[str, Any]
) -> int:
    annotated, aliases = _annotated(queryset, fields)
    columns = [str(getattr(model._meta.get_field(name), "column", name)) for name in fields]
    inner, params = annotated.values(*aliases).order_by().query.sql_with_params()
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(c) for c in columns)
    select = ", ".join(quote(a) for a in aliases)
    # Only our own table, column and alias names are formatted in; values stay parameters.
    sql = f"INSERT INTO {table} ({names}) SELECT {select} FROM ({inner}) facts"  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)


def _outcome_fields() -> dict[str, Any]:
    from goldenthread.web.reviews.models import OutcomeProgress

    latest = OutcomeProgress.objects.filter(outcome_id=OuterRef("pk")).order_by(
        "-review__meeting_on", "-review_id"
    )
    live_help = Provision.outcomes.through.objects.filter(
        outcome_id=OuterRef("pk"),
        provision__archived_at__isnull=True,
        provision__contribution_status=ACCEPTED,
    )
    domain_bit = Case(
        *(When(provision__domain=d, then=Value(bit)) for d, bit in DOMAIN_BITS.items()),
        default=Value(0),
        output_field=IntegerField(),
    )
    themes = Outcome.themes.through.objects.filter(outcome_id=OuterRef("pk"))
    return {
        "outcome_id": F("pk"),
        **_common("plan__"),
        "domain": F("domain"),
        "area": F("area"),
        "themes": _bits(themes, key="outcome_id", bit=_theme_bit_of("themetag__number")),
        "smart": F("quality_smart"),
        "failed": Subquery(
            WordingCheck.objects.filter(key=MD5(OuterRef("text"))).values("failed")[:1]
        ),
        "achievement": Case(
            When(achievement_status__in=ACHIEVED, then=Value("achieved")),
            When(achievement_status__in=NOT_ACHIEVED, then=Value("not_achieved")),
            default=Value("working"),
        ),
        "has_provision": Exists(live_help),
        "provision_domains": _bits(live_help, key="outcome_id", bit=domain_bit),
        "gas_level": Subquery(latest.values("gas_level")[:1]),
        "gas_weight": Subquery(latest.values("weight")[:1]),
    }


def _need_gap() -> Case:
    outcome_links = Outcome.needs.through.objects.filter(
        outcome__archived_at__isnull=True, outcome__contribution_status=ACCEPTED
    )
    answered = outcome_links.values("need_id")
    helped_directly = Provision.needs.through.objects.filter(
        provision__archived_at__isnull=True, provision__contribution_status=ACCEPTED
    ).values("need_id")
    helped_through = outcome_links.filter(
        outcome__provision__archived_at__isnull=True,
        outcome__provision__contribution_status=ACCEPTED,
    ).values("need_id")
    helped = Q(pk__in=helped_directly) | Q(pk__in=helped_through)
    return Case(
        When(Q(pk__in=answered) & helped, then=Value("met")),
        When(pk__in=answered, then=Value("no_provision")),
        When(helped, then=Value("no_outcome")),
        default=Value("neither"),
    )


SHARED_COLUMNS = (
    "outcome_id",
    "plan_id",
    "child_id",
    "authority_id",
    "date_of_birth",
    "setting_id",
    "service_id",
    "coordinator_id",
    "primary_need",
    "plan_start",
    "plan_end",
    "only_plan",
    "domain",
    "themes",
    "achievement",
    "gas_level",
    "gas_weight",
)


def _service_facts() -> int:
    """Each outcome's facts once per service delivering provision for it (plain SQL: a join
    of the new outcome facts to the provision links, the same on SQLite and PostgreSQL)."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in SHARED_COLUMNS)
    picked = ", ".join(f"f.{quote(c)}" for c in SHARED_COLUMNS)
    links = quote(Provision.outcomes.through._meta.db_table)
    target = quote(OutcomeServiceFact._meta.db_table)
    facts, provision = quote(OutcomeFact._meta.db_table), quote(Provision._meta.db_table)
    # Our own table and column names only; nothing from a person.
    sql = " ".join(
        [
            f"INSERT INTO {target} ({names}, delivered_by)",
            f"SELECT DISTINCT {picked}, p.delivered_by FROM {facts} f",  # noqa: S608  # nosec B608
            f"JOIN {links} l ON l.outcome_id = f.outcome_id",
            f"JOIN {provision} p ON p.id = l.provision_id",
            "WHERE p.archived_at IS NULL AND p.delivered_by <> ''",
            "AND p.contribution_status = %s",
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ACCEPTED])
        return int(cursor.rowcount)


def _outcomes_current() -> QuerySet[Outcome]:
    return Outcome.objects.filter(
        current_plan_q("plan__"), archived_at__isnull=True, contribution_status=ACCEPTED
    ).exclude(lifecycle_status__in=NOT_IN_FORCE)


def _source_tables_analyse() -> int:
    from goldenthread.web.reviews.models import OutcomeProgress, Review

    tables = [
        m._meta.db_table
        for m in (
            Review,
            OutcomeProgress,
            Plan,
            Outcome,
            Need,
            Provision,
            Outcome.themes.through,
            Outcome.needs.through,
            Provision.outcomes.through,
            Provision.needs.through,
        )
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return len(tables)


def _tier_counts_fill() -> int:
    from goldenthread.web.setting_plans.insights import tier_counts_fill

    return tier_counts_fill()


@dataclass(frozen=True)
class RefreshResult:
    outcomes: int
    needs: int
    provision: int
    services: int
    new_wordings: int
    seconds: float


def facts_refresh(*, progress: Callable[[str], None] = lambda line: None) -> RefreshResult:
    """Rebuild every facts table in one transaction, then record when (for "as of")."""
    started = time.perf_counter()

    def step(name: str, fill: Callable[[], int]) -> int:
        began = time.perf_counter()
        count = fill()
        progress(f"{name}: {count:,} rows in {time.perf_counter() - began:.1f} s")
        return count

    if connection.vendor == "postgresql":
        # Fresh statistics first: after a bulk load (the seeder) PostgreSQL would otherwise
        # guess one row per table and run the link subqueries once per row (minutes, not s).
        step("analyse", _source_tables_analyse)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Room to hash the "need has an outcome / provision" id lists (a million ids
                # nationally): at the default 4 MB PostgreSQL scans the list once per need.
                cursor.execute("SET LOCAL work_mem = '256MB'")
        new_wordings = step("new wordings checked", lambda: wordings_check(_outcomes_current()))
        for model in (OutcomeServiceFact, OutcomeFact, NeedFact, ProvisionFact):
            model._default_manager.all().delete()
        outcomes = step(
            "outcomes",
            lambda: _insert_facts(
                OutcomeFact,
                _outcomes_current(),
                _outcome_fields(),
            ),
        )
        needs = step(
            "needs",
            lambda: _insert_facts(
                NeedFact,
                Need.objects.filter(
                    current_plan_q("plan__"), archived_at__isnull=True, contribution_status=ACCEPTED
                ),
                {
                    "need_id": F("pk"),
                    **_common("plan__"),
                    "domain": F("domain"),
                    "area": F("area"),
                    "themes": _themes_of_linked_outcomes(Outcome.needs.through, "need_id"),
                    "gap": _need_gap(),
                },
            ),
        )
        serving = Provision.outcomes.through.objects.filter(
            outcome__archived_at__isnull=True, outcome__contribution_status=ACCEPTED
        ).values("provision_id")
        provision = step(
            "provision",
            lambda: _insert_facts(
                ProvisionFact,
                Provision.objects.filter(
                    current_plan_q("plan__"), archived_at__isnull=True, contribution_status=ACCEPTED
                ),
                {
                    "provision_id": F("pk"),
                    **_common("plan__"),
                    "domain": F("domain"),
                    "themes": _themes_of_linked_outcomes(
                        Provision.outcomes.through, "provision_id"
                    ),
                    "serves_outcome": Case(
                        When(pk__in=serving, then=Value(True)), default=Value(False)
                    ),
                },
            ),
        )
        services = step("providers", _service_facts)
        step("kept per-plan steps", plan_steps_fill)
        step("plans and short-term outcomes by tier", _tier_counts_fill)
        FigureCache.objects.all().delete()  # figures of the old facts
        seconds = time.perf_counter() - started
        FactsRefresh.objects.create(
            finished_at=timezone.now(),
            seconds=seconds,
            outcomes=outcomes,
            needs=needs,
            provision=provision,
        )
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        began = time.perf_counter()
        facts: list[type[models.Model]] = [OutcomeFact, OutcomeServiceFact, NeedFact]
        facts += [ProvisionFact, *(kept.model for kept in KEPT)]
        with connection.cursor() as cursor:  # statistics, and the visibility map (index-only)
            for packed in facts:
                table = connection.ops.quote_name(packed._meta.db_table)
                # FULL: rewrite the table packed (the DELETE left every old row dead), so a
                # scan reads only live rows; it locks the table for about a second per 100,000.
                cursor.execute(f"VACUUM FULL ANALYZE {table}")
        progress(f"vacuum analyze in {time.perf_counter() - began:.1f} s")
    return RefreshResult(
        outcomes, needs, provision, services, new_wordings, time.perf_counter() - started
    )


def last_refresh() -> FactsRefresh | None:
    return FactsRefresh.objects.order_by("-finished_at").first()

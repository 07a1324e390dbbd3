"""The filters every dashboard shares, and the rows they select (one definition for all figures).

Filters become conditions on the database, never Python loops over children: phase and year
group are date-of-birth ranges (an index range), so a dashboard costs the same at any size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Value, When

from goldenthread.core import calendar
from goldenthread.web.accounts.models import Organisation, OrganisationKind, User
from goldenthread.web.insights.bits import has_bits, theme_bit
from goldenthread.web.insights.models import (
    NeedFact,
    OutcomeFact,
    OutcomeServiceFact,
    ProvisionFact,
)
from goldenthread.web.plans.models import Outcome, Plan

# Phases by year group (Nursery -1, Reception 0 … Year 13; DOMAIN.md §5). Outside Nursery to
# Year 13 a child is "early years" (younger) or "post-19" (older, plans run to 25).
PHASES: dict[str, tuple[str, int, int]] = {
    "early_years": ("Early years (before Reception)", -99, -1),
    "primary": ("Primary (Reception to Year 6)", 0, 6),
    "secondary": ("Secondary (Years 7 to 11)", 7, 11),
    "post_16": ("Post-16 (Years 12 and 13)", 12, 13),
    "post_19": ("Post-19 (aged 19 to 25)", 14, 99),
}
FIRST_YEAR_GROUP, LAST_YEAR_GROUP = -1, 13
NOT_IN_FORCE = ("cancelled", "entered-in-error")


@dataclass(frozen=True)
class InsightFilter:
    """What the person chose; every field optional. ``today`` fixes ages and lateness."""

    area_id: int | None
    today: dt.date
    period: int | None = None  # academic year starting in September of this year
    phase: str = ""
    year_group: int | None = None
    setting_id: int | None = None
    primary_need: str = ""
    theme: int | None = None
    domain: str = ""
    service_id: int | None = None


def area_of(user: User) -> Organisation | None:
    """The local authority whose figures this person sees: their own, or their setting's."""
    organisation = user.organisation
    while organisation is not None and organisation.kind != OrganisationKind.LOCAL_AUTHORITY:
        organisation = organisation.parent
    return organisation


def born_in_year_groups(first: int, last: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """Dates of birth of the children in year groups ``first`` to ``last`` this school year.

    Year group g is age g + 4 on 31 August at the start of the school year, so the children
    are born from 1 September (start - g - 5) to 31 August (start - g - 4).
    """
    start = calendar.academic_year_start(today)
    return dt.date(start - last - 5, 9, 1), dt.date(start - first - 4, 8, 31)


def phase_of_year_group(group: int) -> str:
    return next(key for key, (_, low, high) in PHASES.items() if low <= group <= high)


def born_chosen(chosen: InsightFilter) -> tuple[dt.date, dt.date] | None:
    """The dates of birth of the year group or phase chosen (``None``: any age)."""
    if chosen.year_group is not None:
        return born_in_year_groups(chosen.year_group, chosen.year_group, chosen.today)
    if chosen.phase in PHASES:
        return born_in_year_groups(*PHASES[chosen.phase][1:], chosen.today)
    return None


def _child_q(chosen: InsightFilter, to_child: str) -> Q:
    q = Q(
        **{f"{to_child}archived_at__isnull": True, f"{to_child}local_authority_id": chosen.area_id}
    )
    if chosen.primary_need:
        q &= Q(**{f"{to_child}primary_need": chosen.primary_need})
    if chosen.setting_id:
        q &= Q(**{f"{to_child}current_setting_id": chosen.setting_id})
    born = born_chosen(chosen)
    if born is not None:
        q &= Q(**{f"{to_child}date_of_birth__range": born})
    return q


def current_plan_q(to_plan: str) -> Q:
    """Rows on a current plan (not archived, not amended into a newer version, not ceased) of
    a child in an area: the dashboards' population."""
    # "Not amended into a newer version" as NOT IN (a hashed subplan): the anti-join that
    # next_version__isnull gives makes PostgreSQL guess one row and pick slow nested loops.
    superseded = Plan.objects.filter(previous_version__isnull=False).values("previous_version_id")
    return (
        Q(**{f"{to_plan}archived_at__isnull": True})
        & ~Q(**{f"{to_plan}pk__in": superseded})
        & ~Q(**{f"{to_plan}status": "ceased"})
        & Q(**{f"{to_plan}child__archived_at__isnull": True})
        & Q(**{f"{to_plan}child__local_authority__isnull": False})
    )


def _plan_q(chosen: InsightFilter, to_plan: str) -> Q:
    """Current plans of the children ``chosen`` selects, in its period and service."""
    q = current_plan_q(to_plan)
    if chosen.period is not None:
        begins, ends = dt.date(chosen.period, 9, 1), dt.date(chosen.period + 1, 8, 31)
        q &= Q(**{f"{to_plan}start_date__lte": ends}) & (
            Q(**{f"{to_plan}end_date__isnull": True}) | Q(**{f"{to_plan}end_date__gte": begins})
        )
    if chosen.service_id:
        q &= Q(**{f"{to_plan}coordinator__organisation_id": chosen.service_id})
    return q & _child_q(chosen, f"{to_plan}child__")


def _outcome_q(chosen: InsightFilter) -> Q:
    q = Q(archived_at__isnull=True) & ~Q(lifecycle_status__in=NOT_IN_FORCE)
    if chosen.domain:
        q &= Q(domain=chosen.domain)
    if chosen.theme:
        q &= Q(themes__number=chosen.theme)
    return q


def only_plan_case(child: str) -> Case:
    """True when the child (the field path ``child``) has no other current plan: a test against
    the few children with several, which the database hashes once."""
    several = (
        Plan.objects.filter(current_plan_q(""))
        .order_by()
        .values("child_id")
        .annotate(plans=Count("pk"))
        .filter(plans__gt=1)
        .values("child_id")
    )
    return Case(When(**{f"{child}__in": several}, then=Value(False)), default=Value(True))


def plans_chosen(chosen: InsightFilter) -> QuerySet[Plan]:
    """Current plans; with a theme or domain chosen, those with an outcome of that kind."""
    plans = Plan.objects.filter(_plan_q(chosen, ""))
    if chosen.theme or chosen.domain:
        plans = plans.filter(
            Exists(Outcome.objects.filter(_outcome_q(chosen), plan=OuterRef("pk")))
        )
    return plans


def first_plans_chosen(chosen: InsightFilter) -> QuerySet[Plan]:
    """First versions of EHC plans (one per child), for demand over time (no period filter)."""
    everything = InsightFilter(**{**chosen.__dict__, "period": None})
    q = _child_q(everything, "child__") & Q(previous_version__isnull=True, kind="ehc_plan")
    if chosen.service_id:
        q &= Q(coordinator__organisation_id=chosen.service_id)
    return Plan.objects.filter(q, start_date__isnull=False)


def facts_q(chosen: InsightFilter) -> Q:
    """The same population as ``_plan_q`` (current plans only are in the facts), on the facts'
    own columns: no join to the live tables."""
    q = Q(authority_id=chosen.area_id)
    if chosen.primary_need:
        q &= Q(primary_need=chosen.primary_need)
    if chosen.setting_id:
        q &= Q(setting_id=chosen.setting_id)
    born = born_chosen(chosen)
    if born is not None:
        q &= Q(date_of_birth__range=born)
    if chosen.period is not None:
        begins, ends = dt.date(chosen.period, 9, 1), dt.date(chosen.period + 1, 8, 31)
        q &= Q(plan_start__lte=ends) & (Q(plan_end__isnull=True) | Q(plan_end__gte=begins))
    if chosen.service_id:
        q &= Q(service_id=chosen.service_id)
    if chosen.domain:
        q &= Q(domain=chosen.domain)
    if chosen.theme:
        q &= Q(has_bits("themes", theme_bit(chosen.theme)))
    return q


def outcome_facts(chosen: InsightFilter) -> QuerySet[OutcomeFact]:
    return OutcomeFact.objects.filter(facts_q(chosen))


def need_facts(chosen: InsightFilter) -> QuerySet[NeedFact]:
    return NeedFact.objects.filter(facts_q(chosen))


def service_facts(chosen: InsightFilter) -> QuerySet[OutcomeServiceFact]:
    return OutcomeServiceFact.objects.filter(facts_q(chosen))


def provision_facts(chosen: InsightFilter) -> QuerySet[ProvisionFact]:
    return ProvisionFact.objects.filter(facts_q(chosen))

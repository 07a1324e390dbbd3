"""Keeping the dashboards' facts in step when retention anonymises or erases a record.

The facts and kept rows (``insights.models``) copy each child's exact date of birth, setting,
coordinator and service, and who delivers their provision. Retention calls these inside its
own transaction, so those copies change with the record rather than at the next refresh:

- anonymised children: the same values the next refresh would write (date of birth 1 January
  of the birth year, no setting, coordinator or service); rows by who delivers provision go,
  because anonymising blanks that text and the refresh skips blank providers;
- erased plans: every row of those plans goes.

The published figures kept between refreshes are dropped, as a refresh drops them.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models
from django.db.models import OuterRef, Subquery

from goldenthread.web.insights.kept import KEPT
from goldenthread.web.insights.models import (
    FigureCache,
    NeedFact,
    OutcomeFact,
    OutcomeServiceFact,
    ProviderPlanStep,
    ProvisionFact,
)
from goldenthread.web.plans.models import Child

# Tables keyed by who delivers provision: that text is blanked when a plan is anonymised.
BY_PROVIDER: tuple[type[models.Model], ...] = (OutcomeServiceFact, ProviderPlanStep)
# The other tables with one row per plan (or per thing on a plan) and the plan's keys.
_PLAN_TABLES: list[type[models.Model]] = [OutcomeFact, NeedFact, ProvisionFact]
_PLAN_TABLES += [kept.model for kept in KEPT]
BY_PLAN = tuple(model for model in _PLAN_TABLES if model not in BY_PROVIDER)


def facts_anonymise(*, child_ids: Sequence[int]) -> int:
    """Replace the identifying keys of these children's rows. Returns the rows changed."""
    if not child_ids:
        return 0
    changed = 0
    for model in BY_PROVIDER:
        changed += model._default_manager.filter(child_id__in=child_ids).delete()[0]
    # The child's row is already anonymised (retention does that first).
    born = Subquery(Child.objects.filter(pk=OuterRef("child_id")).values("date_of_birth")[:1])
    for model in BY_PLAN:
        changed += model._default_manager.filter(child_id__in=child_ids).update(
            date_of_birth=born, setting=None, service=None, coordinator=None
        )
    FigureCache.objects.all().delete()
    return changed


def facts_erase(*, plan_ids: Sequence[int]) -> int:
    """Delete every row of these plans. Returns the rows deleted."""
    if not plan_ids:
        return 0
    deleted = 0
    for model in (*BY_PLAN, *BY_PROVIDER):
        deleted += model._default_manager.filter(plan_id__in=plan_ids).delete()[0]
    FigureCache.objects.all().delete()
    return deleted

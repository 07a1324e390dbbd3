"""Reads: who may see which child, the caseload, and a plan's golden thread with its gaps.

Access is decided in one place: pages, exports and commands all call ``children_visible_to``
(rules in ``goldenthread.web.access.policy``) so that nobody sees a child without a reason the
system can show.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from goldenthread.core.folding import search_words
from goldenthread.core.thread import Gap, GapKind, find_gaps
from goldenthread.web.access.policy import access_checked, children_readable
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import (
    Aspiration,
    Child,
    ContributionStatus,
    Need,
    Outcome,
    Plan,
    Provision,
)
from goldenthread.web.plans.models.contribution import ContributedPart

T = TypeVar("T", bound=ContributedPart)


def children_visible_to(user: User, *, on: dt.date | None = None) -> QuerySet[Child]:
    """Children the person has a reason to see today: their caseload, their team's, shared with
    them, their own child or themselves, or an administrator's emergency access.

    The rules are in ``goldenthread.web.access.policy`` (ADR 0007); this stays the entry point.
    """
    return children_readable(user, on=on)


def child_get_for(user: User, child_id: int) -> Child:
    """One child the person may see; any other id is "not found", never "forbidden"."""
    return get_object_or_404(
        children_visible_to(user).select_related("current_setting"), pk=child_id
    )


def plan_get_for(user: User, plan_id: int) -> Plan:
    return get_object_or_404(
        Plan.objects.select_related("child").filter(child__in=children_visible_to(user)), pk=plan_id
    )


def child_get_checked(request: HttpRequest, child_id: int) -> Child:
    """``child_get_for`` for a page behind the access gate: when the gate has already found
    that the person may read this child, one query by id instead of the policy's again (the
    policy's list of readable children costs a semi-join over every child: ADR 0047)."""
    if access_checked(request, child_id) is not None:
        return get_object_or_404(
            Child.objects.select_related("current_setting"), pk=child_id, archived_at__isnull=True
        )
    return child_get_for(request.user, child_id)  # type: ignore[arg-type]


def plan_get_checked(request: HttpRequest, plan_id: int) -> Plan:
    """``plan_get_for`` for a page behind the access gate, as ``child_get_checked``."""
    plan = get_object_or_404(
        Plan.objects.select_related("child"), pk=plan_id, child__archived_at__isnull=True
    )
    if access_checked(request, plan.child_id) is not None:
        return plan
    return plan_get_for(request.user, plan_id)  # type: ignore[arg-type]


@dataclass
class CaseloadFilters:
    name: str = ""
    setting_id: int | None = None
    need: str = ""
    year_group: int | None = None
    review: str = ""  # "", "overdue" or "due_soon"


def caseload_list(
    user: User, filters: CaseloadFilters, *, today: dt.date | None = None
) -> QuerySet[Child]:
    """The children a person works with, filtered as the caseload page asks."""
    today = today or timezone.localdate()
    children = children_visible_to(user, on=today).select_related("current_setting")
    for word in search_words(filters.name):  # ignoring case and accents (core.folding)
        children = children.filter(search_name__contains=word)
    if filters.setting_id:
        children = children.filter(current_setting_id=filters.setting_id)
    if filters.need:
        children = children.filter(Q(primary_need=filters.need) | Q(secondary_need=filters.need))
    if filters.year_group is not None:
        children = children.filter(
            date_of_birth__range=_birth_range_for_year_group(filters.year_group, today)
        )
    if filters.review:
        live = Plan.objects.filter(archived_at__isnull=True, next_review_due__isnull=False)
        if filters.review == "overdue":
            live = live.filter(next_review_due__lt=today)
        else:
            live = live.filter(next_review_due__range=(today, today + dt.timedelta(days=56)))
        children = children.filter(plans__in=live)
    return children.order_by("last_name", "first_name").distinct()


def _birth_range_for_year_group(group: int, today: dt.date) -> tuple[dt.date, dt.date]:
    start_year = today.year if today.month >= 9 else today.year - 1
    # Year N in the academic year starting ``start_year``: born 1 Sep .. 31 Aug, N + 5 years before.
    born_from = dt.date(start_year - group - 5, 9, 1)
    return born_from, dt.date(start_year - group - 4, 8, 31)


@dataclass
class GoldenThread:
    """A plan's live parts with their links, and every gap in the thread.

    Gaps are found among the parts in the plan: accepted ones (docs/adr/0011-contributions.md).
    Parts that wait for the coordinator, or were sent back, are in ``waiting``; the lists hold
    them too unless the thread was read with ``accepted_only``.
    """

    plan: Plan
    aspirations: list[Aspiration]
    needs: list[Need]
    outcomes: list[Outcome]
    provision: list[Provision]
    gaps: list[Gap]
    gaps_by_part: dict[tuple[str, int], list[Gap]] = field(default_factory=dict)
    waiting: list[ContributedPart] = field(default_factory=list)

    def gaps_for(self, kind: str, part_id: int) -> list[Gap]:
        return self.gaps_by_part.get((kind, part_id), [])


_GAP_PART = {
    GapKind.ASPIRATION_WITHOUT_OUTCOME: "aspiration",
    GapKind.NEED_WITHOUT_OUTCOME: "need",
    GapKind.OUTCOME_WITHOUT_PROVISION: "outcome",
    GapKind.PROVISION_WITHOUT_OUTCOME: "provision",
}


def _accepted(parts: list[T]) -> list[T]:
    return [p for p in parts if p.contribution_status == ContributionStatus.ACCEPTED]


def golden_thread_get(plan: Plan, *, accepted_only: bool = False) -> GoldenThread:
    """A plan's live parts with their links, and every gap among the accepted ones."""
    aspirations = list(plan.aspirations.filter(archived_at__isnull=True))
    who = ("proposed_by", "decided_by")
    needs = list(plan.needs.filter(archived_at__isnull=True).select_related(*who))
    outcomes = list(
        plan.outcomes.filter(archived_at__isnull=True)
        .select_related(*who)
        .prefetch_related("themes", "needs", "aspirations", "steps")
    )
    provision = list(
        plan.provision.filter(archived_at__isnull=True)
        .select_related(*who)
        .prefetch_related("outcomes", "needs")
    )
    in_needs, in_outcomes, in_provision = (
        _accepted(needs),
        _accepted(outcomes),
        _accepted(provision),
    )
    need_ids = {n.pk for n in in_needs}
    aspiration_ids = {a.pk for a in aspirations}
    outcome_ids = {o.pk for o in in_outcomes}
    outcome_needs: dict[int, set[int]] = defaultdict(set)
    outcome_aspirations: dict[int, set[int]] = defaultdict(set)
    for outcome in in_outcomes:
        outcome_needs[outcome.pk] = {n.pk for n in outcome.needs.all() if n.pk in need_ids}
        outcome_aspirations[outcome.pk] = {
            a.pk for a in outcome.aspirations.all() if a.pk in aspiration_ids
        }
    provision_outcomes = {
        p.pk: {o.pk for o in p.outcomes.all() if o.pk in outcome_ids} for p in in_provision
    }
    gaps = find_gaps(
        aspiration_ids=[a.pk for a in aspirations],
        need_ids=[n.pk for n in in_needs],
        outcome_ids=[o.pk for o in in_outcomes],
        provision_ids=[p.pk for p in in_provision],
        outcome_needs=outcome_needs,
        outcome_aspirations=outcome_aspirations,
        provision_outcomes=provision_outcomes,
    )
    waiting: list[ContributedPart] = [
        p for p in [*needs, *outcomes, *provision] if not p.is_accepted
    ]
    if accepted_only:
        needs, outcomes, provision = in_needs, in_outcomes, in_provision
    thread = GoldenThread(plan, aspirations, needs, outcomes, provision, gaps, waiting=waiting)
    for gap in gaps:
        thread.gaps_by_part.setdefault((_GAP_PART[gap.kind], gap.part_id), []).append(gap)
    return thread


def plans_for_child(child: Child) -> QuerySet[Plan]:
    return child.plans.filter(archived_at__isnull=True).select_related("coordinator")

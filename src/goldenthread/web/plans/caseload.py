"""Reads for the caseload page: the children or plans a person works from, with each plan's
status, next review and contributions waiting, sorted and filtered.

Scopes: "all" (everyone I may see, the default), "mine" (children on my caseload),
"coordinate" (plans I coordinate: one row per current plan), "team" (my teammates'
caseloads), "shared" (shared with me). Every scope is cut down to
``children_visible_to``, so no row shows a child without a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from goldenthread.core.folding import search_words
from goldenthread.web.access.models import ChildShare
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Role, User
from goldenthread.web.plans.models import (
    Child,
    ChildRelationship,
    ContributionStatus,
    Need,
    Outcome,
    Plan,
    Provision,
    RelationshipKind,
)
from goldenthread.web.plans.selectors import children_visible_to

SCOPE_WORDS = {
    "mine": "My caseload",
    "coordinate": "Plans I coordinate",
    "team": "My team",
    "shared": "Shared with me",
    "all": "Children",
}
SORT_WORDS = {
    "review": "Next review due (late first)",
    "name": "Name",
    "status": "Plan status",
    "waiting": "Contributions waiting (most first)",
}
DUE_SOON = dt.timedelta(days=56)


def scopes_for(user: User) -> list[str]:
    """The lists a person can choose; the first is the default (everyone they may see)."""
    if user.role == Role.COORDINATOR:
        return ["all", "coordinate", "mine", "team", "shared"]
    if user.role in PROFESSIONAL_ROLES:
        return ["all", "mine", "team", "shared"]
    return ["all"]


@dataclass
class CaseloadQuery:
    scope: str = "all"
    sort: str = "name"
    name: str = ""
    setting_id: int | None = None
    need: str = ""
    year_group: int | None = None
    review: str = ""  # "", "overdue" or "due_soon"


@dataclass(frozen=True)
class CaseloadRow:
    child: Child
    plan_id: int | None
    plan_status: str
    next_review_due: dt.date | None
    waiting: int
    late: bool


def current_plans() -> QuerySet[Plan]:
    """Plans in force: not archived, not amended into a newer version."""
    return Plan.objects.filter(archived_at__isnull=True, next_version__isnull=True)


def _waiting(plan_ref: str) -> Any:
    """Contributions waiting for the coordinator, summed over the three kinds of part."""
    total: Any = None
    for model in (Need, Outcome, Provision):
        count = (
            model._default_manager.filter(
                plan=OuterRef(plan_ref),
                contribution_status=ContributionStatus.PROPOSED,
                archived_at__isnull=True,
            )
            .order_by()
            .values("plan")
            .annotate(n=Count("pk"))
            .values("n")
        )
        part = Coalesce(Subquery(count, output_field=IntegerField()), Value(0))
        total = part if total is None else total + part
    return total


def _relationship_children(user: User, today: dt.date, *, team: bool) -> QuerySet[Child]:
    current = ChildRelationship.objects.filter(
        kind=RelationshipKind.CASEWORKER, started_on__lte=today
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    if team:
        current = current.filter(person__teams__members=user).exclude(person=user)
    else:
        current = current.filter(person=user)
    return Child.objects.filter(pk__in=current.values("child_id"))


def _shared_children(user: User, today: dt.date) -> QuerySet[Child]:
    with_me = Q(shared_with_person=user)
    if user.organisation_id is not None:
        with_me |= Q(shared_with_organisation_id=user.organisation_id)
    shares = ChildShare.objects.filter(with_me, starts_on__lte=today, revoked_at__isnull=True)
    shares = shares.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    return Child.objects.filter(pk__in=shares.values("child_id"))


def _birth_range(group: int, today: dt.date) -> tuple[dt.date, dt.date]:
    start_year = today.year if today.month >= 9 else today.year - 1
    return dt.date(start_year - group - 5, 9, 1), dt.date(start_year - group - 4, 8, 31)


def _child_filters(query: CaseloadQuery, today: dt.date, prefix: str = "") -> Q:
    where = Q()
    for word in search_words(query.name):  # ignoring case and accents: "Prys" finds "Prŷs"
        where &= Q(**{f"{prefix}search_name__contains": word})
    if query.setting_id:
        where &= Q(**{f"{prefix}current_setting_id": query.setting_id})
    if query.need:
        where &= Q(**{f"{prefix}primary_need": query.need}) | Q(
            **{f"{prefix}secondary_need": query.need}
        )
    if query.year_group is not None:
        where &= Q(**{f"{prefix}date_of_birth__range": _birth_range(query.year_group, today)})
    return where


def _review_filter(review: str, today: dt.date, field: str) -> Q:
    if review == "overdue":
        return Q(**{f"{field}__lt": today})
    if review == "due_soon":
        return Q(**{f"{field}__range": (today, today + DUE_SOON)})
    return Q()


ORDER = {
    "review": (F("review_due").asc(nulls_last=True), "last", "first", "pk"),
    "name": ("last", "first", "pk"),
    "status": (F("status_value").asc(nulls_last=True), "last", "first", "pk"),
    "waiting": (F("waiting").desc(), "last", "first", "pk"),
}


def plans_coordinated(
    user: User, query: CaseloadQuery, *, today: dt.date | None = None
) -> QuerySet[Plan]:
    """The current plans this person coordinates (children they may see), one row each."""
    today = today or timezone.localdate()
    plans = (
        current_plans()
        .filter(coordinator=user, child__in=children_visible_to(user, on=today))
        .filter(_child_filters(query, today, "child__"))
        .filter(_review_filter(query.review, today, "next_review_due"))
        .select_related("child", "child__current_setting")
        .annotate(
            waiting=_waiting("pk"),
            review_due=F("next_review_due"),
            status_value=F("status"),
            last=F("child__last_name"),
            first=F("child__first_name"),
        )
    )
    return plans.order_by(*ORDER[query.sort])


def children_listed(
    user: User, query: CaseloadQuery, *, today: dt.date | None = None
) -> QuerySet[Child]:
    """The children in one scope, each with their current plan's facts (the newest plan)."""
    today = today or timezone.localdate()
    children = children_visible_to(user, on=today)
    if query.scope == "mine":
        children = children.filter(pk__in=_relationship_children(user, today, team=False))
    elif query.scope == "team":
        children = children.filter(pk__in=_relationship_children(user, today, team=True))
    elif query.scope == "shared":
        children = children.filter(pk__in=_shared_children(user, today))
    plan = current_plans().filter(child=OuterRef("pk")).order_by("-start_date", "-pk")
    children = (
        children.filter(_child_filters(query, today))
        .select_related("current_setting")
        .annotate(
            plan_id=Subquery(plan.values("pk")[:1]),
            status_value=Subquery(plan.values("status")[:1]),
            review_due=Subquery(plan.values("next_review_due")[:1]),
            waiting=_waiting("plan_id"),
            last=F("last_name"),
            first=F("first_name"),
        )
    )
    if query.review:
        live = current_plans().filter(
            _review_filter(query.review, today, "next_review_due"),
            next_review_due__isnull=False,
        )
        children = children.filter(pk__in=live.values("child_id"))
    return children.order_by(*ORDER[query.sort])


def caseload_rows(items: list[Plan] | list[Child], *, today: dt.date) -> list[CaseloadRow]:
    """One page of plans or children as table rows."""
    rows = []
    for item in items:
        child = item.child if isinstance(item, Plan) else item
        plan_id = item.pk if isinstance(item, Plan) else getattr(item, "plan_id", None)
        due = getattr(item, "review_due", None)
        status = getattr(item, "status_value", None)
        rows.append(
            CaseloadRow(
                child=child,
                plan_id=plan_id,
                plan_status=str(dict(Plan._meta.get_field("status").choices or []).get(status, ""))
                if status
                else "",
                next_review_due=due,
                waiting=int(getattr(item, "waiting", 0) or 0),
                late=bool(due and due < today),
            )
        )
    return rows

"""Reads for reviews: overdue lists (by coordinator, setting, area), reminders and progress.

Lists read the stored deadlines (``PlanDeadline``) with indexed filters and are paginated;
names are shown only for children the person may see (``children_visible_to``), and everyone
else is a reference (initials and id), so an area list never shows a name without a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role, User
from goldenthread.web.plans.models import Child, ChildRelationship, Plan, RelationshipKind
from goldenthread.web.plans.selectors import children_visible_to
from goldenthread.web.reviews.models import PlanDeadline, Review

PER_PAGE = 25
REMINDER_DAYS = 56
AREA_ROLES = frozenset({Role.COORDINATOR, Role.QUALITY_LEAD})


def child_reference(child: Child) -> str:
    """Initials and id, e.g. "A.L. (child 12)": enough to find the record, no name in logs."""
    return f"{child.first_name[:1]}.{child.last_name[:1]}. (child {child.pk})"


def open_deadlines(*, today: dt.date) -> QuerySet[PlanDeadline]:
    """Stored unmet deadlines of plans in force, soonest first.

    Only live plans have rows (``services.schedule`` and ``signals`` keep it so), and each row
    carries its area, setting and coordinator, so every list is one indexed scan of this table.
    """
    return PlanDeadline.objects.select_related("plan", "plan__child", "coordinator").order_by(
        "due", "id"
    )


def overdue_for_coordinator(user: User, *, today: dt.date) -> QuerySet[PlanDeadline]:
    return open_deadlines(today=today).filter(coordinator=user, due__lt=today)


def overdue_for_setting(setting: Organisation, *, today: dt.date) -> QuerySet[PlanDeadline]:
    return open_deadlines(today=today).filter(setting=setting, due__lt=today)


def overdue_for_area(area: Organisation, *, today: dt.date) -> QuerySet[PlanDeadline]:
    return open_deadlines(today=today).filter(local_authority=area, due__lt=today)


def reminders_for(
    user: User, *, today: dt.date, days: int = REMINDER_DAYS
) -> QuerySet[PlanDeadline]:
    """Deadlines overdue or due within ``days`` for plans the person coordinates or whose
    child is on their own caseload."""
    caseload = ChildRelationship.objects.filter(
        person=user, kind=RelationshipKind.CASEWORKER, started_on__lte=today
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    mine = Q(coordinator=user) | Q(plan__child_id__in=caseload.values("child_id"))
    return open_deadlines(today=today).filter(mine, due__lte=today + dt.timedelta(days=days))


def area_for(user: User) -> Organisation:
    """The local authority whose area list the person may see; 403 for anyone else."""
    org = user.organisation
    if user.role not in AREA_ROLES or org is None:
        raise PermissionDenied
    if org.kind == OrganisationKind.LOCAL_AUTHORITY:
        return org
    if org.parent is not None and org.parent.kind == OrganisationKind.LOCAL_AUTHORITY:
        return org.parent
    raise PermissionDenied


def settings_for(user: User) -> QuerySet[Organisation]:
    """Settings whose list the person may see: a coordinator's area's, or their own setting."""
    settings = Organisation.objects.filter(kind=OrganisationKind.SETTING)
    org = user.organisation
    if org is None or not user.is_professional:
        return settings.none()
    if user.role == Role.COORDINATOR and org.kind == OrganisationKind.LOCAL_AUTHORITY:
        return settings.filter(parent=org)
    return settings.filter(pk=org.pk)


@dataclass(frozen=True)
class DeadlineRow:
    deadline: PlanDeadline
    days_late: int
    child_label: str
    can_open: bool


def deadline_page(
    rows: QuerySet[PlanDeadline], *, user: User, today: dt.date, number: str | int | None
) -> tuple[Page[PlanDeadline], list[DeadlineRow]]:
    """One page of a list, with days late and (only where the person may see the child) names.

    The count and the page are two indexed queries; the visibility check runs for the page only.
    """
    page = Paginator(rows, PER_PAGE).get_page(number)
    items = list(page.object_list)
    child_ids = {d.plan.child_id for d in items}
    visible = set(
        children_visible_to(user, on=today).filter(pk__in=child_ids).values_list("pk", flat=True)
    )
    shown = [
        DeadlineRow(
            deadline=d,
            days_late=max(0, (today - d.due).days),
            child_label=d.plan.child.full_name
            if d.plan.child_id in visible
            else child_reference(d.plan.child),
            can_open=d.plan.child_id in visible,
        )
        for d in items
    ]
    return page, shown


def reviews_for_plan(plan: Plan) -> QuerySet[Review]:
    return (
        Review.objects.filter(plan=plan)
        .select_related("recorded_by")
        .order_by("-meeting_on", "-id")
    )


def review_get(plan: Plan, review_id: int) -> Review:
    return get_object_or_404(
        Review.objects.select_related("plan", "plan__child").prefetch_related(
            "contributions",
            "progress__outcome",
            "progress__new_outcome",
            "progress__outcome__steps",
        ),
        plan=plan,
        pk=review_id,
    )


def due_report(*, today: dt.date, days: int) -> list[tuple[int, str, str, str, str, int]]:
    """Rows for ``goldenthread reviews due``: no names, only references."""
    rows = open_deadlines(today=today).filter(due__lte=today + dt.timedelta(days=days))
    return [
        (
            d.plan_id,
            child_reference(d.plan.child),
            d.coordinator.username if d.coordinator else "-",
            d.kind,
            d.due.isoformat(),
            max(0, (today - d.due).days),
        )
        for d in rows.iterator(chunk_size=2000)
    ]

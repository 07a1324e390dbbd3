"""Reading assessments: one for a page, the late and at-risk lists, and what needs a person.

Only people with a reason to see the child see its assessment (``access.policy``): every query
here starts from the children the person may read.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from goldenthread.web.access.policy import children_readable
from goldenthread.web.accounts.models import User
from goldenthread.web.assessments.choices import OPEN_STAGES, AdviceStatus
from goldenthread.web.assessments.models import AdvicePart, AdviceRequest, Assessment

AT_RISK_DAYS = 14
STEP_WORDS = {
    "requested": "decide whether to assess",
    "assessing": "get the advice in",
    "deciding": "decide whether to issue a plan",
    "draft": "issue the final plan",
}


def assessment_get(child_id: int, assessment_id: int) -> Assessment:
    """The assessment with its advice and exceptions (the access middleware checked the child)."""
    found = (
        Assessment.objects.filter(pk=assessment_id, child_id=child_id, archived_at__isnull=True)
        .select_related("child", "coordinator", "draft_plan", "plan", "reassessment_of")
        .prefetch_related(
            Prefetch(
                "advice",
                AdviceRequest.objects.select_related("adviser", "decided_by").prefetch_related(
                    Prefetch("parts", AdvicePart.objects.filter(archived_at__isnull=True))
                ),
            ),
            "exceptions",
        )
        .first()
    )
    if found is None:
        raise Http404
    return found


def assessments_for_child(child_id: int) -> QuerySet[Assessment]:
    return Assessment.objects.filter(child_id=child_id, archived_at__isnull=True)


def _team_members(user: User) -> QuerySet[User]:
    return User.objects.filter(teams__members=user).distinct()


def open_assessments(user: User, *, scope: str) -> QuerySet[Assessment]:
    """Open assessments run by the person ("mine") or by anyone in their teams ("team"),
    for children the person may see."""
    base = Assessment.objects.filter(
        archived_at__isnull=True,
        stage__in=OPEN_STAGES,
        child__in=children_readable(user),
    )
    if scope == "team":
        base = base.filter(Q(coordinator__in=_team_members(user)) | Q(coordinator=user))
    else:
        base = base.filter(coordinator=user)
    return base


def late_and_at_risk(user: User, *, scope: str, today: dt.date) -> QuerySet[Assessment]:
    """Open assessments whose next deadline has passed or falls in the next two weeks,
    soonest first."""
    return (
        open_assessments(user, scope=scope)
        .filter(next_due_on__lte=today + dt.timedelta(days=AT_RISK_DAYS))
        .select_related("child", "coordinator")
        .order_by("next_due_on", "pk")
    )


def advice_asked_of(user: User) -> QuerySet[AdviceRequest]:
    """Advice this person was asked to give, not yet sent in (or returned to them)."""
    return (
        AdviceRequest.objects.filter(
            adviser=user,
            archived_at__isnull=True,
            status__in=(AdviceStatus.REQUESTED, AdviceStatus.RETURNED),
            assessment__archived_at__isnull=True,
            assessment__stage__in=OPEN_STAGES,
            assessment__child__in=children_readable(user),
        )
        .select_related("assessment__child")
        .order_by("due_on", "pk")
    )


def advice_waiting_for(user: User) -> QuerySet[AdviceRequest]:
    """Advice sent in and waiting for this coordinator to accept or return."""
    return (
        AdviceRequest.objects.filter(
            assessment__coordinator=user,
            assessment__archived_at__isnull=True,
            status=AdviceStatus.SUBMITTED,
            archived_at__isnull=True,
        )
        .select_related("assessment__child")
        .order_by("received_on", "pk")
    )


def assessment_href(assessment: Assessment) -> str:
    return reverse("assessment", args=[assessment.child_id, assessment.pk])

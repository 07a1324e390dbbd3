"""The leaders' timeliness page: figures from the assessment records, disclosure-controlled."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.utils import timezone

from goldenthread.core.assessments.timeliness import (
    AdviceRow,
    IssuedRow,
    advice_lines,
    timeliness_lines,
)
from goldenthread.core.reviews.decision_timeliness import decision_lines
from goldenthread.web.assessments.models import AdviceRequest, Assessment, ClockException
from goldenthread.web.assessments.review_decisions import (
    NO_SERVICE,
    NO_SETTING,
    NO_TEAM,
    WHOLE_AREA,
    coordinator_teams,
    decision_rows,
)
from goldenthread.web.insights.access import insights_role_required
from goldenthread.web.insights.views import disclosure_policy
from goldenthread.web.plans.views.common import AuthedRequest, render

GROUPINGS = {
    "area": "The whole area",
    "team": "By team",
    "service": "By service",
    "setting": "By setting",
}


def issued_rows(by: str) -> list[IssuedRow]:
    """One row per final plan issued from an assessment (ids never leave this function)."""
    found = (
        Assessment.objects.filter(plan_issued_on__isnull=False, archived_at__isnull=True)
        .annotate(
            has_exceptions=Exists(
                ClockException.objects.filter(assessment=OuterRef("pk"), archived_at__isnull=True)
            )
        )
        .values_list(
            "request_received_on",
            "plan_issued_on",
            "has_exceptions",
            "coordinator_id",
            "coordinator__organisation__name",
            "child__current_setting__name",
        )
    )
    teams = coordinator_teams() if by == "team" else {}
    rows = []
    for received, issued, exceptions, coordinator_id, service, setting in found:
        if issued is None:  # filtered out above; for the type checker
            continue
        if by == "team":
            group = teams.get(coordinator_id, NO_TEAM)
        elif by == "service":
            group = service or NO_SERVICE
        elif by == "setting":
            group = setting or NO_SETTING
        else:
            group = WHOLE_AREA
        rows.append(IssuedRow(received, issued, bool(exceptions), group))
    return rows


def advice_rows() -> list[AdviceRow]:
    found = AdviceRequest.objects.filter(
        archived_at__isnull=True, due_on__isnull=False, assessment__archived_at__isnull=True
    ).values_list("due_on", "received_on", "service")
    labels = dict(AdviceRequest._meta.get_field("service").choices or [])
    rows = []
    for due, received, service in found:
        if due is not None:  # filtered out above; for the type checker
            rows.append(AdviceRow(due, received, str(labels.get(service, service))))
    return rows


@insights_role_required
def timeliness(request: AuthedRequest) -> HttpResponse:
    by = request.GET.get("by", "area")
    if by not in GROUPINGS:
        by = "area"
    policy = disclosure_policy()
    return render(
        request,
        "assessments/timeliness.html",
        title="EHC needs assessments: timeliness",
        by=by,
        groupings=GROUPINGS,
        lines=timeliness_lines(issued_rows(by), policy),
        advice=advice_lines(advice_rows(), policy),
        decisions=decision_lines(decision_rows(by), policy, today=timezone.localdate()),
        hidden=policy.largest_hidden,
        nav_active="insights",
    )

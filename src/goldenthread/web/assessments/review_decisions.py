"""Rows for "annual-review decisions within 4 weeks" on the leaders' timeliness page.

One row per annual review meeting of an EHC plan (no ids or names leave this module), grouped by
the plan coordinator's team or service (their organisation), the child's setting, or the whole
area. The measure itself is ``goldenthread.core.reviews.decision_timeliness``.
"""

from __future__ import annotations

from goldenthread.core.reviews.decision_timeliness import DecisionRow
from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.access.models import Team
from goldenthread.web.reviews.models import Review, ReviewKind

WHOLE_AREA = "The whole area"
NO_TEAM = "No team"
NO_SETTING = "No setting recorded"
NO_SERVICE = "No service recorded"


def coordinator_teams() -> dict[int, str]:
    """Each person's team (the first by name when they are in more than one)."""
    teams: dict[int, str] = {}
    for team in Team.objects.prefetch_related("members").order_by("name"):
        for member in team.members.all():
            teams.setdefault(member.pk, team.name)
    return teams


def decision_rows(by: str) -> list[DecisionRow]:
    found = Review.objects.filter(
        kind=ReviewKind.ANNUAL,
        archived_at__isnull=True,
        plan__kind=PlanKind.EHC_PLAN,
        plan__archived_at__isnull=True,
    ).values_list(
        "meeting_on",
        "decision_made_on",
        "plan__coordinator_id",
        "plan__coordinator__organisation__name",
        "plan__child__current_setting__name",
    )
    teams = coordinator_teams() if by == "team" else {}
    rows = []
    for meeting_on, decided_on, coordinator_id, service, setting in found.iterator(chunk_size=5000):
        if by == "team":
            group = teams.get(coordinator_id, NO_TEAM)
        elif by == "service":
            group = service or NO_SERVICE
        elif by == "setting":
            group = setting or NO_SETTING
        else:
            group = WHOLE_AREA
        rows.append(DecisionRow(meeting_on, decided_on, group))
    return rows

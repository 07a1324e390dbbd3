"""Filtering: an upload's checked rows, and the area's own outcomes (on the nightly facts for
setting, service, team and failed checks, as the dashboards count them)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from goldenthread.core.quality import CRITERIA
from goldenthread.web.access.models import Team
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.insights.bits import has_bits
from goldenthread.web.insights.models import OutcomeFact
from goldenthread.web.plans.models import Outcome
from goldenthread.web.workbench.models import QualityUpload, QualityUploadRow


def upload_rows(upload: QualityUpload, chosen: dict[str, Any]) -> QuerySet[QualityUploadRow]:
    rows = upload.rows.all()
    if chosen.get("verdict") == "smart":
        rows = rows.filter(smart=True)
    elif chosen.get("verdict") == "not_smart":
        rows = rows.filter(smart=False)
    elif chosen.get("verdict") == "second_look":
        rows = rows.exclude(second_look="")
    if chosen.get("criterion"):
        rows = rows.filter(failing__contains=f",{chosen['criterion']},")
    if chosen.get("kind"):
        rows = rows.filter(kind=chosen["kind"])
    if chosen.get("theme"):
        rows = rows.filter(themes__contains=f",{chosen['theme']},")
    if chosen.get("words"):
        rows = rows.filter(text__icontains=chosen["words"])
    return rows.order_by("position")


def area_choices(area_id: int) -> dict[str, list[tuple[int, str]]]:
    """The services, settings and teams that have outcomes in the area's facts."""
    facts = OutcomeFact.objects.filter(authority_id=area_id)
    setting_ids = set(facts.values_list("setting_id", flat=True).distinct())
    service_ids = set(facts.values_list("service_id", flat=True).distinct())
    coordinators = set(facts.values_list("coordinator_id", flat=True).distinct())

    def named(ids: set[Any]) -> list[tuple[int, str]]:
        found = Organisation.objects.filter(pk__in=[i for i in ids if i]).order_by("name")
        return list(found.values_list("pk", "name"))

    teams = Team.objects.filter(members__in=[c for c in coordinators if c]).distinct()
    return {
        "services": named(service_ids),
        "settings": named(setting_ids),
        "teams": list(teams.order_by("name").values_list("pk", "name")),
    }


def facts_filter(area_id: int, chosen: dict[str, Any], dashboard: Q | None = None) -> Q | None:
    """Conditions on the facts, or None when no fact-based filter is chosen. From a dashboard
    figure (``dashboard``: its own filters), the verdict too is the one the figure counted."""
    q = dashboard if dashboard is not None else Q()
    used = dashboard is not None
    if dashboard is not None and chosen.get("verdict"):
        verdict = chosen["verdict"]
        q &= Q(smart__isnull=True) if verdict == "unchecked" else Q(smart=verdict == "smart")
    if chosen.get("service"):
        q &= Q(service_id=chosen["service"])
        used = True
    if chosen.get("setting"):
        q &= Q(setting_id=chosen["setting"])
        used = True
    if chosen.get("team"):
        members = Team.objects.filter(pk=chosen["team"]).values("members")
        q &= Q(coordinator_id__in=members)
        used = True
    if chosen.get("criterion") in CRITERIA:
        q &= Q(has_bits("failed", 1 << CRITERIA.index(chosen["criterion"])))
        used = True
    return (Q(authority_id=area_id) & q) if used else None


def own_outcomes(
    outcomes: QuerySet[Outcome], area_id: int, chosen: dict[str, Any], dashboard: Q | None = None
) -> QuerySet[Outcome]:
    verdict = chosen.get("verdict") if dashboard is None else None
    if verdict == "smart":
        outcomes = outcomes.filter(quality_smart=True)
    elif verdict == "not_smart":
        outcomes = outcomes.filter(quality_smart=False)
    elif verdict == "second_look":
        outcomes = outcomes.exclude(quality_second_look="")
    elif verdict == "unchecked":
        outcomes = outcomes.filter(quality_smart__isnull=True)
    if chosen.get("theme"):
        outcomes = outcomes.filter(themes__number=int(chosen["theme"]))
    if chosen.get("domain"):
        outcomes = outcomes.filter(domain=chosen["domain"])
    if chosen.get("words"):
        outcomes = outcomes.filter(text__icontains=chosen["words"])
    facts = facts_filter(area_id, chosen, dashboard)
    if facts is not None:
        outcomes = outcomes.filter(pk__in=OutcomeFact.objects.filter(facts).values("outcome_id"))
    return outcomes.distinct()

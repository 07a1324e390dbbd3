"""The passport as a FHIR R4 Bundle, parsed back with fhir.resources (R4B models, as R4)."""

from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.plans.models import Outcome
from tests.web import factories
from tests.web.conftest import PageClient

pytestmark = pytest.mark.django_db


def test_the_fhir_bundle_parses_and_links_goals_needs_and_provision(
    coordinator_page: PageClient, area: factories.Area
) -> None:
    Outcome.objects.filter(pk=area.thread.outcome.pk).update(achievement_status="improving")
    url = f"/children/{area.child.pk}/passport.fhir.json"
    response = coordinator_page.get(url).response
    assert response["Content-Type"] == "application/fhir+json"
    bundle = Bundle.model_validate(json.loads(response.content))
    by_type: dict[str, list[object]] = {}
    for entry in bundle.entry or []:
        assert entry.resource is not None
        by_type.setdefault(entry.resource.get_resource_type(), []).append(entry)
    assert len(by_type["CarePlan"]) == 1
    assert len(by_type["Condition"]) == 2
    goals = {e.resource.description.text: e for e in by_type["Goal"]}  # type: ignore[attr-defined]
    goal = goals[area.thread.outcome.text].resource  # type: ignore[attr-defined]
    assert goal.achievementStatus.coding[0].code == "improving"
    assert str(goal.target[0].dueDate) == "2027-07-16"
    condition_urls = {e.fullUrl for e in by_type["Condition"]}  # type: ignore[attr-defined]
    assert {ref.reference for ref in goal.addresses} <= condition_urls
    careplan = by_type["CarePlan"][0].resource  # type: ignore[attr-defined]
    details = [a.detail.description for a in careplan.activity]
    assert area.thread.help.description in details
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, url_name="passport-fhir").exists()

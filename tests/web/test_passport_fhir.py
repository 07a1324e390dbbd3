"""The passport as a FHIR R4 Bundle, parsed back with fhir.resources (R4B models, as R4)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.plans.models import Outcome
from goldenthread.web.reviews.models import OutcomeDecision, PlanDecision
from goldenthread.web.reviews.services.record import ProgressEntry, ReviewDetails, review_record
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


def test_review_scores_are_observations_on_each_goal_with_the_t_score(
    coordinator_page: PageClient, area: factories.Area
) -> None:
    plan, meeting = area.thread.plan, dt.date(2026, 10, 1)
    outcomes = list(plan.outcomes.filter(archived_at__isnull=True))
    review = review_record(
        plan=plan,
        user=area.coordinator,
        details=ReviewDetails(kind="annual", meeting_on=meeting, decision=PlanDecision.KEEP),
        progress=[
            ProgressEntry(outcome=o, gas_level=1, decision=OutcomeDecision.CONTINUE)
            for o in outcomes
        ],
    )
    url = f"/children/{area.child.pk}/passport.fhir.json"
    bundle = Bundle.model_validate(json.loads(coordinator_page.get(url).response.content))
    resources = {e.fullUrl: e.resource for e in bundle.entry or []}
    observations = [r for r in resources.values() if r.get_resource_type() == "Observation"]
    levels = [o for o in observations if o.code.coding[0].code == "gas-level"]  # type: ignore[attr-defined]
    (t_score,) = [o for o in observations if o.code.coding[0].code == "gas-t-score"]  # type: ignore[attr-defined]
    assert len(levels) == len(outcomes)
    goal_texts = {resources[o.focus[0].reference].description.text for o in levels}  # type: ignore[attr-defined]
    assert goal_texts == {o.text for o in outcomes}
    assert {str(o.effectiveDateTime) for o in levels} == {"2026-10-01"}  # type: ignore[attr-defined]
    assert {o.valueInteger for o in levels} == {1}  # type: ignore[attr-defined]
    assert t_score.code.text == "Goal attainment scaling (GAS) T-score of a review"  # type: ignore[attr-defined]
    assert float(t_score.valueQuantity.value) == pytest.approx(review.t_score)  # type: ignore[attr-defined]
    assert resources[t_score.focus[0].reference].get_resource_type() == "CarePlan"  # type: ignore[attr-defined]
    assert len(t_score.hasMember) == len(levels)  # type: ignore[attr-defined]

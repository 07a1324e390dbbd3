"""Writing outcomes and provision through the API: the forms' service (history, audit, quality
verdict, link suggestions), links kept inside the plan, and a stale row_version refused (409)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from goldenthread.web.accounts.models import Role
from goldenthread.web.api.problems import PROBLEM_TYPE
from goldenthread.web.api.serializers_parts import ROW_VERSION_NEEDED
from goldenthread.web.plans.forms import END_BEFORE_START
from goldenthread.web.plans.models import ContributionStatus, Outcome, Provision
from goldenthread.web.plans.quality import quality_preview
from goldenthread.web.plans.services.common import EDITED_ELSEWHERE
from goldenthread.web.plans.services.plans import plan_create
from goldenthread.web.reviews.models import OutcomeProgress, PlanDecision, Review, ReviewKind
from tests.web import factories

GOOD = "By the end of Year 6, I will read a short book to a friend at home."
VAGUE = "Ada will be supported to improve her reading."


@pytest.fixture
def area(db: None) -> factories.Area:
    return factories.area_create()


@pytest.fixture
def api(client: Client, area: factories.Area) -> Client:
    client.force_login(area.coordinator)
    return client


def _send(api: Client, method: str, url: str, body: dict[str, Any]) -> Any:
    return getattr(api, method)(url, body, content_type="application/json")


def test_an_outcome_is_added_with_its_links_history_and_quality_verdict(
    api: Client, area: factories.Area
) -> None:
    thread = area.thread
    response = _send(
        api,
        "post",
        f"/api/plans/{thread.plan.pk}/outcomes/",
        {
            "text": VAGUE,
            "domain": "education",
            "themes": [1, 2],
            "needs": [thread.need.pk, thread.unmet_need.pk],
            "aspirations": [thread.lonely_hope.pk],
            "due_date": "2027-07-16",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    outcome = Outcome.objects.get(pk=body["id"])
    assert (outcome.text, outcome.plan, outcome.row_version) == (VAGUE, thread.plan, 1)
    assert sorted(t.number for t in outcome.themes.all()) == [1, 2] == body["themes"]
    assert sorted(body["needs"]) == sorted([thread.need.pk, thread.unmet_need.pk])
    expected = quality_preview(VAGUE, plan=thread.plan)
    assert expected is not None
    assert body["quality"] == {
        "kind": expected.kind,
        "smart": expected.smart,
        "problems": expected.problems,
        "second_look": expected.second_look,
    }
    assert body["quality"]["smart"] is False and body["quality"]["problems"]
    # The forms' service ran: the verdict and link suggestions are stored, and history kept.
    assert outcome.quality_smart is False
    assert outcome.link_suggestions
    assert outcome.history.first().history_user == area.coordinator  # type: ignore[attr-defined]


def test_links_stay_inside_the_plan(api: Client, area: factories.Area) -> None:
    other = area.other_thread
    response = _send(
        api,
        "post",
        f"/api/plans/{area.thread.plan.pk}/provision/",
        {"description": "Speech therapy", "domain": "health", "outcomes": [other.outcome.pk]},
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_TYPE
    assert [p["path"] for p in response.json()["problems"]] == ["/outcomes"]
    assert not Provision.objects.filter(description="Speech therapy").exists()


def test_a_change_based_on_an_old_version_is_refused_and_nothing_is_saved(
    api: Client, area: factories.Area
) -> None:
    outcome = area.thread.outcome
    url = f"/api/plans/{area.thread.plan.pk}/outcomes/{outcome.pk}/"
    first = _send(api, "patch", url, {"text": GOOD, "row_version": 1})
    assert first.status_code == 200, first.content
    assert (first.json()["text"], first.json()["row_version"]) == (GOOD, 2)
    stale = _send(api, "patch", url, {"text": VAGUE, "row_version": 1})
    assert stale.status_code == 409
    assert stale["Content-Type"] == PROBLEM_TYPE
    assert stale.json()["detail"] == EDITED_ELSEWHERE
    outcome.refresh_from_db()
    assert (outcome.text, outcome.row_version) == (GOOD, 2)
    unversioned = _send(api, "patch", url, {"text": VAGUE})
    assert unversioned.status_code == 400
    assert unversioned.json()["problems"] == [
        {"path": "/row_version", "message": ROW_VERSION_NEEDED}
    ]


def test_changing_links_only_changes_what_is_sent(api: Client, area: factories.Area) -> None:
    thread = area.thread
    url = f"/api/plans/{thread.plan.pk}/provision/{thread.stray_help.pk}/"
    response = _send(
        api, "patch", url, {"outcomes": [thread.unhelped_outcome.pk], "row_version": 1}
    )
    assert response.status_code == 200, response.content
    stray = Provision.objects.get(pk=thread.stray_help.pk)
    assert [o.pk for o in stray.outcomes.all()] == [thread.unhelped_outcome.pk]
    assert stray.description == "A quiet room at lunchtime"
    dates = {"start_date": "2027-01-10", "end_date": "2027-01-01", "row_version": 2}
    backwards = _send(api, "patch", url, dates)
    assert backwards.status_code == 400
    assert backwards.json()["problems"] == [{"path": "/end_date", "message": END_BEFORE_START}]


def test_reviews_show_each_outcomes_gas_level_and_progress(
    api: Client, area: factories.Area
) -> None:
    plan, outcome = area.thread.plan, area.thread.outcome
    review = Review.objects.create(
        plan=plan,
        kind=ReviewKind.ANNUAL,
        meeting_on=timezone.localdate(),
        decision=PlanDecision.KEEP,
        child_views="I like the talk group.",
        t_score=55.0,
    )
    OutcomeProgress.objects.create(
        review=review,
        outcome=outcome,
        gas_level=1,
        achievement_status="improving",
        evidence="Asked two questions in group work.",
        decision="continue",
    )
    listed = api.get(f"/api/plans/{plan.pk}/reviews/").json()["results"]
    assert [(r["id"], r["t_score"]) for r in listed] == [(review.pk, 55.0)]
    detail = api.get(f"/api/plans/{plan.pk}/reviews/{review.pk}/").json()
    assert detail["child_views"] == "I like the talk group."
    assert detail["progress"] == [
        {
            "outcome": outcome.pk,
            "outcome_text": outcome.text,
            "gas_level": 1,
            "weight": 1.0,
            "achievement_status": "improving",
            "evidence": "Asked two questions in group work.",
            "decision": "continue",
            "new_outcome": None,
        }
    ]
    # A review is only found under its own plan, even another plan of the same child.
    second = plan_create(child=area.child, user=area.coordinator, kind="sen_support")
    assert api.get(f"/api/plans/{second.pk}/reviews/").json()["results"] == []
    assert api.get(f"/api/plans/{second.pk}/reviews/{review.pk}/").status_code == 404


def test_a_therapists_help_waits_for_the_coordinator_as_on_the_pages(
    client: Client, area: factories.Area
) -> None:
    therapist = factories.user_create(
        role=Role.HEALTH, username="therapist", organisation=area.local_authority
    )
    factories.relationship_create(child=area.child, person=therapist)
    client.force_login(therapist)
    plan = area.thread.plan
    response = _send(
        client,
        "post",
        f"/api/plans/{plan.pk}/provision/",
        {"description": "Speech and language therapy, weekly", "domain": "health"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["contribution_status"] == ContributionStatus.PROPOSED
    assert Provision.objects.get(pk=body["id"]).proposed_by == therapist

    client.force_login(area.coordinator)
    response = _send(
        client,
        "post",
        f"/api/plans/{plan.pk}/provision/",
        {"description": "Reading group, daily", "domain": "education"},
    )
    assert response.json()["contribution_status"] == ContributionStatus.ACCEPTED

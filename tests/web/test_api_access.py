"""The API keeps to the access policy: who may read and change, what a list reveals, CSRF for
browsers, and a look at a child's record written to the audit trail like a page view.

GETs of every API route by every persona are in the authorisation matrix (test_access.py);
here are the writes, the lists and the log.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.api.problems import FORBIDDEN, PROBLEM_TYPE
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.plans.models import Outcome
from tests.web import factories
from tests.web.access_world import PERSONAS, World, world_create

NEW_OUTCOME = "By the end of Year 12, I will cook a simple meal for my family on my own."
CHANGERS = {"coordinator", "teammate"}
READ_ONLY = {"therapist", "parent", "young_person", "plan_only_parent", "admin_break_glass"}


def _outcome_body(world: World) -> dict[str, Any]:
    return {"text": NEW_OUTCOME, "domain": "education", "needs": [world.area.thread.need.pk]}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_only_the_people_who_work_with_a_child_change_outcomes_through_the_api(
    client: Client, persona: str
) -> None:
    world = world_create()
    user = PERSONAS[persona](world)
    if user is not None:
        client.force_login(user)
    plan = world.area.thread.plan
    outcome = world.area.thread.outcome
    created = client.post(
        f"/api/plans/{plan.pk}/outcomes/", _outcome_body(world), content_type="application/json"
    )
    changed = client.patch(
        f"/api/plans/{plan.pk}/provision/{world.area.thread.help.pk}/",
        {"frequency": "Every day", "row_version": 1},
        content_type="application/json",
    )
    expected = (
        201 if persona in CHANGERS else 403 if persona in READ_ONLY else
        401 if persona == "signed_out" else 404
    )  # fmt: skip
    assert created.status_code == expected, created.content
    assert changed.status_code == (200 if expected == 201 else expected), changed.content
    assert created["Content-Type"] == ("application/json" if expected == 201 else PROBLEM_TYPE)
    if expected == 403:
        assert created.json()["detail"] == FORBIDDEN
    made = Outcome.objects.filter(plan=plan, text=NEW_OUTCOME).exists()
    assert made == (persona in CHANGERS)
    assert outcome.provision.get().frequency == ("Every day" if made else "3 times a week")


@pytest.mark.django_db
def test_the_children_list_shows_only_children_the_person_may_see(client: Client) -> None:
    world = world_create()
    answers = {}
    for persona in ("coordinator", "parent", "other_parent", "strategic_leader", "dpo"):
        client.force_login(PERSONAS[persona](world))  # type: ignore[arg-type]
        answers[persona] = [c["id"] for c in client.get("/api/children/").json()["results"]]
    assert answers["coordinator"] == [world.child.pk]
    assert answers["parent"] == [world.child.pk]
    assert answers["other_parent"] == [world.area.other_child.pk]
    # Leaders and the data protection officer never see a child.
    assert answers["strategic_leader"] == answers["dpo"] == []


@pytest.mark.django_db
def test_a_list_reveals_no_more_than_the_caseload_page_and_is_not_a_look(client: Client) -> None:
    world = world_create()
    client.force_login(world.people["coordinator"])
    row = client.get("/api/children/").json()["results"][0]
    assert set(row) == {
        "id",
        "full_name",
        "known_as",
        "year_group",
        "current_setting",
        "primary_need",
    }
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


@pytest.mark.django_db
def test_every_read_of_a_child_is_on_the_audit_trail_as_the_token_owner(client: Client) -> None:
    world = world_create()
    therapist = world.people["therapist"]
    _, secret = api_token_create(owner=therapist, name="Clinic system")
    plan, child = world.area.thread.plan, world.child
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    reads = {
        f"/api/children/{child.pk}/": ("api-child", "child", child.pk),
        f"/api/children/{child.pk}/plans/": ("api-plans", "child", child.pk),
        f"/api/plans/{plan.pk}/outcomes/": ("api-outcomes", "plan", plan.pk),
        f"/api/plans/{plan.pk}/outcomes/{world.area.thread.outcome.pk}/": (
            "api-outcome",
            "outcome",
            world.area.thread.outcome.pk,
        ),
        f"/api/plans/{plan.pk}/provision/{world.area.thread.help.pk}/": (
            "api-provision",
            "provision",
            world.area.thread.help.pk,
        ),
        f"/api/plans/{plan.pk}/reviews/": ("api-reviews", "plan", plan.pk),
    }
    for url, (name, object_type, object_id) in reads.items():
        assert client.get(url, **auth).status_code == 200, url
        event = AuditEvent.objects.filter(url_name=name).get()
        assert (event.person, event.child_id, event.action) == (therapist, child.pk, "view")
        assert (event.object_type, event.object_id, event.role) == (
            object_type,
            object_id,
            "health",
        )


@pytest.mark.django_db
def test_taking_the_passport_as_data_is_logged_as_an_export(client: Client) -> None:
    world = world_create()
    client.force_login(world.people["parent"])
    for url, name in (("passport/", "api-passport"), ("passport/fhir/", "api-passport-fhir")):
        response = client.get(f"/api/children/{world.child.pk}/{url}")
        assert response.status_code == 200
        events = AuditEvent.objects.filter(url_name=name, person=world.people["parent"])
        assert sorted(events.values_list("action", flat=True)) == ["export", "view"]
    fhir = client.get(f"/api/children/{world.child.pk}/passport/fhir/")
    assert fhir["Content-Type"] == "application/fhir+json"
    assert fhir.json()["resourceType"] == "Bundle"


@pytest.mark.django_db
def test_a_change_is_on_the_audit_trail(client: Client) -> None:
    world = world_create()
    client.force_login(world.people["teammate"])
    plan = world.area.thread.plan
    response = client.post(
        f"/api/plans/{plan.pk}/outcomes/", _outcome_body(world), content_type="application/json"
    )
    assert response.status_code == 201
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="outcome")
    assert (event.person, event.child_id, event.object_id) == (
        world.people["teammate"],
        world.child.pk,
        response.json()["id"],
    )


@pytest.mark.django_db
def test_a_browser_session_must_send_the_csrf_token_to_change_anything() -> None:
    world = world_create()
    plan = world.area.thread.plan
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.people["coordinator"])
    url = f"/api/plans/{plan.pk}/outcomes/"
    refused = browser.post(url, _outcome_body(world), content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert browser.get(url).status_code == 200  # reading needs no CSRF token
    # A system with a token sends no cookie, so there is nothing to forge: no CSRF token needed.
    _, secret = api_token_create(owner=world.people["coordinator"], name="Case system")
    system = Client(enforce_csrf_checks=True)
    made = system.post(
        url,
        _outcome_body(world),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert made.status_code == 201, made.content


@pytest.mark.django_db
def test_lists_come_in_pages_with_a_ceiling(client: Client) -> None:
    area = factories.area_create()
    for n in range(105):
        child = factories.child_create(
            local_authority=area.local_authority, first_name=f"C{n:03d}", last_name="Paged"
        )
        factories.relationship_create(child=child, person=area.coordinator)
    client.force_login(area.coordinator)
    first = client.get("/api/children/").json()
    assert (first["count"], len(first["results"]), first["previous"]) == (106, 25, None)
    assert first["next"].endswith("/api/children/?page=2")
    small = client.get("/api/children/", {"page_size": 10, "page": 2}).json()
    assert [c["full_name"] for c in small["results"]][:2] == [
        "C009 Paged",
        "C010 Paged",
    ]  # Ada Lovelace first
    assert len(client.get("/api/children/", {"page_size": 100}).json()["results"]) == 100
    # Past the ceiling is refused, naming the parameter, as the description's maximum says.
    too_many = client.get("/api/children/", {"page_size": 1000})
    assert too_many.status_code == 400
    assert too_many.json()["problems"][0]["path"] == "/page_size"
    beyond = client.get("/api/children/", {"page": 99})
    assert beyond.status_code == 404
    assert beyond["Content-Type"] == PROBLEM_TYPE
    named = client.get("/api/children/", {"name": "c104"}).json()
    assert [c["full_name"] for c in named["results"]] == ["C104 Paged"]
    with_nul = client.get("/api/children/", {"name": "c104\x00"})  # PostgreSQL refuses NUL
    assert [c["full_name"] for c in with_nul.json()["results"]] == ["C104 Paged"]

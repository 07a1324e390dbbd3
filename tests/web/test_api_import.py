"""Importing through the API: a record exported by the API comes back in as a new child on the
importer's caseload (JSON and FHIR), an invalid file is refused whole with every problem as a
JSON Pointer, and only people who may add children may import."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from goldenthread.web.api.problems import PROBLEM_TYPE
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.api.views.imports import json_pointer
from goldenthread.web.passport.transfer import NOT_ALLOWED
from goldenthread.web.plans.models import Child, Outcome
from tests.web.access_world import World, world_create


def _bearer(world: World, persona: str) -> dict[str, str]:
    _, secret = api_token_create(owner=world.people[persona], name="Moving area")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _post(client: Client, url: str, body: Any, auth: dict[str, str], media: str) -> Any:
    return client.post(url, body, content_type=media, **auth)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("export", "url", "media"),
    [
        ("passport/", "/api/imports/record/", "application/json"),
        ("passport/fhir/", "/api/imports/fhir/", "application/fhir+json"),
    ],
)
def test_a_record_exported_by_the_api_imports_as_a_new_child(
    client: Client, export: str, url: str, media: str
) -> None:
    world = world_create()
    reader = _bearer(world, "coordinator")
    record = client.get(f"/api/children/{world.child.pk}/{export}", **reader).json()
    importer = _bearer(world, "stranger")
    # The same name and date of birth is already held in this area: asked about first (issue 16),
    # with the words "Add a child" uses, at the child's name, and nothing written.
    before = Child.objects.count()
    asked = _post(client, url, record, importer, media)
    assert asked.status_code == 400, asked.content
    assert asked["Content-Type"] == PROBLEM_TYPE
    (problem,) = asked.json()["problems"]
    assert "Is this the same child?" in problem["message"]
    assert "confirm_not_duplicate=true" in problem["message"]
    assert problem["path"].startswith("/child/first_name" if "record" in url else "/entry/")
    assert Child.objects.count() == before
    response = _post(client, f"{url}?confirm_not_duplicate=true", record, importer, media)
    assert response.status_code == 201, response.content
    body = response.json()
    new = Child.objects.get(pk=body["child"])
    assert new.pk != world.child.pk
    assert (new.first_name, new.date_of_birth) == (
        world.child.first_name,
        world.child.date_of_birth,
    )
    live = Outcome.objects.filter(plan__child=new, archived_at__isnull=True)
    assert body["outcomes"] == live.count() == 2
    assert (body["plans"], body["provision"]) == (1, 2)
    # The importer now has the child on their caseload, and can open it through the API.
    assert client.get(f"/api/children/{new.pk}/", **importer).status_code == 200


@pytest.mark.django_db
def test_an_invalid_file_is_refused_whole_with_every_problem(client: Client) -> None:
    world = world_create()
    auth = _bearer(world, "coordinator")
    record = client.get(f"/api/children/{world.child.pk}/passport/", **auth).json()
    record["plans"][0]["outcomes"][0]["due_date"] = "next summer"
    del record["child"]["date_of_birth"]
    children_before = Child.objects.count()
    response = _post(client, "/api/imports/record/", record, auth, "application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_TYPE
    paths = {p["path"] for p in response.json()["problems"]}
    assert "/plans/0/outcomes/0/due_date" in paths
    assert any(path.startswith("/child") for path in paths)
    assert Child.objects.count() == children_before
    not_json = client.post(
        "/api/imports/fhir/", "{not json", content_type="application/json", **auth
    )
    assert (not_json.status_code, not_json["Content-Type"]) == (400, PROBLEM_TYPE)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["parent", "young_person", "strategic_leader", "dpo"])
def test_only_people_who_may_add_children_import(client: Client, persona: str) -> None:
    world = world_create()
    auth = _bearer(world, persona)
    response = _post(client, "/api/imports/record/", {"child": {}}, auth, "application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == NOT_ALLOWED


def test_import_paths_become_json_pointers() -> None:
    assert json_pointer("plans[0].outcomes[3].due_date") == "/plans/0/outcomes/3/due_date"
    assert json_pointer("entry[12].resource.target[0].dueDate") == (
        "/entry/12/resource/target/0/dueDate"
    )
    assert json_pointer("") == ""

"""The import bodies in the OpenAPI description are the published JSON Schemas, referenced
(``$ref``), not copied; the server refuses what they refuse, with a problem naming the place;
the schemas are served beside the description (issue 24)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from django.test import Client
from hypothesis import HealthCheck, given, settings
from schemathesis.core import NotSet

from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.passport.fhir_bundle import NO_PATIENT
from goldenthread.web.passport.schema_check import MISSING, NOT_OF_TYPE
from tests.web import factories

PROJECT = Path(__file__).resolve().parents[2]
DESCRIPTION = PROJECT / "docs" / "api" / "openapi.yaml"
BODIES = {
    ("/api/imports/record/", "application/json"): "../schemas/passport-v1.schema.json",
    ("/api/imports/fhir/", "application/json"): "../schemas/fhir-bundle-import-v1.schema.json",
    ("/api/imports/fhir/", "application/fhir+json"): "../schemas/fhir-bundle-import-v1.schema.json",
}


def test_the_import_bodies_point_to_the_published_schemas() -> None:
    description = yaml.safe_load(DESCRIPTION.read_text(encoding="utf-8"))
    assert description["openapi"].startswith("3.1")  # schema objects are JSON Schema 2020-12
    for (path, media_type), reference in BODIES.items():
        body = description["paths"][path]["post"]["requestBody"]["content"][media_type]
        assert body["schema"] == {"$ref": reference}
        assert (DESCRIPTION.parent / reference).is_file()


def test_schemathesis_resolves_the_references_from_the_committed_file() -> None:
    schema = schemathesis.openapi.from_path(str(DESCRIPTION))
    imports = [r.ok() for r in schema.get_all_operations() if "/imports/" in r.ok().path]
    assert len(imports) == 2
    seen: dict[str, list[Any]] = {}
    for operation in imports:

        @settings(
            max_examples=3,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def generate(case: schemathesis.Case) -> None:
            seen.setdefault(case.operation.label, []).append(case.body)

        generate()
        bodies = seen[operation.label]
        assert bodies and not any(isinstance(b, NotSet) for b in bodies), operation.label
        assert all(isinstance(b, dict) for b in bodies)


@pytest.mark.django_db
def test_the_schemas_are_served_beside_the_description(client: Client) -> None:
    name = "fhir-bundle-import-v1.schema.json"
    assert client.get(f"/api/schemas/{name}").status_code == 401
    client.force_login(factories.user_create(username="reader"))
    served = client.get(f"/api/schemas/{name}")
    assert served.status_code == 200
    assert served["Content-Type"] == "application/schema+json"
    assert served.content == (PROJECT / "docs" / "schemas" / name).read_bytes()
    assert client.get("/api/schemas/audit-record.schema.json").status_code == 404


PATIENT = {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient"}}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bundle", "expected"),
    [
        (  # an entry with no resource was a server error (KeyError) before
            {"resourceType": "Bundle", "type": "collection", "entry": [PATIENT, {"fullUrl": "x"}]},
            [{"path": "/entry/1/resource", "message": MISSING}],
        ),
        (
            {"resourceType": "Bundle", "type": "collection", "entry": [PATIENT, 3]},
            [{"path": "/entry/1", "message": NOT_OF_TYPE.format(kind="a JSON object")}],
        ),
        (
            {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [{"fullUrl": "y", "resource": {"resourceType": "Goal"}}],
            },
            [{"path": "/entry", "message": NO_PATIENT}],
        ),
        (
            {"resourceType": "Bundle", "type": "wish-list", "entry": [PATIENT]},
            [
                {
                    "path": "/type",
                    "message": "Unknown code 'wish-list': use one of document, "
                    "message, transaction, transaction-response, batch, batch-response, history, "
                    "searchset, collection",
                }
            ],
        ),
        (
            {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [PATIENT, {"fullUrl": "p", "resource": {"resourceType": "Practitioner"}}],
            },
            [
                {
                    "path": "/entry/1/resource/resourceType",
                    "message": "Unknown code "
                    "'Practitioner': use one of Patient, CarePlan, Condition, Goal, Observation",
                }
            ],
        ),
    ],
)
def test_the_server_refuses_what_the_bundle_schema_refuses(
    client: Client, bundle: dict[str, Any], expected: list[dict[str, str]]
) -> None:
    area = factories.area_create()
    _, secret = api_token_create(owner=area.coordinator, name="Bundles")
    answer = client.post(
        "/api/imports/fhir/",
        bundle,
        content_type="application/fhir+json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert answer.status_code == 400, answer.content
    assert answer.json()["problems"] == expected


@pytest.mark.django_db
def test_a_method_the_address_does_not_take_says_which_it_does(client: Client) -> None:
    area = factories.area_create()
    _, secret = api_token_create(owner=area.coordinator, name="Methods")
    answer = client.generic(
        "TRACE", f"/api/children/{area.child.pk}/", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert answer.status_code == 405
    assert answer["Content-Type"] == "application/problem+json"
    assert "GET" in answer["Allow"]

"""The committed OpenAPI description (docs/api/openapi.yaml) is what the code describes.

Regenerate it after changing the API:
    GOLDENTHREAD_ENV=development .venv/bin/python -m django spectacular \
        --settings goldenthread.web.settings --file docs/api/openapi.yaml
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.test import Client

from goldenthread.web.api.schema import openapi_yaml
from tests.web import factories

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"


def test_the_committed_openapi_description_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == openapi_yaml(), (
        "docs/api/openapi.yaml is out of date: regenerate it (see this test's docstring)"
    )


def test_every_operation_says_how_it_is_authenticated_and_what_problems_come_back() -> None:
    schema = yaml.safe_load(openapi_yaml())
    assert schema["components"]["securitySchemes"]["token"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "A token made with `goldenthread api-token create`.",
    }
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"token": []} in operation["security"], (method, path)
            problems = operation["responses"]["401"]["content"]["application/problem+json"]
            assert problems["schema"] == {"$ref": "#/components/schemas/Problem"}
            if method == "patch":
                assert "409" in operation["responses"], path


@pytest.mark.django_db
def test_the_schema_is_served_to_people_signed_in(client: Client) -> None:
    assert client.get("/api/schema/").status_code == 401
    client.force_login(factories.user_create(username="reader"))
    served = client.get("/api/schema/", {"format": "json"})
    assert served.status_code == 200
    assert served.json()["info"]["title"] == "Golden Thread API"

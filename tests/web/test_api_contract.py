"""The description and the server agree (issue 24): PATCH needs row_version and says so; page
and page_size are whole numbers in range and format one of its values, anything else refused
naming the parameter; a boolean is JSON true or false, not 0."""

from __future__ import annotations

import pytest
import yaml
from django.test import Client

from goldenthread.web.api.pagination import NOT_A_PAGE, NOT_A_PAGE_SIZE
from goldenthread.web.api.problems import PROBLEM_TYPE
from goldenthread.web.api.schema import openapi_yaml
from goldenthread.web.api.serializers_parts import NOT_TRUE_OR_FALSE, ROW_VERSION_NEEDED
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.api.views.passport import UNKNOWN_FORMAT
from tests.web.factories import Area

pytestmark = pytest.mark.django_db


def _auth(area: Area) -> dict[str, str]:
    _, secret = api_token_create(owner=area.coordinator, name="Contract")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_patch_requires_row_version_in_the_description_and_the_server(
    client: Client, area: Area
) -> None:
    schemas = yaml.safe_load(openapi_yaml())["components"]["schemas"]
    for name in ("PatchedOutcomeRequest", "PatchedProvisionRequest"):
        assert schemas[name]["required"] == ["row_version"]
    url = f"/api/plans/{area.thread.plan.pk}/outcomes/{area.thread.outcome.pk}/"
    refused = client.patch(url, {"text": "x"}, content_type="application/json", **_auth(area))
    assert refused.json()["problems"] == [{"path": "/row_version", "message": ROW_VERSION_NEEDED}]


@pytest.mark.parametrize(
    ("query", "name", "message"),
    [
        ("page_size=null", "page_size", NOT_A_PAGE_SIZE),
        ("page_size=0", "page_size", NOT_A_PAGE_SIZE),
        ("page_size=101", "page_size", NOT_A_PAGE_SIZE),
        ("page_size=", "page_size", NOT_A_PAGE_SIZE),
        ("page_size=5&page_size=6", "page_size", NOT_A_PAGE_SIZE),
        ("page=abc", "page", NOT_A_PAGE),
        ("page=-1", "page", NOT_A_PAGE),
    ],
)
def test_bad_paging_is_refused_naming_the_parameter(
    client: Client, area: Area, query: str, name: str, message: str
) -> None:
    for url in ("/api/children/", f"/api/plans/{area.thread.plan.pk}/outcomes/"):
        response = client.get(f"{url}?{query}", **_auth(area))
        assert (response.status_code, response["Content-Type"]) == (400, PROBLEM_TYPE), url
        assert response.json()["problems"] == [{"path": f"/{name}", "message": message}]
    fine = client.get("/api/children/?page=1&page_size=100", **_auth(area))
    assert fine.status_code == 200


@pytest.mark.parametrize("value", [0, 1, "true", "yes", None])
def test_a_boolean_is_true_or_false_and_nothing_else(
    client: Client, area: Area, value: object
) -> None:
    outcome = area.thread.outcome
    response = client.patch(
        f"/api/plans/{area.thread.plan.pk}/outcomes/{outcome.pk}/",
        {"in_own_words": value, "row_version": outcome.row_version},
        content_type="application/json",
        **_auth(area),
    )
    assert response.status_code == 400
    assert response.json()["problems"][0]["path"] == "/in_own_words"
    if value is not None:
        assert response.json()["problems"] == [
            {"path": "/in_own_words", "message": NOT_TRUE_OR_FALSE}
        ]


@pytest.mark.parametrize("query", ["format=", "format=xml", "format=json&format=fhir"])
def test_an_empty_or_unknown_format_is_refused_naming_it(
    client: Client, area: Area, query: str
) -> None:
    url = f"/api/children/{area.child.pk}/passport/fhir/"
    response = client.get(f"{url}?{query}", **_auth(area))
    assert (response.status_code, response["Content-Type"]) == (400, PROBLEM_TYPE)
    assert response.json()["problems"] == [{"path": "/format", "message": UNKNOWN_FORMAT}]
    assert client.get(f"{url}?format=fhir", **_auth(area)).status_code == 200

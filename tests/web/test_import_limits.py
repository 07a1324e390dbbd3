"""JSON read within limits (size, nesting, number size, no NUL) everywhere it is read: the API's
bodies, the import page and the import command. Each refusal names the limit; none is a 500."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.test import Client

from goldenthread.cli import main as cli_main
from goldenthread.core.json_limits import (
    MAX_BYTES,
    NOT_JSON,
    NUL_CHARACTER,
    NUMBER_TOO_BIG,
    TOO_BIG,
    TOO_DEEP,
)
from goldenthread.web.api.problems import PROBLEM_TYPE
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.plans.models import Child
from tests.web import factories
from tests.web.conftest import PageClient

HOSTILE = {
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, TOO_DEEP),
    "nested 40 deep": (b'{"a":' * 40 + b"1" + b"}" * 40, TOO_DEEP),
    "a 5,000-digit integer": (b'{"child": ' + b"9" * 5000 + b"}", NUMBER_TOO_BIG),
    "a 16-digit integer": (b'{"plans": [{"id": 1234567890123456}]}', NUMBER_TOO_BIG),
    "an infinite number": (b'{"id": 1e999}', NUMBER_TOO_BIG),
    "NaN": (b'{"id": NaN}', NUMBER_TOO_BIG),
    "a NUL in a value": (b'{"child": {"first_name": "Ada\\u0000"}}', NUL_CHARACTER),
    "a NUL in a key": (b'{"chi\\u0000ld": {}}', NUL_CHARACTER),
    "not UTF-8": (b'{"child": "\xff"}', NOT_JSON),
    "larger than 5 MB": (b'{"a": "' + b"x" * MAX_BYTES + b'"}', TOO_BIG),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", HOSTILE)
def test_the_api_refuses_hostile_json_naming_the_limit(client: Client, kind: str) -> None:
    area = factories.area_create()
    _, secret = api_token_create(owner=area.coordinator, name="Limits")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    body, message = HOSTILE[kind]
    for url, media in [
        ("/api/imports/record/", "application/json"),
        ("/api/imports/fhir/", "application/fhir+json"),
        (f"/api/plans/{area.thread.plan.pk}/outcomes/", "application/json"),
    ]:
        response = client.post(url, body, content_type=media, **auth)
        assert (response.status_code, response["Content-Type"]) == (400, PROBLEM_TYPE), url
        assert response.json()["detail"] == message, url


@pytest.mark.parametrize("kind", ["nested 100,000 deep", "a 5,000-digit integer", "NaN"])
def test_the_import_page_refuses_hostile_json_naming_the_limit(
    page: PageClient, area: factories.Area, kind: str
) -> None:
    body, message = HOSTILE[kind]
    page.sign_in(area.coordinator)
    upload = io.BytesIO(body)
    upload.name = "passport.json"
    answer = page.post("/passport/import/", {"file": upload}, status=400)
    assert message in answer.text
    assert Child.objects.count() == 2


@pytest.mark.parametrize("kind", ["a NUL in a value", "a 16-digit integer", "nested 40 deep"])
def test_the_import_command_refuses_hostile_json_naming_the_limit(
    area: factories.Area, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    body, message = HOSTILE[kind]
    file = tmp_path / "hostile.json"
    file.write_bytes(body)
    assert cli_main(["passport", "import", str(file), "--user", area.coordinator.username]) == 2
    assert message in capsys.readouterr().err
    assert Child.objects.count() == 2

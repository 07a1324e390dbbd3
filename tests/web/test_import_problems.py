"""Imports name every problem once, each at its own place: the JSON record (API, page, command)
and FHIR Bundles, where problems found reading the Bundle and those the record's own checks
find are listed together (issue 24)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from goldenthread.cli import main as cli_main
from goldenthread.web.access.policy import ChildAccess, Reason
from goldenthread.web.accounts.models import Role
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.fhir import record_fhir_bundle
from goldenthread.web.passport.fhir_bundle import POINTS_NOWHERE
from goldenthread.web.passport.fhir_places import fhir_place
from goldenthread.web.passport.selectors import passport_get
from goldenthread.web.passport.transfer import MISSING, NHS_INVALID, record_schema
from goldenthread.web.plans.models import Child
from tests.web import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(area: factories.Area) -> dict[str, Any]:
    child = Child.objects.get(pk=area.child.pk)
    return passport_json(passport_get(child, ChildAccess(child.pk, frozenset({Reason.CASELOAD}))))


@pytest.fixture
def importer() -> Any:
    return factories.user_create(
        role=Role.COORDINATOR,
        organisation=factories.local_authority_create(name="Eastshire Council"),
    )


def _api_problems(client: Client, importer: Any, url: str, body: object) -> list[dict[str, str]]:
    _, secret = api_token_create(owner=importer, name="Problems")
    response = client.post(
        url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert response.status_code == 400, response.content
    problems: list[dict[str, str]] = response.json()["problems"]
    return problems


def _cli_problems(
    tmp_path: Path, importer: Any, body: object, capsys: pytest.CaptureFixture[str]
) -> list[str]:
    file = tmp_path / "record.json"
    file.write_text(json.dumps(body))
    assert cli_main(["passport", "import", str(file), "--user", importer.username]) == 2
    lines = capsys.readouterr().err.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Nothing was imported"))
    listed = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        listed.append(line.strip())
    return listed


def test_an_empty_object_lists_each_required_field_once(
    client: Client, importer: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    required = record_schema()["required"]
    expected = [{"path": f"/{name}", "message": MISSING} for name in required]
    problems = _api_problems(client, importer, "/api/imports/record/", {})
    assert sorted(problems, key=str) == sorted(expected, key=str)
    assert sorted(_cli_problems(tmp_path, importer, {}, capsys)) == sorted(
        f"{name}: {MISSING}" for name in required
    )


def test_each_missing_field_of_a_real_export_is_named(
    client: Client,
    record: dict[str, Any],
    importer: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    del record["child"]["date_of_birth"]
    del record["plans"][0]["status"]
    problems = _api_problems(client, importer, "/api/imports/record/", record)
    assert problems == [
        {"path": "/child/date_of_birth", "message": MISSING},
        {"path": "/plans/0/status", "message": MISSING},
    ]
    assert _cli_problems(tmp_path, importer, record, capsys) == [
        f"child.date_of_birth: {MISSING}",
        f"plans[0].status: {MISSING}",
    ]


def _index(bundle: dict[str, Any], kind: str) -> int:
    return next(i for i, e in enumerate(bundle["entry"]) if e["resource"]["resourceType"] == kind)


def test_a_fhir_bundle_with_three_problems_lists_three(
    client: Client,
    record: dict[str, Any],
    importer: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = json.loads(json.dumps(record_fhir_bundle(record)))
    patient, careplan = _index(bundle, "Patient"), _index(bundle, "CarePlan")
    goal = next(
        i
        for i, e in enumerate(bundle["entry"])
        if e["resource"]["resourceType"] == "Goal" and e["resource"].get("addresses")
    )
    bad = copy.deepcopy(bundle)
    bad["entry"][goal]["resource"]["addresses"][0]["reference"] = "urn:uuid:nowhere"
    bad["entry"][careplan]["resource"]["status"] = "dreaming"
    bad["entry"][patient]["resource"]["identifier"] = [
        {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "1234567890"}
    ]
    problems = _api_problems(client, importer, "/api/imports/fhir/", bad)
    paths = [p["path"] for p in problems]
    assert len(problems) == 3, problems
    assert f"/entry/{goal}/resource/addresses/0/reference" in paths
    assert f"/entry/{careplan}/resource/status" in paths
    assert {"path": f"/entry/{patient}/resource/identifier", "message": NHS_INVALID} in problems
    assert {"path": f"/entry/{goal}/resource/addresses/0/reference", "message": POINTS_NOWHERE} in (
        problems
    )
    cli = _cli_problems(tmp_path, importer, bad, capsys)
    assert len(cli) == 3, cli
    assert f"entry[{patient}].resource.identifier: {NHS_INVALID}" in cli


@pytest.mark.parametrize(
    ("path", "place"),
    [
        ("child.date_of_birth", "entry[0].resource.birthDate"),
        ("plans[0].end_date", "entry[3].resource.period.end"),
        ("plans[0].outcomes[0].due_date", "entry[5].resource.target[0].dueDate"),
        ("plans[0].outcomes[0].steps[1].text", "entry[7].resource.description.text"),
        ("plans[0].provision[0].frequency", "entry[3].resource.activity[0].detail.scheduledString"),
        ("plans[0].needs[0].text", "entry[4].resource.code.text"),
        ("plans[0].outcomes[0].needs[0]", "entry[5].resource"),
        ("plans[9].status", None),
        ("made_on", None),
    ],
)
def test_a_record_problem_is_named_at_its_place_in_the_bundle(path: str, place: str | None) -> None:
    record = {
        "child": {"id": 0},
        "plans": [
            {
                "id": 3,
                "needs": [{"id": 4}],
                "outcomes": [{"id": 5, "steps": [{}, {}]}],
                "provision": [{"id": 99}],
            }
        ],
    }
    assert fhir_place(path, record, {5: [6, 7]}) == place

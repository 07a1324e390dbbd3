"""Importing a passport file: every kind of problem names its place, and nothing is written."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goldenthread.cli import main as cli_main
from goldenthread.web.access.models import AuditEvent
from goldenthread.web.access.policy import ChildAccess, Reason
from goldenthread.web.accounts.models import Role
from goldenthread.web.passport import transfer, transfer_write
from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.fhir import record_fhir_bundle
from goldenthread.web.passport.fhir_bundle import POINTS_NOWHERE
from goldenthread.web.passport.selectors import passport_get
from goldenthread.web.passport.transfer import (
    MISSING,
    NHS_INVALID,
    NO_SUCH_PART,
    NOT_A_DATE,
    NOT_ALLOWED,
    ImportInvalid,
    import_fhir_bundle,
    import_record_json,
)
from goldenthread.web.plans.duplicates import clash_message
from goldenthread.web.plans.models import Child, Outcome, Plan
from goldenthread.web.plans.services import links as links_service
from tests.web import factories
from tests.web.conftest import PageClient

pytestmark = pytest.mark.django_db
NHS = "9434765919"  # a valid check digit


@pytest.fixture
def record(area: factories.Area) -> dict[str, Any]:
    Child.objects.filter(pk=area.child.pk).update(nhs_number=NHS)
    child = Child.objects.get(pk=area.child.pk)
    access = ChildAccess(child.pk, frozenset({Reason.CASELOAD}))
    return passport_json(passport_get(child, access))


@pytest.fixture
def importer() -> Any:
    """A coordinator in another local authority."""
    return factories.user_create(
        role=Role.COORDINATOR,
        organisation=factories.local_authority_create(name="Eastshire Council"),
    )


def _problems(run: Callable[[], object]) -> dict[str, str]:
    counts = (Child.objects.count(), Plan.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ImportInvalid) as raised:
        run()
    assert (Child.objects.count(), Plan.objects.count(), AuditEvent.objects.count()) == counts
    return {p.path: p.message for p in raised.value.problems}


def test_a_good_file_makes_a_child_on_my_caseload(record: dict[str, Any], importer: Any) -> None:
    result = import_record_json(record, user=importer)
    assert result.child.full_name == "Ada Lovelace-Example"
    assert result.child.nhs_number == NHS
    assert (result.plans, result.outcomes, result.provision) == (1, 2, 2)


def test_every_problem_is_listed_with_its_path(record: dict[str, Any], importer: Any) -> None:
    bad = copy.deepcopy(record)
    del bad["child"]["date_of_birth"]
    bad["plans"][0]["outcomes"][0]["due_date"] = "2027-02-30"
    bad["plans"][0]["outcomes"][1]["domain"] = "magic"
    bad["plans"][0]["provision"][0]["outcomes"] = [999]
    problems = _problems(lambda: import_record_json(bad, user=importer))
    assert problems["child.date_of_birth"] == MISSING
    assert problems["plans[0].outcomes[0].due_date"] == NOT_A_DATE
    assert problems["plans[0].outcomes[1].domain"].startswith("Unknown code 'magic'")
    # Links are checked once the shape is right, so this one waits for the next try.
    assert "plans[0].provision[0].outcomes[0]" not in problems


def test_links_that_point_nowhere_are_named(record: dict[str, Any], importer: Any) -> None:
    bad = copy.deepcopy(record)
    bad["plans"][0]["provision"][0]["outcomes"] = [999]
    bad["plans"][0]["outcomes"][0]["needs"] = [12345]
    problems = _problems(lambda: import_record_json(bad, user=importer))
    assert problems["plans[0].provision[0].outcomes[0]"] == NO_SUCH_PART.format(
        what="outcome", id=999
    )
    assert problems["plans[0].outcomes[0].needs[0]"] == NO_SUCH_PART.format(what="need", id=12345)


def test_a_child_already_held_here_is_refused(area: factories.Area, record: dict[str, Any]) -> None:
    problems = _problems(lambda: import_record_json(record, user=area.coordinator))
    held = Child.objects.get(pk=area.child.pk)
    # The words "Add a child" uses (plans.duplicates), with the link: the importer may see them.
    assert problems == {
        "child.nhs_number": clash_message(held, field="nhs_number", user=area.coordinator)
    }
    assert f"/children/{held.pk}/" in problems["child.nhs_number"]


def test_a_wrong_nhs_number_is_refused(record: dict[str, Any], importer: Any) -> None:
    record["child"]["nhs_number"] = "9434765910"
    problems = _problems(lambda: import_record_json(record, user=importer))
    assert problems == {"child.nhs_number": NHS_INVALID}


def test_a_part_the_records_refuse_undoes_everything_written_before_it(
    record: dict[str, Any], importer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second plan's help is refused by the records (a rule the schema does not carry, made
    up here) after the first plan is written: nothing is kept, and the path is named."""
    second = copy.deepcopy(record["plans"][0])
    second["provision"][0]["description"] = "REFUSE"
    record["plans"].append(second)
    real_part_save = links_service.part_save

    def refusing_part_save(part: Any, **kwargs: Any) -> Any:
        if kwargs["fields"].get("description") == "REFUSE":
            raise ValidationError({"description": ["Not allowed here"]})
        return real_part_save(part, **kwargs)

    monkeypatch.setattr(transfer_write, "part_save", refusing_part_save)
    problems = _problems(lambda: import_record_json(record, user=importer))
    assert problems == {"plans[1].provision[0].description": "Not allowed here"}
    assert not Outcome.objects.filter(plan__child__local_authority=importer.organisation).exists()


def test_not_a_record_at_all(importer: Any) -> None:
    assert "" in _problems(lambda: import_record_json([1, 2], user=importer))


def test_only_people_who_add_children_may_import(record: dict[str, Any]) -> None:
    parent = factories.user_create(role=Role.PARENT)
    with pytest.raises(PermissionDenied, match=NOT_ALLOWED):
        import_record_json(record, user=parent)


def _bundle(record: dict[str, Any]) -> dict[str, Any]:
    bundle: dict[str, Any] = json.loads(json.dumps(record_fhir_bundle(record)))
    return bundle


def _index(bundle: dict[str, Any], kind: str, test: Callable[[dict[str, Any]], bool]) -> int:
    for index, entry in enumerate(bundle["entry"]):
        if entry["resource"]["resourceType"] == kind and test(entry["resource"]):
            return index
    raise AssertionError(kind)


def test_fhir_problems_name_the_place_in_the_bundle(
    record: dict[str, Any], importer: Any, area: factories.Area
) -> None:
    bundle = _bundle(record)
    goal = _index(bundle, "Goal", lambda r: r["description"]["text"] == area.thread.outcome.text)
    bundle["entry"][goal]["resource"]["target"][0]["dueDate"] = "16/07/2027"
    problems = _problems(lambda: import_fhir_bundle(bundle, user=importer))
    assert f"entry[{goal}].resource.target[0].dueDate" in problems


def test_fhir_references_and_codes_are_checked(
    record: dict[str, Any], importer: Any, area: factories.Area
) -> None:
    bundle = _bundle(record)
    goal = _index(bundle, "Goal", lambda r: r["description"]["text"] == area.thread.outcome.text)
    bundle["entry"][goal]["resource"]["addresses"][0]["reference"] = "urn:uuid:nowhere"
    careplan = _index(bundle, "CarePlan", lambda r: True)
    bundle["entry"][careplan]["resource"]["category"][0]["coding"][0]["code"] = "wish_list"
    problems = _problems(lambda: import_fhir_bundle(bundle, user=importer))
    assert problems[f"entry[{goal}].resource.addresses[0].reference"] == POINTS_NOWHERE
    where = f"entry[{careplan}].resource.category[0].coding[0].code"
    assert problems[where].startswith("Unknown code 'wish_list'")


def test_fhir_with_a_field_fhir_does_not_have_is_refused(
    record: dict[str, Any], importer: Any
) -> None:
    bundle = _bundle(record)
    bundle["entry"][0]["resource"]["favouriteColour"] = "blue"
    problems = _problems(lambda: import_fhir_bundle(bundle, user=importer))
    assert "entry[0].resource.favouriteColour" in problems


def _upload(page: PageClient, content: bytes, status: int) -> Any:
    upload = io.BytesIO(content)
    upload.name = "passport.json"
    return page.post("/passport/import/", {"file": upload}, status=status)


def test_the_import_page_lists_problems_then_imports(
    page: PageClient, record: dict[str, Any], importer: Any
) -> None:
    page.sign_in(importer)
    caseload = page.get("/children/").html
    assert caseload.select_one('a[href="/passport/import/"]') is not None
    assert "Import a passport" in page.get("/passport/import/").text
    bad = copy.deepcopy(record)
    bad["plans"][0]["outcomes"][0]["due_date"] = "soon"
    summary = _upload(page, json.dumps(bad).encode(), 400).html.select_one(".govuk-error-summary")
    assert summary is not None
    assert f"plans[0].outcomes[0].due_date: {NOT_A_DATE}" in summary.get_text()
    assert "not JSON" in _upload(page, b"{nope", 400).text
    done = _upload(page, json.dumps(_bundle(record)).encode(), 302)
    child = Child.objects.get(local_authority=importer.organisation)
    assert done.redirect_url == f"/children/{child.pk}/passport/"
    assert "Imported Ada Lovelace-Example" in page.follow(done).text


def test_the_commands_export_and_import_all_or_nothing(
    area: factories.Area, importer: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "passport.fhir.json"
    assert (
        cli_main(
            [
                *("passport", "export", str(area.child.pk), "--format", "fhir", "-o", str(out)),
                *("--user", area.coordinator.username, "--reason", "moving to Eastshire"),
            ]
        )
        == 0
    )
    bundle = json.loads(out.read_text())
    assert bundle["resourceType"] == "Bundle"
    broken = copy.deepcopy(bundle)
    broken["entry"][1]["resource"]["subject"]["reference"] = "urn:uuid:nobody"
    out.write_text(json.dumps(broken))
    assert cli_main(["passport", "import", str(out), "--user", importer.username]) == 2
    assert "entry[1].resource.subject" in capsys.readouterr().err
    assert not Child.objects.filter(local_authority=importer.organisation).exists()
    out.write_text(json.dumps(bundle))
    assert cli_main(["passport", "import", str(out), "--user", importer.username]) == 0
    assert "Imported child" in capsys.readouterr().out
    assert Child.objects.filter(local_authority=importer.organisation).count() == 1


def test_the_schema_codes_are_the_codes_the_records_use() -> None:
    """The published schema and the models agree, so a file that passes the schema is saved."""
    from goldenthread.core import vocabulary as v
    from goldenthread.web.plans.models import AreaOfNeed, NeedCode, PlanKindChoice
    from goldenthread.web.reviews.models import OutcomeDecision, ReviewKind

    defs = transfer.record_schema()["$defs"]
    child = transfer.record_schema()["properties"]["child"]["properties"]
    assert child["primary_need"]["enum"] == list(NeedCode.values)
    assert defs["plan"]["properties"]["kind"]["enum"] == list(PlanKindChoice.values)
    assert defs["need"]["properties"]["area"]["enum"] == list(AreaOfNeed.values)
    assert defs["outcome"]["properties"]["lifecycle_status"]["enum"] == list(v.GOAL_LIFECYCLE)
    assert defs["review"]["properties"]["kind"]["enum"] == list(ReviewKind.values)
    score = defs["review"]["properties"]["scores"]["items"]["properties"]
    assert score["decision"]["enum"] == list(OutcomeDecision.values)
    assert all("description" in p for p in defs["outcome"]["properties"].values())

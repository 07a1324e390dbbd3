"""Each child once, the same way everywhere (issue 16): the name search ignores case and accents
(a folded ``search_name`` kept on save, so SQLite and PostgreSQL answer alike), and "Add a
child", the API and imports refuse the same NHS number or UPN with the same words and ask about
the same name and date of birth until told it is a different child."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client

from goldenthread.core.folding import fold, search_words
from goldenthread.web.accounts.models import Role
from goldenthread.web.api.problems import PROBLEM_TYPE
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.selectors import passport_get
from goldenthread.web.passport.transfer import ImportInvalid, import_record_json
from goldenthread.web.plans.duplicates import (
    CONFIRM_IN_API,
    CONFIRM_ON_IMPORT,
    LIKELY_MATCH_RULE,
    clash_message,
    match_message,
)
from goldenthread.web.plans.models import Child, ChildRelationship
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import VALID_NHS_NUMBER, VALID_UPN, Area

CASELOAD = "/children/"
BORN = dt.date(2015, 5, 4)


def test_folding_drops_case_accents_and_odd_letters() -> None:
    assert fold("Prŷs") == fold("PRYS") == "prys"
    assert fold("Zoë") == "zoe" and fold("Øyvind") == "oyvind" and fold("Straße") == "strasse"
    assert fold("O\u2019Brien") == "o'brien" and fold("  Ann   Marie ") == "ann marie"
    assert search_words(" Zoë  PRŶS ") == ["zoe", "prys"]


def _welsh_children(area: Area) -> dict[str, Child]:
    made = {}
    for first, last in [("Rhys", "Prŷs"), ("Zoë", "Llŷr"), ("Zoltan", "Ap Ifan")]:
        child = factories.child_create(
            local_authority=area.local_authority, first_name=first, last_name=last
        )
        factories.relationship_create(child=child, person=area.coordinator)
        made[first] = child
    return made


def _listed(page: PageClient, name: str) -> set[str]:
    page.post(CASELOAD, {"name": name})
    listing = page.get(CASELOAD)
    return {link.get_text(strip=True) for link in listing.html.select("table.govuk-table td a")}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Prys", {"Rhys Prŷs"}),
        ("PRŶS", {"Rhys Prŷs"}),
        ("zoe", {"Zoë Llŷr"}),
        ("zoe llyr", {"Zoë Llŷr"}),
        ("ZO", {"Zoë Llŷr", "Zoltan Ap Ifan"}),
    ],
)
def test_the_caseload_search_ignores_case_and_accents(
    coordinator_page: PageClient, area: Area, typed: str, found: set[str]
) -> None:
    _welsh_children(area)
    assert _listed(coordinator_page, typed) == found


def test_a_search_for_a_percent_sign_is_text_not_a_wildcard(
    coordinator_page: PageClient, area: Area
) -> None:
    _welsh_children(area)
    assert _listed(coordinator_page, "%") == set()


def test_the_api_name_filter_ignores_case_and_accents(client: Client, area: Area) -> None:
    made = _welsh_children(area)
    _, secret = api_token_create(owner=area.coordinator, name="Case system")
    listed = client.get(
        CASELOAD.replace("/", "/api/", 1), {"name": "prys"}, HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert [row["id"] for row in listed.json()["results"]] == [made["Rhys"].pk]


def test_the_search_name_follows_each_change_of_name(area: Area) -> None:
    child = Child.objects.get(pk=area.child.pk)
    child.preferred_name = "Siân"
    child.save(update_fields=["preferred_name"])
    assert Child.objects.get(pk=child.pk).search_name.endswith(" sian")


def test_the_migration_fills_the_search_name_of_children_already_held(area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(last_name="Prŷs", search_name="")
    migration = importlib.import_module("goldenthread.web.plans.migrations.0007_child_search_name")
    migration.fill_search_names(django_apps, connection.schema_editor())
    assert Child.objects.get(pk=area.child.pk).search_name == "ada prys"


# The API ------------------------------------------------------------------------------------


def _child_body(**changes: Any) -> dict[str, Any]:
    body = {
        "first_name": "Rhys",
        "last_name": "Prŷs",
        "date_of_birth": BORN.isoformat(),
        "primary_need": "ASD",
    }
    return body | changes


def _api(client: Client, area: Area, body: dict[str, Any], who: Any = None) -> Any:
    _, secret = api_token_create(owner=who or area.coordinator, name="Case system")
    return client.post(
        "/api/children/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )


def test_the_api_adds_a_child_on_the_callers_caseload(client: Client, area: Area) -> None:
    made = _api(client, area, _child_body())
    assert made.status_code == 201, made.content
    child = Child.objects.get(pk=made.json()["id"])
    assert (child.local_authority_id, child.search_name) == (area.local_authority.pk, "rhys prys")
    assert ChildRelationship.objects.filter(child=child, person=area.coordinator).exists()


@pytest.mark.parametrize(("field", "value"), [("nhs_number", VALID_NHS_NUMBER), ("upn", VALID_UPN)])
def test_the_api_refuses_a_held_identifier_with_the_pages_words(
    client: Client, area: Area, field: str, value: str
) -> None:
    Child.objects.filter(pk=area.child.pk).update(nhs_number="9434765919", upn=VALID_UPN)
    held = Child.objects.get(pk=area.child.pk)
    before = Child.objects.count()
    for confirm in (False, True):  # "a different child" never lets an identifier be held twice
        refused = _api(
            client, area, _child_body(**{field: value, "confirm_not_duplicate": confirm})
        )
        assert refused.status_code == 400 and refused["Content-Type"] == PROBLEM_TYPE
        assert refused.json()["problems"] == [
            {
                "path": f"/{field}",
                "message": clash_message(held, field=field, user=area.coordinator),
            }
        ]
    assert Child.objects.count() == before


def test_the_api_asks_about_the_same_name_and_birthday(client: Client, area: Area) -> None:
    twin = factories.child_create(
        local_authority=area.local_authority,
        first_name="RHYS",
        last_name="Prys",
        date_of_birth=BORN,
    )
    before = Child.objects.count()
    asked = _api(client, area, _child_body())
    assert asked.status_code == 400 and asked["Content-Type"] == PROBLEM_TYPE
    assert asked.json()["problems"] == [
        {
            "path": "/first_name",
            "message": match_message(twin, user=area.coordinator, confirm=CONFIRM_IN_API),
            "rule": LIKELY_MATCH_RULE,
        }
    ]
    assert Child.objects.count() == before
    made = _api(client, area, _child_body(confirm_not_duplicate=True))
    assert made.status_code == 201, made.content
    assert Child.objects.count() == before + 1


def test_the_api_refuses_an_impossible_birth_date_on_its_field(client: Client, area: Area) -> None:
    refused = _api(client, area, _child_body(date_of_birth="2090-01-01"))
    assert refused.status_code == 400
    assert [p["path"] for p in refused.json()["problems"]] == ["/date_of_birth"]


@pytest.mark.parametrize("role", [Role.PARENT, Role.CHILD])
def test_only_professionals_add_a_child_through_the_api(
    client: Client, area: Area, role: str
) -> None:
    person = factories.user_create(role=role)
    refused = _api(client, area, _child_body(), who=person)
    assert refused.status_code == 403
    assert not Child.objects.filter(first_name="Rhys").exists()


# Imports ------------------------------------------------------------------------------------


def _record_of(child: Child) -> dict[str, Any]:
    from goldenthread.web.access.policy import ChildAccess, Reason

    access = ChildAccess(child.pk, frozenset({Reason.CASELOAD}))
    return passport_json(passport_get(child, access))


def test_an_import_asks_about_the_same_name_and_birthday(area: Area) -> None:
    importer = factories.user_create(role=Role.COORDINATOR, organisation=area.local_authority)
    record = _record_of(Child.objects.get(pk=area.child.pk))
    record["child"]["first_name"] = "ADA"  # the same child, typed differently
    before = Child.objects.count()
    with pytest.raises(ImportInvalid) as asked:
        import_record_json(record, user=importer)
    held = Child.objects.get(pk=area.child.pk)
    assert [(p.path, p.message) for p in asked.value.problems] == [
        ("child.first_name", match_message(held, user=importer, confirm=CONFIRM_ON_IMPORT))
    ]
    assert Child.objects.count() == before
    result = import_record_json(record, user=importer, confirm_not_duplicate=True)
    assert result.child.pk != held.pk and Child.objects.count() == before + 1


def test_an_import_refuses_a_held_upn_with_the_pages_words(area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(upn=VALID_UPN)
    importer = factories.user_create(role=Role.COORDINATOR, organisation=area.local_authority)
    held = Child.objects.get(pk=area.child.pk)
    record = _record_of(held)
    with pytest.raises(ImportInvalid) as refused:
        import_record_json(record, user=importer, confirm_not_duplicate=True)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("child.upn", clash_message(held, field="upn", user=importer))
    ]


def test_the_import_page_offers_the_different_child_box(area: Area, page: PageClient) -> None:
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    importer = factories.user_create(role=Role.COORDINATOR, organisation=area.local_authority)
    page.sign_in(importer)
    record = _record_of(Child.objects.get(pk=area.child.pk))
    body = json.dumps(record).encode()
    upload = SimpleUploadedFile("passport.json", body, content_type="application/json")
    asked = page.post("/passport/import/", {"file": upload}, status=400)
    assert "Is this the same child?" in asked.text
    assert asked.html.select_one("input[name=different_child]") is not None
    upload = SimpleUploadedFile("passport.json", body, content_type="application/json")
    done = page.client.post("/passport/import/", {"file": upload, "different_child": "on"})
    assert done.status_code == 302


def test_the_command_line_import_asks_then_takes_confirm_not_duplicate(
    area: Area, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from goldenthread.cli import main as cli_main

    importer = factories.user_create(role=Role.COORDINATOR, organisation=area.local_authority)
    out = tmp_path / "passport.json"
    out.write_text(json.dumps(_record_of(Child.objects.get(pk=area.child.pk))))
    before = Child.objects.count()
    assert cli_main(["passport", "import", str(out), "--user", importer.username]) == 2
    assert "child.first_name: A child called Ada" in capsys.readouterr().err
    assert Child.objects.count() == before
    command = ["passport", "import", str(out), "--user", importer.username]
    assert cli_main([*command, "--confirm-not-duplicate"]) == 0
    assert Child.objects.count() == before + 1

"""Subject access: everything held about a child, readable and as data, for the DPO only."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from goldenthread.cli import main
from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Need
from goldenthread.web.security.subject_access import child_subject_access_export
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area


def texts(node: dict, kind: str) -> list[str]:
    found = [node["fields"].get("text", "")] if node["kind"] == kind else []
    for items in node["parts"].values():
        for item in items:
            found += texts(item, kind)
    return found


def test_the_export_walks_the_whole_record_with_history(area: Area) -> None:
    factories.all_about_me_create(child=area.child, my_story="I like trains.")
    area.thread.outcome.text = "By July, I will ask for help in class."
    area.thread.outcome.save()
    gone = Need.objects.create(
        plan=area.thread.plan,
        text="A need later deleted",
        area="cognition_and_learning",
        domain="education",
    )
    gone.delete()

    export = child_subject_access_export(area.child)
    record = export["record"]
    assert record["fields"]["first_name"] == "Ada"
    assert record["history"], "the child's own history rows"
    assert set(record["parts"]) >= {"relationships", "all_about_me", "plans"}
    plan = record["parts"]["plans"][0]
    assert {"aspirations", "needs", "outcomes", "provision"} <= set(plan["parts"])
    assert "I will say hello to one friend each morning." in texts(record, "step")
    outcome = next(o for o in plan["parts"]["outcomes"] if o["id"] == area.thread.outcome.pk)
    assert [h["what"] for h in outcome["history"]][:2] == ["Created", "Changed"]
    assert outcome["history"][0]["fields"]["text"].startswith("By the end of Year 6")
    assert outcome["fields"]["themes"], "links are shown by what they link to"
    deleted = [n for n in plan["parts"]["needs"] if n["deleted"]]
    assert [n["fields"]["text"] for n in deleted] == ["A need later deleted"]
    assert "Bo" not in json.dumps(export)  # nothing about the other child
    json.dumps(export)  # plain data throughout


def dpo(area: Area) -> factories.User:
    return factories.user_create(role=Role.DPO, username="dpo", organisation=area.local_authority)


def test_the_dpo_finds_a_child_and_downloads_both_forms(page: PageClient, area: Area) -> None:
    officer = dpo(area)
    page.sign_in(officer)
    found = page.get("/data-protection/subject-access/", data={"child": area.child.pk})
    assert area.child.full_name in found.text
    html = page.client.get(
        "/data-protection/subject-access/", {"child": area.child.pk, "format": "html"}
    )
    assert html["Content-Disposition"].startswith("attachment;")
    soup = BeautifulSoup(html.content.decode(), "html.parser")
    assert soup.h1 is not None and area.child.full_name in soup.h1.get_text()
    assert "I want to work with animals." in soup.get_text()
    data = page.client.get(
        "/data-protection/subject-access/", {"child": area.child.pk, "format": "json"}
    )
    assert json.loads(data.content)["record"]["id"] == area.child.pk
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT, child_id=area.child.pk)
    assert exports.count() == 2
    assert exports.first().person == officer  # type: ignore[union-attr]


def test_an_unknown_record_number_is_an_error(page: PageClient, area: Area) -> None:
    page.sign_in(dpo(area))
    missing = page.get("/data-protection/subject-access/", data={"child": 999999}, status=400)
    assert "There is no child with that record number" in missing.text


def test_nobody_but_the_dpo_may_export(page: PageClient, area: Area) -> None:
    page.sign_in(area.coordinator)
    page.get("/data-protection/subject-access/", status=403)
    admin = factories.user_create(role=Role.ADMINISTRATOR, username="boss")
    admin.is_superuser = True
    admin.save()
    page.sign_in(admin)
    page.get("/data-protection/subject-access/", status=403)


def test_the_command_writes_html_and_json(area: Area, tmp_path: Path) -> None:
    dpo = factories.user_create(role=Role.DPO, organisation=area.local_authority)
    asked = ["--user", dpo.username, "--reason", "SAR 2026-014"]
    out = tmp_path / "child.json"
    assert (
        main(
            [
                *("export-child", "--child", str(area.child.pk), "--format", "json"),
                *("-o", str(out), *asked),
            ]
        )
        == 0
    )
    assert json.loads(out.read_text())["record"]["fields"]["last_name"] == "Lovelace-Example"
    page = tmp_path / "child.html"
    assert main(["export-child", "--child", str(area.child.pk), "-o", str(page), *asked]) == 0
    assert "<h1>Everything held about Ada Lovelace-Example</h1>" in page.read_text()
    assert main(["export-child", "--child", "999999", "-o", str(page), *asked]) == 1

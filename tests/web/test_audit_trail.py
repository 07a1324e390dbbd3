"""The audit trail: every look and change is written down, it cannot be changed, the family
sees who looked, and the data protection officer can search and download it."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client

from goldenthread.web.access.models import (
    APPEND_ONLY,
    AuditAction,
    AuditEvent,
    AuditResult,
    RefusalCode,
)
from goldenthread.web.access.selectors import audit_trail_for_child, child_reference
from goldenthread.web.access.triggers import TABLE
from tests.web.access_world import EMERGENCY_REASON, PERSONAS, world_create
from tests.web.conftest import PageClient
from tests.web.factories import Area


def test_a_look_at_any_page_about_a_child_is_written_down(
    coordinator_page: PageClient, area: Area
) -> None:
    outcome = area.thread.outcome
    coordinator_page.get(f"/children/{area.child.pk}/")
    coordinator_page.get(f"/plans/{area.thread.plan.pk}/outcomes/{outcome.pk}/edit/")
    looks = AuditEvent.objects.filter(action=AuditAction.VIEW).order_by("pk")
    assert [(e.person, e.child_id, e.object_type, e.object_id, e.url_name) for e in looks] == [
        (area.coordinator, area.child.pk, "child", area.child.pk, "child"),
        (area.coordinator, area.child.pk, "outcome", outcome.pk, "part-edit"),
    ]
    assert looks[0].role == area.coordinator.role
    assert looks[0].organisation == area.local_authority


def test_a_refused_look_is_written_down_as_refused_and_not_as_a_look(
    page: PageClient, area: Area
) -> None:
    page.sign_in(area.stranger)
    page.get(f"/children/{area.child.pk}/", status=404)
    refused = AuditEvent.objects.get(child=area.child, person=area.stranger)
    assert (refused.person, refused.method, refused.status, refused.url_name) == (
        area.stranger, "GET", 404, "child",
    )  # fmt: skip
    assert (refused.result, refused.refusal) == (AuditResult.REFUSED, RefusalCode.NO_RELATIONSHIP)
    assert refused not in audit_trail_for_child(area.child.pk)  # not on the family's list


def test_every_change_is_written_down_with_the_child(
    coordinator_page: PageClient, area: Area
) -> None:
    help_ = area.thread.help
    coordinator_page.post(f"/plans/{area.thread.plan.pk}/provision/{help_.pk}/archive/")
    change = AuditEvent.objects.get(action=AuditAction.ARCHIVE)
    assert (change.person, change.child_id, change.object_type, change.object_id) == (
        area.coordinator, area.child.pk, "provision", help_.pk,
    )  # fmt: skip


def test_the_trail_holds_ids_not_names(coordinator_page: PageClient, area: Area) -> None:
    coordinator_page.get(f"/children/{area.child.pk}/")
    coordinator_page.post(f"/plans/{area.thread.plan.pk}/archive/")
    for event in AuditEvent.objects.all():
        text = " ".join(str(v) for v in vars(event).values())
        for name in (area.child.first_name, area.child.last_name, area.coordinator.last_name):
            assert name not in text


@pytest.mark.django_db
def test_the_application_cannot_change_or_delete_an_entry() -> None:
    world = world_create()
    event = AuditEvent.objects.create(action=AuditAction.VIEW, child=world.child)
    event.reason = "changed"
    with pytest.raises(PermissionError, match=APPEND_ONLY):
        event.save()
    with pytest.raises(PermissionError, match=APPEND_ONLY):
        event.delete()
    with pytest.raises(PermissionError, match=APPEND_ONLY):
        AuditEvent.objects.filter(pk=event.pk).update(reason="changed")
    with pytest.raises(PermissionError, match=APPEND_ONLY):
        AuditEvent.objects.all().delete()
    # The trail is not in the Django admin at all (tests/web/test_admin_site.py).


@pytest.mark.django_db
@pytest.mark.parametrize("statement", [f"UPDATE {TABLE} SET reason = 'x'", f"DELETE FROM {TABLE}"])
def test_the_database_itself_refuses_to_change_or_delete_an_entry(statement: str) -> None:
    """A trigger, made by a migration, on SQLite and on PostgreSQL (whichever the tests use)."""
    world = world_create()
    AuditEvent.objects.create(action=AuditAction.VIEW, child=world.child)
    before = list(AuditEvent.objects.values_list("pk", "reason"))
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert list(AuditEvent.objects.values_list("pk", "reason")) == before


@pytest.mark.django_db
def test_the_family_sees_who_looked_in_plain_words(client: Client) -> None:
    world = world_create()
    therapist = world.people["therapist"]
    client.force_login(therapist)
    assert client.get(f"/children/{world.child.pk}/").status_code == 200
    page = PageClient(client)
    page.sign_in(world.people["parent"])
    child_page = page.get(f"/children/{world.child.pk}/")
    links = [" ".join(a.get_text().split()) for a in child_page.html.select("nav a")]
    assert "Who has looked at this record" in links
    text = page.get(f"/children/{world.child.pk}/who-has-looked/").text
    assert f"{therapist.display_name}, Health professional at Westshire Children's Therapy" in text
    assert "Looked at the record" in text


@pytest.mark.django_db
def test_the_family_sees_an_emergency_look_and_why(client: Client) -> None:
    world = world_create()
    PERSONAS["admin_break_glass"](world)
    page = PageClient(client)
    page.sign_in(world.people["young_person"])
    text = page.get(f"/children/{world.child.pk}/who-has-looked/").text
    assert f"Opened the record in an emergency. The reason they gave: {EMERGENCY_REASON}" in text


@pytest.mark.django_db
def test_the_dpo_searches_and_downloads_the_trail_and_the_download_is_logged(
    client: Client,
) -> None:
    world = world_create()
    coordinator, dpo = world.area.coordinator, world.people["dpo"]
    client.force_login(coordinator)
    client.get(f"/children/{world.child.pk}/")
    client.get(f"/children/{world.area.other_child.pk}/")  # not found: not a look
    page = PageClient(client)
    page.sign_in(dpo)
    query = {"child_id": world.child.pk, "person": coordinator.username, "action": "view"}
    found = page.get("/audit-trail/", data=query)
    assert "1 entries" in found.text
    assert page.get("/audit-trail/", data={"date_from-day": "1"}, status=400)
    response = client.get("/audit-trail/download/", query)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["username"], r["child_id"], r["action"], r["url_name"]) for r in rows] == [
        (coordinator.username, str(world.child.pk), "view", "child")
    ]
    export = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert (export.person, export.child_id) == (dpo, world.child.pk)


@pytest.mark.django_db
def test_the_quality_lead_reads_outcomes_without_names(client: Client) -> None:
    world = world_create()
    page = PageClient(client)
    page.sign_in(world.people["quality_lead"])
    text = page.get("/outcomes-to-check/").text
    assert world.area.thread.outcome.text in text
    assert child_reference(world.child.pk) in text
    assert "[name] finds it hard" not in text  # needs are not shown, only outcomes
    for name in (world.child.first_name, world.child.last_name):
        assert name not in text
    reads = AuditEvent.objects.filter(action=AuditAction.QUALITY_READ)
    assert {e.child_id for e in reads} == {world.child.pk, world.area.other_child.pk}

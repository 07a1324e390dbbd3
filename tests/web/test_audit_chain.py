"""The audit trail is a hash chain: ``goldenthread audit-trail verify`` finds an edited entry
and a removed one (edited below the application, with the append-only trigger lifted)."""

from __future__ import annotations

import pytest
from django.db import connection

from goldenthread.cli import main
from goldenthread.web.access.chain import GENESIS_HASH
from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.access.triggers import (
    TABLE,
    append_only_triggers_create,
    append_only_triggers_drop,
)
from tests.web.access_world import world_create


def _three_entries() -> list[AuditEvent]:
    child = world_create().child
    return [
        AuditEvent.objects.create(action=AuditAction.VIEW, child=child, url_name=f"page-{n}")
        for n in range(3)
    ]


def _raw(statement: str, params: list[object]) -> None:
    append_only_triggers_drop(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
    finally:
        append_only_triggers_create(connection)


@pytest.mark.django_db
def test_each_entry_follows_the_one_before(capsys: pytest.CaptureFixture[str]) -> None:
    entries = _three_entries()
    first = AuditEvent.objects.order_by("id").first()
    assert first is not None and first.previous_hash == GENESIS_HASH
    assert entries[1].previous_hash == entries[0].row_hash
    assert entries[2].previous_hash == entries[1].row_hash
    assert main(["audit-trail", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_edited_entry_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    entries = _three_entries()
    _raw(f"UPDATE {TABLE} SET url_name = %s WHERE id = %s", ["elsewhere", entries[1].pk])
    assert main(["audit-trail", "verify"]) == 1
    assert f"Broken at entry {entries[1].pk}: its content was changed" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_removed_entry_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    entries = _three_entries()
    _raw(f"DELETE FROM {TABLE} WHERE id = %s", [entries[1].pk])
    assert main(["audit-trail", "verify"]) == 1
    assert f"Broken at entry {entries[2].pk}: it does not follow" in capsys.readouterr().out


APP_ROLE_SQL = "scripts/postgres-app-role.sql"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "statement", [f"UPDATE {TABLE} SET reason = 'x'", f"DELETE FROM {TABLE}", f"TRUNCATE {TABLE}"]
)
def test_the_app_role_can_read_and_append_but_not_change_or_empty_the_trail(
    statement: str,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("database roles and TRUNCATE are PostgreSQL's; SQLite has neither")
    from pathlib import Path

    from django.db import DatabaseError, transaction

    child = world_create().child
    AuditEvent.objects.create(action=AuditAction.VIEW, child=child)
    with connection.cursor() as cursor:
        cursor.execute(Path(APP_ROLE_SQL).read_text())
        cursor.execute("SET ROLE goldenthread_app")
        try:
            cursor.execute(f"SELECT count(*) FROM {TABLE}")
            AuditEvent.objects.create(action=AuditAction.VIEW, child=child)
            with pytest.raises(DatabaseError, match="permission denied"), transaction.atomic():
                cursor.execute(statement)
        finally:
            cursor.execute("RESET ROLE")


@pytest.mark.django_db
def test_the_owner_cannot_truncate_the_trail_either() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's; SQLite's DELETE is refused by its trigger")
    from django.db import DatabaseError, transaction

    AuditEvent.objects.create(action=AuditAction.VIEW, child=world_create().child)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks
        cursor.execute(f"TRUNCATE {TABLE}")

"""Backup, drop, restore: the same rows in every table, the same documents and the same audit
trail chain head. Runs the real commands against a scratch PostgreSQL database of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.db import connection
from psycopg import sql

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="backup and restore are for PostgreSQL"
)
GOLDENTHREAD = Path(sys.executable).with_name("goldenthread")


def _server(settings_dict: dict[str, Any], name: str) -> str:
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings_dict.get('PORT') or 5432}/{name}"


class Scratch:
    """A database of this test's own, next to the test database, made and dropped here."""

    def __init__(self, settings_dict: dict[str, Any], tmp_path: Path) -> None:
        self.name = f"{settings_dict['NAME']}_backup"
        self.url = _server(settings_dict, self.name)
        self.admin = _server(settings_dict, "postgres")
        self.documents = tmp_path / "documents"
        self.environment = {
            **os.environ,
            "GOLDENTHREAD_ENV": "test",
            "DATABASE_URL": self.url,
            "GOLDENTHREAD_DOCUMENTS_DIR": str(self.documents),
        }
        self.environment.pop("DATABASE_REPLICA_URL", None)

    def recreate(self) -> None:
        with psycopg.connect(self.admin, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    def drop(self) -> None:
        with psycopg.connect(self.admin, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )

    def run(self, *arguments: str, expect: int = 0) -> str:
        done = subprocess.run(
            [str(GOLDENTHREAD), *arguments],
            env=self.environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == expect, f"{arguments}: {done.stdout}\n{done.stderr}"
        return done.stdout + done.stderr

    def django(self, *arguments: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "django", *arguments, "--settings=goldenthread.web.settings"],
            env=self.environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def count(self, table: str) -> int:
        with psycopg.connect(self.url) as database:
            row = database.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()
            assert row is not None
            return int(row[0])


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Scratch]:
    made = Scratch(dict(connection.settings_dict), tmp_path)
    made.recreate()
    try:
        yield made
    finally:
        made.drop()


def verdict(said: str) -> str:
    """The verify command's own line (log lines around it carry times)."""
    return next(line for line in said.splitlines() if line.startswith("The audit trail"))


LOOKS = """
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.plans.models import Child
for child in Child.objects.order_by("pk")[:3]:
    audit_event_record(person=None, action="view", child_id=child.pk, url_name="child")
"""


def test_backup_drop_restore_gives_the_same_database(scratch: Scratch, tmp_path: Path) -> None:
    scratch.django("migrate", "--no-input")
    scratch.run("seed", "--children", "4", "--quiet", "--today", "2026-10-01")
    scratch.django("shell", "-c", LOOKS)
    (scratch.documents / "plans").mkdir(parents=True)
    (scratch.documents / "plans" / "issued-plan.pdf").write_bytes(b"%PDF-1.7 a plan\n")
    verified = verdict(scratch.run("audit-trail", "verify"))
    children, events = scratch.count("plans_child"), scratch.count("access_auditevent")
    assert children == 4 and events >= 3

    archive = tmp_path / "backup.tar"
    scratch.run("backup", "--output", str(archive))
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = json.load(opened.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert {"manifest.json", "database.dump", "documents/plans/issued-plan.pdf"} <= set(names)
    assert manifest["table_rows"]["plans_child"] == 4
    assert len(manifest["files"]["database.dump"]["sha256"]) == 64

    scratch.recreate()  # dropped: nothing left
    (scratch.documents / "plans" / "issued-plan.pdf").unlink()
    restored = scratch.run("restore", str(archive))
    assert "the same as the backup" in restored
    assert scratch.count("plans_child") == children
    assert scratch.count("access_auditevent") == events
    assert (scratch.documents / "plans" / "issued-plan.pdf").read_bytes() == b"%PDF-1.7 a plan\n"
    assert verdict(scratch.run("audit-trail", "verify")) == verified  # same entries and head


def test_a_changed_archive_is_refused(scratch: Scratch, tmp_path: Path) -> None:
    scratch.django("migrate", "--no-input")
    archive = tmp_path / "backup.tar"
    scratch.run("backup", "--output", str(archive))
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as opened:
        opened.extractall(unpacked, filter="data")
    dump = unpacked / "database.dump"
    dump.write_bytes(dump.read_bytes()[:-10] + b"0123456789")
    changed = tmp_path / "changed.tar"
    with tarfile.open(changed, "w") as repacked:
        for name in ("manifest.json", "database.dump"):
            repacked.add(unpacked / name, arcname=name)
    scratch.recreate()
    said = scratch.run("restore", str(changed), expect=1)
    assert "database.dump does not match its SHA-256" in said
    assert scratch.run("restore", str(archive)).startswith("Restored")


def test_restore_refuses_a_database_that_has_tables(scratch: Scratch, tmp_path: Path) -> None:
    scratch.django("migrate", "--no-input")
    archive = tmp_path / "backup.tar"
    scratch.run("backup", "--output", str(archive))
    said = scratch.run("restore", str(archive), expect=1)
    assert "already has tables" in said

"""Backups that restore: one archive holding a PostgreSQL custom-format dump, the stored
documents, and a manifest with each file's SHA-256, every table's row count and the audit
trail's chain head (docs/backups.md).

Restore checks every file against the manifest before touching the database, loads the dump
into an empty database, puts the documents back, then counts every table again and compares.
Reason: a backup is only as good as a restore that proves it gave back what was taken.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess  # pg_dump/pg_restore with fixed arguments, no shell  # nosec B404
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection

from goldenthread.web.ops.statistics import statistics_refresh

MANIFEST = "manifest.json"
DUMP = "database.dump"
DOCUMENTS = "documents"
FORMAT_VERSION = 1
CHUNK = 1 << 20


DUMP_OPTIONS = ("--format=custom", "--no-owner")
RESTORE_OPTIONS = ("--no-owner", "--exit-on-error")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why in plain words."""


@dataclass(frozen=True)
class RestoreResult:
    tables: int
    rows: int
    documents: int
    differences: dict[str, tuple[int, int]]  # table: (in the backup, after restore)
    audit_head: dict[str, Any]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _postgres_settings() -> dict[str, Any]:
    database: dict[str, Any] = dict(settings.DATABASES["default"])
    if "postgresql" not in database["ENGINE"]:
        raise BackupError("backup and restore are for PostgreSQL (DATABASE_URL=postgres://…)")
    return database


def _client_environment(database: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """pg_dump / pg_restore connection arguments; the password goes in the environment."""
    arguments = ["--host", str(database.get("HOST") or "127.0.0.1")]
    arguments += ["--port", str(database.get("PORT") or 5432)]
    arguments += ["--username", str(database.get("USER") or "postgres")]
    arguments += ["--dbname", str(database["NAME"])]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = str(database["PASSWORD"])
    return arguments, environment


def _client_program(name: str) -> str:
    """The full path of a PostgreSQL client program, or a clear error naming it."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} was not found on PATH: install the PostgreSQL client programs")
    return found


def table_counts() -> dict[str, int]:
    """Rows in every table the app's models use (and Django's own), by table name."""
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)})
    counts: dict[str, int] = {}
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in tables:
            if table in existing:
                # Table names come from the models, quoted: never input.
                query = f"SELECT count(*) FROM {connection.ops.quote_name(table)}"  # noqa: S608  # nosec B608
                cursor.execute(query)
                counts[table] = int(cursor.fetchone()[0])
    return counts


def audit_head() -> dict[str, Any]:
    """The audit trail's chain head (last entry's id and hash) and its length."""
    from goldenthread.web.access.chain import HASHED_FIELDS, audit_chain_verify
    from goldenthread.web.access.models import AuditEvent

    rows = AuditEvent.objects.order_by("id").values(
        "id", "previous_hash", "row_hash", *HASHED_FIELDS
    )
    report = audit_chain_verify(rows.iterator(chunk_size=5000))
    return {"entries": report.entries, "head_id": report.head_id, "head_hash": report.head_hash}


def _migrations_applied() -> list[list[str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [[str(app), str(name)] for app, name in cursor.fetchall()]


def backup_create(*, output: Path, documents_dir: Path | None = None) -> dict[str, Any]:
    """Write the archive to ``output`` and return its manifest."""
    database = _postgres_settings()
    documents_dir = documents_dir or Path(settings.DOCUMENTS_DIR)
    arguments, environment = _client_environment(database)
    with tempfile.TemporaryDirectory(prefix="goldenthread-backup-") as work_name:
        work = Path(work_name)
        dump = work / DUMP
        # Counted inside one snapshot with the dump would be exact; counted just before, a
        # busy server may add rows the dump also holds: restore reports any difference.
        counts = table_counts()
        head = audit_head()
        subprocess.run(  # noqa: S603 - fixed arguments, no shell  # nosec B603
            [_client_program("pg_dump"), *arguments, *DUMP_OPTIONS, "--file", str(dump)],
            check=True,
            env=environment,
            capture_output=True,
        )
        files = {DUMP: {"sha256": sha256_of(dump), "bytes": dump.stat().st_size}}
        stored = (
            sorted(p for p in documents_dir.rglob("*") if p.is_file())
            if documents_dir.is_dir()
            else []
        )
        for path in stored:
            name = f"{DOCUMENTS}/{path.relative_to(documents_dir).as_posix()}"
            files[name] = {"sha256": sha256_of(path), "bytes": path.stat().st_size}
        manifest = {
            "format": FORMAT_VERSION,
            "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": str(database["NAME"]),
            "migrations": _migrations_applied(),
            "table_rows": counts,
            "audit_trail": head,
            "files": files,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            archive.add(dump, arcname=DUMP)
            for path in stored:
                archive.add(
                    path, arcname=f"{DOCUMENTS}/{path.relative_to(documents_dir).as_posix()}"
                )
        partial.replace(output)  # never a half-written archive under the final name
    return manifest


def _unpack_checked(archive_path: Path, work: Path) -> dict[str, Any]:
    """Unpack into ``work`` and check every file against the manifest."""
    with tarfile.open(archive_path, "r") as archive:
        archive.extractall(work, filter="data")  # refuses absolute paths and ../
    manifest_path = work / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{archive_path} has no {MANIFEST}: it is not a Golden Thread backup")
    manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"backup format {manifest.get('format')} is not {FORMAT_VERSION}")
    for name, expected in manifest["files"].items():
        path = work / name
        if not path.is_file():
            raise BackupError(f"{name} is missing from the archive")
        if sha256_of(path) != expected["sha256"]:
            raise BackupError(f"{name} does not match its SHA-256 in the manifest: not restored")
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def backup_restore(*, archive: Path, documents_dir: Path | None = None) -> RestoreResult:
    """Restore ``archive`` into the (empty) database and documents folder; compare counts."""
    database = _postgres_settings()
    documents_dir = documents_dir or Path(settings.DOCUMENTS_DIR)
    if not _database_is_empty():
        raise BackupError(
            f"database {database['NAME']} already has tables: restore only into an empty "
            "database (createdb a new one, or drop and create this one)"
        )
    arguments, environment = _client_environment(database)
    with tempfile.TemporaryDirectory(prefix="goldenthread-restore-") as work_name:
        work = Path(work_name)
        manifest = _unpack_checked(archive, work)
        subprocess.run(  # noqa: S603 - fixed arguments, no shell  # nosec B603
            [_client_program("pg_restore"), *arguments, *RESTORE_OPTIONS, str(work / DUMP)],
            check=True,
            env=environment,
            capture_output=True,
        )
        restored_documents = 0
        source = work / DOCUMENTS
        if source.is_dir():
            for path in sorted(p for p in source.rglob("*") if p.is_file()):
                target = documents_dir / path.relative_to(source)
                if target.exists() and sha256_of(target) != sha256_of(path):
                    raise BackupError(f"{target} exists and differs: not overwritten")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                restored_documents += 1
    connection.close()  # a fresh connection sees the restored tables
    statistics_refresh()  # pg_restore leaves the planner no statistics (ADR 0047)
    counts = table_counts()
    expected: dict[str, int] = manifest["table_rows"]
    differences = {
        table: (rows, counts.get(table, -1))
        for table, rows in expected.items()
        if counts.get(table, -1) != rows
    }
    return RestoreResult(
        tables=len(counts),
        rows=sum(counts.values()),
        documents=restored_documents,
        differences=differences,
        audit_head=audit_head(),
    )

"""Database triggers that make the audit trail append-only below the application.

Even raw SQL or a database shell cannot UPDATE or DELETE a row: SQLite and PostgreSQL both
refuse with ``APPEND_ONLY``. TRUNCATE fires no row trigger, so PostgreSQL also has a
statement-level ``BEFORE TRUNCATE`` trigger (SQLite has no TRUNCATE). A table owner can still
drop a trigger: in production the application connects as a role that owns nothing and holds
only SELECT and INSERT on the table (``scripts/postgres-app-role.sql``, docs/data-protection.md).
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

from goldenthread.web.access.models import APPEND_ONLY

TABLE = "access_auditevent"

_SQLITE_CREATE = [
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_{verb.lower()} BEFORE {verb} ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
    for verb in ("UPDATE", "DELETE")
]
_SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {TABLE}_no_{verb}" for verb in ("update", "delete")]

_POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END; $$ LANGUAGE plpgsql""",
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
    f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_append_only()",
]
_POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_append_only()",
]

CREATE = {"sqlite": _SQLITE_CREATE, "postgresql": _POSTGRES_CREATE}
DROP = {"sqlite": _SQLITE_DROP, "postgresql": _POSTGRES_DROP}


def append_only_triggers_create(connection: BaseDatabaseWrapper) -> None:
    _run(connection, CREATE)


def append_only_triggers_drop(connection: BaseDatabaseWrapper) -> None:
    _run(connection, DROP)


def _run(connection: BaseDatabaseWrapper, statements: dict[str, list[str]]) -> None:
    if connection.vendor not in statements:
        raise NotImplementedError(f"no append-only trigger for {connection.vendor}")
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor]:
            cursor.execute(statement)

"""The database's own refusal to change an issued plan version (see ``plans.fixed``).

Triggers on PostgreSQL and SQLite refuse INSERT, UPDATE and DELETE of any part of a version
whose ``fixed_at`` is set (hopes, needs, outcomes, steps, provision and the links between
them), any change to what an issued version says (its kind, version, child, start and issue
dates; its status only to "ceased"), deleting it, and any change to its stored documents.
Inside ``fixed_records_release`` (the retention run) they let the write through.

SQLite rebuilds a table, without its triggers, when a migration alters it, so the triggers are
made again after every ``migrate`` (``post_migrate``), as well as by migration ``plans.0005``.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

from goldenthread.web.plans.fixed import FIXED_IN_DATABASE, RELEASE_SETTING

# table -> how a row finds its plan: ("plan_id") directly, or through an outcome or provision.
PLAN_DIRECT = "plan_id"
PART_TABLES: dict[str, tuple[str, str]] = {
    "plans_aspiration": ("", PLAN_DIRECT),
    "plans_need": ("", PLAN_DIRECT),
    "plans_outcome": ("", PLAN_DIRECT),
    "plans_provision": ("", PLAN_DIRECT),
    "plans_step": ("plans_outcome", "outcome_id"),
    "plans_outcome_themes": ("plans_outcome", "outcome_id"),
    "plans_outcome_needs": ("plans_outcome", "outcome_id"),
    "plans_outcome_aspirations": ("plans_outcome", "outcome_id"),
    "plans_provision_outcomes": ("plans_provision", "provision_id"),
    "plans_provision_needs": ("plans_provision", "provision_id"),
}
# Columns the system works out from a part's words, not what the plan says: the quality verdict
# (judged again when the engine, the day or the child's date of birth changes; issue 15) and the
# words' embedding. Writing only these to an issued version's part is allowed.
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {
    "plans_outcome": (
        "quality_smart",
        "quality_second_look",
        "quality_engine",
        "quality_judged_on",
        "quality_child_born",
        "embedding",
    ),
}
FROZEN_COLUMNS: tuple[str, ...] = ("fixed_at", "kind", "version", "child_id")
FROZEN_COLUMNS += ("previous_version_id", "start_date", "issued_on")
DOCUMENTS = "plans_issueddocument"


def _plan_expr(row: str, via: str, column: str) -> str:
    if not via:
        return f"{row}.{column}"
    # Table and column names are this module's constants, never input.
    return f"(SELECT plan_id FROM {via} WHERE id = {row}.{column})"  # noqa: S608 - module constants  # nosec B608


def _fixed(row: str, via: str, column: str) -> str:
    plan = _plan_expr(row, via, column)
    return f"EXISTS (SELECT 1 FROM plans_plan WHERE id = {plan} AND fixed_at IS NOT NULL)"  # noqa: S608 - module constants  # nosec B608


def _sqlite_update_of(table: str, columns: dict[str, list[str]]) -> str:
    """ "UPDATE OF <every column but the derived ones>" where the table has derived columns, so
    an UPDATE setting only derived columns does not fire the trigger; else "UPDATE"."""
    derived = DERIVED_COLUMNS.get(table)
    if not derived or not columns.get(table):
        return "UPDATE"
    guarded = [c for c in columns[table] if c not in derived]
    return "UPDATE OF " + ", ".join(f'"{c}"' for c in guarded)


def _sqlite_create(columns: dict[str, list[str]]) -> list[str]:
    refuse = f"BEGIN SELECT RAISE(ABORT, '{FIXED_IN_DATABASE}'); END"
    released = "NOT gt_fixed_release()"
    statements = []
    for table, (via, column) in PART_TABLES.items():
        new, old = _fixed("NEW", via, column), _fixed("OLD", via, column)
        conditions = {"insert": new, "update": f"({old} OR {new})", "delete": old}
        for verb, condition in conditions.items():
            event = _sqlite_update_of(table, columns) if verb == "update" else verb.upper()
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {table}_fixed_{verb} BEFORE {event} "
                f"ON {table} WHEN {condition} AND {released} {refuse}"
            )
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FROZEN_COLUMNS)
    ceasing = "NEW.status = 'ceased'"
    changed += f" OR (NEW.status IS NOT OLD.status AND NOT {ceasing})"
    changed += f" OR (NEW.end_date IS NOT OLD.end_date AND NOT {ceasing})"
    statements += [
        "CREATE TRIGGER IF NOT EXISTS plans_plan_fixed_update BEFORE UPDATE ON plans_plan "
        f"WHEN OLD.fixed_at IS NOT NULL AND ({changed}) AND {released} {refuse}",
        "CREATE TRIGGER IF NOT EXISTS plans_plan_fixed_delete BEFORE DELETE ON plans_plan "
        f"WHEN OLD.fixed_at IS NOT NULL AND {released} {refuse}",
    ]
    for verb in ("update", "delete"):
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS {DOCUMENTS}_fixed_{verb} BEFORE {verb.upper()} "
            f"ON {DOCUMENTS} WHEN {released} {refuse}"
        )
    return statements


def _sqlite_drop() -> list[str]:
    names = [f"{t}_fixed_{v}" for t in PART_TABLES for v in ("insert", "update", "delete")]
    names += ["plans_plan_fixed_update", "plans_plan_fixed_delete"]
    names += [f"{DOCUMENTS}_fixed_update", f"{DOCUMENTS}_fixed_delete"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names]


_PG_RELEASED = f"coalesce(current_setting('{RELEASE_SETTING}', true), '') = 'on'"
_PG_RAISE = f"RAISE EXCEPTION '{FIXED_IN_DATABASE}' USING ERRCODE = 'check_violation'"


def _pg_part_function(table: str, via: str, column: str) -> str:
    new, old = _fixed("NEW", via, column), _fixed("OLD", via, column)
    derived = " - ".join(f"'{c}'" for c in DERIVED_COLUMNS.get(table, ()))
    only_derived = (
        f"TG_OP = 'UPDATE' AND (to_jsonb(NEW) - {derived}) = (to_jsonb(OLD) - {derived})"
        if derived
        else "FALSE"
    )
    return f"""CREATE OR REPLACE FUNCTION {table}_fixed() RETURNS trigger AS $$
BEGIN
  IF {_PG_RELEASED} OR ({only_derived}) THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND {old} THEN {_PG_RAISE}; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND {new} THEN {_PG_RAISE}; END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END; $$ LANGUAGE plpgsql"""


def _pg_plan_function() -> str:
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in FROZEN_COLUMNS)
    ceasing = "NEW.status = 'ceased'"
    changed += f" OR (NEW.status IS DISTINCT FROM OLD.status AND NOT {ceasing})"
    changed += f" OR (NEW.end_date IS DISTINCT FROM OLD.end_date AND NOT {ceasing})"
    return f"""CREATE OR REPLACE FUNCTION plans_plan_fixed() RETURNS trigger AS $$
BEGIN
  IF {_PG_RELEASED} OR OLD.fixed_at IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' OR {changed} THEN {_PG_RAISE}; END IF;
  RETURN NEW;
END; $$ LANGUAGE plpgsql"""


def _pg_documents_function() -> str:
    return f"""CREATE OR REPLACE FUNCTION {DOCUMENTS}_fixed() RETURNS trigger AS $$
BEGIN
  IF NOT {_PG_RELEASED} THEN {_PG_RAISE}; END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END; $$ LANGUAGE plpgsql"""


def _pg_trigger(table: str, verbs: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_fixed ON {table}",
        f"CREATE TRIGGER {table}_fixed BEFORE {verbs} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_fixed()",
    ]


def _pg_create() -> list[str]:
    statements = []
    for table, (via, column) in PART_TABLES.items():
        statements.append(_pg_part_function(table, via, column))
        statements += _pg_trigger(table, "INSERT OR UPDATE OR DELETE")
    statements.append(_pg_plan_function())
    statements += _pg_trigger("plans_plan", "UPDATE OR DELETE")
    statements.append(_pg_documents_function())
    statements += _pg_trigger(DOCUMENTS, "UPDATE OR DELETE")
    return statements


def _pg_drop() -> list[str]:
    statements = []
    for table in [*PART_TABLES, "plans_plan", DOCUMENTS]:
        statements.append(f"DROP TRIGGER IF EXISTS {table}_fixed ON {table}")
        statements.append(f"DROP FUNCTION IF EXISTS {table}_fixed()")
    return statements


def _columns(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        return {
            table: [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            for table in DERIVED_COLUMNS
        }


def fixed_triggers_create(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "sqlite":
        # Made again with the table's current columns: drop first, as IF NOT EXISTS would keep
        # a trigger listing yesterday's columns.
        _run(connection, {"sqlite": _sqlite_drop()})
        _run(connection, {"sqlite": _sqlite_create(_columns(connection))})
        return
    _run(connection, {"postgresql": _pg_create()})


def fixed_triggers_drop(connection: BaseDatabaseWrapper) -> None:
    _run(connection, {"sqlite": _sqlite_drop(), "postgresql": _pg_drop()})


def _run(connection: BaseDatabaseWrapper, statements: dict[str, list[str]]) -> None:
    if connection.vendor not in statements:
        raise NotImplementedError(f"no fixed-plan trigger for {connection.vendor}")
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor]:
            cursor.execute(statement)


def fixed_triggers_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Made again after every migrate: an altered SQLite table has lost its triggers."""
    from django.db import connections

    connection = connections[using]
    tables = connection.introspection.table_names()
    if "plans_plan" in tables and DOCUMENTS in tables:
        fixed_triggers_create(connection)

"""Narrow covering indexes for the area aggregates (PostgreSQL only; ADR 0010).

An outcome row is wide (its words, an embedding, link suggestions): 170,000 outcomes take
266 MB, so a GROUP BY that scans the table reads all of it. These indexes hold only what the
dashboards group and filter on, so PostgreSQL can answer from the index (an index-only scan).
They live in this app because only insights needs them; they change no model.
"""

from django.db import migrations

INDEXES = {
    "insights_outcome_facts": (
        "plans_outcome",
        "(plan_id) INCLUDE (id, domain, area, quality_smart, achievement_status,"
        " lifecycle_status, archived_at)",
    ),
    "insights_need_facts": ("plans_need", "(plan_id) INCLUDE (id, area, domain, archived_at)"),
    "insights_provision_facts": ("plans_provision", "(plan_id) INCLUDE (id, domain, archived_at)"),
}


def indexes_create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, columns) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {columns}")


def indexes_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_link_suggestions")]
    operations = [migrations.RunPython(indexes_create, indexes_drop)]

"""Audit entries record the request (method, answer, allowed or refused and why) and form a
hash chain; the entries already there are chained in id order, and the append-only triggers
are made again with PostgreSQL's BEFORE TRUNCATE trigger added."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from goldenthread.web.access.chain import GENESIS_HASH, HASHED_FIELDS, audit_row_hash
from goldenthread.web.access.triggers import (
    append_only_triggers_create,
    append_only_triggers_drop,
)


def chain_existing_entries(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    connection = schema_editor.connection
    append_only_triggers_drop(connection)  # the chain is written once, here, then never again
    events = apps.get_model("access", "AuditEvent").objects.using(connection.alias)
    previous = GENESIS_HASH
    for row in events.order_by("id").values("id", *HASHED_FIELDS).iterator(chunk_size=2000):
        row_hash = audit_row_hash(row, previous)
        events.filter(pk=row["id"]).update(previous_hash=previous, row_hash=row_hash)
        previous = row_hash
    append_only_triggers_create(connection)


def triggers_again(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Going back, once the columns are gone (SQLite rebuilds the table without its triggers)."""
    append_only_triggers_drop(schema_editor.connection)
    append_only_triggers_create(schema_editor.connection)


ACTIONS = [
    ("view", "Looked at"), ("create", "Added"), ("update", "Changed"), ("archive", "Archived"),
    ("share", "Shared"), ("unshare", "Stopped sharing"),
    ("break_glass", "Opened in an emergency"),
    ("quality_read", "Read outcomes without names to check quality"),
    ("privacy", "Changed what parents can see"), ("export", "Exported"), ("print", "Printed"),
    ("request", "Sent a request"),
]  # fmt: skip
REFUSALS = [
    ("no_relationship", "No reason to see this child (told 'not found')"),
    ("not_allowed_to_change", "May see the child but not do this"),
    ("method_not_allowed", "The page does not take this kind of request"),
    ("role", "Their role cannot open this page"),
    ("not_found", "No such record or page"),
    ("refused_by_page", "Refused by the page itself"),
    ("refused_before_check", "Refused before the access check (form token)"),
]


class Migration(migrations.Migration):
    dependencies = [("access", "0002_audit_trail_append_only")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, triggers_again),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(choices=ACTIONS, max_length=16),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="method",
            field=models.CharField(
                blank=True, help_text="The HTTP method, for requests.", max_length=16
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="status",
            field=models.PositiveSmallIntegerField(
                blank=True, help_text="The HTTP answer.", null=True
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="result",
            field=models.CharField(
                choices=[("allowed", "Allowed"), ("refused", "Refused")],
                default="allowed",
                max_length=8,
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="refusal",
            field=models.CharField(blank=True, choices=REFUSALS, max_length=32),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="row_hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop),
    ]

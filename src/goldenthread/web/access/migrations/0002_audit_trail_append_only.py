"""The audit trail refuses UPDATE and DELETE in the database itself (SQLite and PostgreSQL)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from goldenthread.web.access.triggers import (
    append_only_triggers_create,
    append_only_triggers_drop,
)


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    append_only_triggers_create(schema_editor.connection)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    append_only_triggers_drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]

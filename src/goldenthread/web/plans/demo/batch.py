"""Collect many records in memory, then write them in bulk with their first history rows.

Speed matters (20,000 children make about three million rows with history), and most of the
time of Django's ``bulk_create`` goes on compiling each value. So each record gets its primary
key when it is added (the next free id of its table), which lets parents and children, links
and history rows refer to each other before anything is written; then rows are written with
``executemany``. On PostgreSQL the id sequences are moved past the new rows at the end.
This is only safe while nobody else writes to these tables, which is why the demo area is
seeded inside one transaction into an empty database.

Bulk writing skips django-simple-history's signals, so the "Created" history rows (and the link
history of outcomes and provision) are written here too: every record's history page starts
with "Created", as if it had been saved one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

Adapt = Callable[[Any], Any]
M = TypeVar("M", bound=models.Model)


class Batch:
    """Records waiting to be written, each numbered as it is added."""

    def __init__(self) -> None:
        self.rows: dict[str, list[models.Model]] = defaultdict(list)
        # (model, m2m field name) -> pairs of (record, related record or primary key)
        self.links: dict[tuple[type[models.Model], str], list[tuple[models.Model, Any]]] = (
            defaultdict(list)
        )
        self._next_id: dict[tuple[str, str], int] = {}
        self._history_of: dict[tuple[type[models.Model], int], int] = {}
        self.touched: set[type[models.Model]] = set()

    def add(self, record: M, *, stage: str | None = None) -> M:
        meta = type(record)._meta
        assert meta.pk is not None
        record.pk = self._take_id(meta.db_table, meta.pk.column)
        self.rows[stage or type(record).__name__].append(record)
        return record

    def link(self, record: models.Model, field: str, related: Any) -> None:
        self.links[(type(record), field)].append((record, related))

    def save(self, order: tuple[str, ...]) -> dict[str, int]:
        """Write every record, link and history row; returns how many of each were written."""
        counts: dict[str, int] = {}
        now = timezone.now()
        for stage in order:
            records = self.rows.get(stage, [])
            if records:
                self._write_records(records, now)
                name = type(records[0]).__name__
                counts[name] = counts.get(name, 0) + len(records)
        for (model, name), pairs in self.links.items():
            self._write_links(model, name, pairs)
            counts[f"{model.__name__}.{name}"] = len(pairs)
        self.rows.clear()
        self.links.clear()
        self._history_of.clear()
        return counts

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids given out here."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.touched))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def _take_id(self, table: str, column: str) -> int:
        key = (table, column)
        if key not in self._next_id:
            with connection.cursor() as cursor:
                quote = connection.ops.quote_name
                cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")  # noqa: S608  # nosec B608
                self._next_id[key] = (cursor.fetchone()[0] or 0) + 1
        value = self._next_id[key]
        self._next_id[key] = value + 1
        return value

    def _write_records(self, records: list[models.Model], now: Any) -> None:
        model = type(records[0])
        fields = list(model._meta.concrete_fields)
        for record in records:  # values a model's save() would work out (Child.search_name)
            fill = getattr(record, "fill_search_name", None)
            if fill is not None:
                fill()
        for f in fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                for record in records:
                    setattr(record, f.attname, now)
        _insert(model, [f.column for f in fields], _values(records, fields), self.touched)
        history = getattr(model, "history", None)
        if history is None:
            return
        historical = history.model
        tracked = [
            f for f in historical._meta.concrete_fields if not f.attname.startswith("history_")
        ]
        rows = []
        for record in records:
            history_id = self._take_id(historical._meta.db_table, "history_id")
            self._history_of[(model, record.pk)] = history_id
            rows.append(
                (history_id, now, "+", None, None, *(getattr(record, f.attname) for f in tracked))
            )
        columns = [
            "history_id",
            "history_date",
            "history_type",
            "history_change_reason",
            "history_user_id",
        ]
        adapters = [_adapter(historical._meta.get_field(c)) for c in columns] + [
            _adapter(f) for f in tracked
        ]
        _insert(
            historical,
            columns + [f.column for f in tracked],
            _adapt_rows(rows, adapters),
            self.touched,
        )

    def _write_links(
        self, model: type[models.Model], name: str, pairs: list[tuple[models.Model, Any]]
    ) -> None:
        field = model._meta.get_field(name)
        through = field.remote_field.through  # type: ignore[union-attr]
        source = field.m2m_column_name()  # type: ignore[union-attr]
        target = field.m2m_reverse_name()  # type: ignore[union-attr]
        rows = [
            (
                self._take_id(through._meta.db_table, "id"),
                record.pk,
                getattr(related, "pk", related),
            )
            for record, related in pairs
        ]
        _insert(through, ["id", source, target], rows, self.touched)
        try:
            historical = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{name}")
        except LookupError:
            return
        table = historical._meta.db_table
        _insert(
            historical,
            ["m2m_history_id", "history_id", "id", source, target],
            [
                (
                    self._take_id(table, "m2m_history_id"),
                    self._history_of[(model, owner)],
                    row_id,
                    owner,
                    other,
                )
                for row_id, owner, other in rows
            ],
            self.touched,
        )


def _adapter(field: models.Field[Any, Any]) -> Adapt | None:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def _values(
    records: list[models.Model], fields: list[models.Field[Any, Any]]
) -> list[tuple[Any, ...]]:
    rows = [tuple(getattr(record, f.attname) for f in fields) for record in records]
    return _adapt_rows(rows, [_adapter(f) for f in fields])


def _adapt_rows(rows: list[tuple[Any, ...]], adapters: list[Adapt | None]) -> list[tuple[Any, ...]]:
    if not any(adapters):
        return rows
    pairs = [(i, adapt) for i, adapt in enumerate(adapters) if adapt is not None]
    adapted = []
    for row in rows:
        values = list(row)
        for i, adapt in pairs:
            if values[i] is not None:
                values[i] = adapt(values[i])
        adapted.append(tuple(values))
    return adapted


def _insert(
    model: type[models.Model],
    columns: Iterable[str],
    rows: list[tuple[Any, ...]],
    touched: set[type[models.Model]],
) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    names = list(columns)
    table = f"{quote(model._meta.db_table)} ({', '.join(quote(c) for c in names)})"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is many times faster than INSERT on PostgreSQL (psycopg 3 adapts each value).
            with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(names))
            cursor.executemany(f"INSERT INTO {table} VALUES ({placeholders})", rows)  # noqa: S608  # nosec B608
    touched.add(model)

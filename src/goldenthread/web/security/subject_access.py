"""Subject access: everything held about one child, as a readable page and as JSON.

The walk is generic: from the child it follows every relation that points at the child (and
on down from each record found), so a new kind of record is included without changing this
file. For each record it gives every field, and every row of its history, including the
history of parts that were later deleted. Links to people are given by name and role.

Around the record, ``subject_access_sections`` adds what is held about the child elsewhere:
emergency access, shares, passport links, who has looked, and the figures worked out for the
area's statistics (ADR 0021). Everything is in plain words, in the page and in the data alike:
dates like 3 June 2025, fields by their labels, and no bookkeeping columns.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone

from goldenthread.web.plans.models import Child
from goldenthread.web.security.subject_access_sections import plain_when, subject_access_sections

# Apps whose rows are about people who sign in or the running of the service, not the child.
NOT_ABOUT_THE_CHILD = frozenset({"admin", "auth", "axes", "contenttypes", "sessions", "security"})
# Bookkeeping, not information about the child: numbers worked out from the words (for similar
# outcomes and link suggestions), the edit counter, the demo marker, a link's secret's hash.
SKIPPED_FIELDS = frozenset(
    {"embedding", "link_suggestions", "row_version", "is_synthetic", "token_hash"}
)
# Shown in sections of their own, in plain words (``subject_access_sections``).
SHOWN_APART = frozenset({"access.childshare"})
HISTORY_WORDS = {"+": "Created", "~": "Changed", "-": "Deleted"}
EXPORT_FORMAT_VERSION = 1


@dataclass
class ExportedRecord:
    """One record: what it is, its fields (name, label, value), history and parts hanging off it."""

    kind: str
    model: str
    record_id: Any
    fields: list[tuple[str, str, Any]]
    history: list[dict[str, Any]] = field(default_factory=list)
    parts: dict[str, list[ExportedRecord]] = field(default_factory=dict)
    deleted: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "model": self.model,
            "id": self.record_id,
            "deleted": self.deleted,
            "fields": {name: value for name, _, value in self.fields},
            "labels": {name: label[:1].upper() + label[1:] for name, label, _ in self.fields},
            "history": self.history,
            "parts": {name: [p.as_json() for p in items] for name, items in self.parts.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return plain_when(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    return value


def _person(user: Any) -> str | None:
    if user is None:
        return None
    role = user.get_role_display() if hasattr(user, "get_role_display") else ""
    name = getattr(user, "display_name", str(user))
    return f"{name} ({role})" if role else str(name)


def _field_values(
    record: models.Model, *, parent: type[models.Model] | None
) -> list[tuple[str, str, Any]]:
    values: list[tuple[str, str, Any]] = []
    for item in record._meta.concrete_fields:
        if item.name in SKIPPED_FIELDS or (item.is_relation and item.related_model is parent):
            continue
        label = str(getattr(item, "verbose_name", item.name))
        if item.is_relation:
            values.append((item.name, label, _related_display(record, item.name)))
        elif getattr(item, "choices", None):
            values.append((item.name, label, getattr(record, f"get_{item.name}_display")()))
        else:
            values.append((item.name, label, _plain(getattr(record, item.attname))))
    if record.pk is not None and not hasattr(type(record), "instance_type"):
        for link in record._meta.many_to_many:
            linked = [str(item) for item in getattr(record, link.name).all()]
            values.append((link.name, str(link.verbose_name), linked))
    return values


def _related_display(record: models.Model, name: str) -> Any:
    try:
        related = getattr(record, name)
    except models.ObjectDoesNotExist:  # a history row can point at something since deleted
        return None
    if related is None:
        return None
    if hasattr(related, "role"):
        return _person(related)
    return str(related)


def _history(
    rows: Any, *, tracked: type[models.Model], parent: type[models.Model] | None
) -> list[dict[str, Any]]:
    names = {f.name for f in tracked._meta.concrete_fields} - SKIPPED_FIELDS
    entries = []
    for row in rows.order_by("history_date", "history_id"):
        entries.append(
            {
                "when": plain_when(row.history_date),
                "what": HISTORY_WORDS.get(row.history_type, row.history_type),
                "by": _person(row.history_user),
                "fields": {
                    name: value
                    for name, _, value in _field_values(row, parent=parent)
                    if name in names
                },
            }
        )
    return entries


def _has_history(model: type[models.Model]) -> bool:
    return hasattr(model, "history") and hasattr(model.history, "model")


def _is_walked(relation: Any, model: type[models.Model]) -> bool:
    related = relation.related_model
    return not (
        relation.many_to_many
        or related is model
        or related._meta.app_label in NOT_ABOUT_THE_CHILD
        or related._meta.label_lower in SHOWN_APART
        or hasattr(related, "instance_type")  # a history table: read through its record
        or related._meta.auto_created
    )


def _export(record: models.Model, *, parent: type[models.Model] | None) -> ExportedRecord:
    model = type(record)
    exported = ExportedRecord(
        kind=str(model._meta.verbose_name),
        model=model._meta.label_lower,
        record_id=record.pk,
        fields=_field_values(record, parent=parent),
    )
    if _has_history(model):
        exported.history = _history(record.history.all(), tracked=model, parent=parent)  # type: ignore[attr-defined]
    for relation in model._meta.related_objects:
        if not _is_walked(relation, model):
            continue
        name = relation.get_accessor_name() or relation.name
        if relation.one_to_one:
            try:
                live = [getattr(record, name)]
            except models.ObjectDoesNotExist:
                live = []
        else:
            live = list(getattr(record, name).all())
        items = [_export(item, parent=model) for item in live]
        items += _deleted_parts(relation, record, live_ids={item.pk for item in live}, parent=model)
        if items:
            exported.parts[name] = items
    return exported


def _deleted_parts(
    relation: Any, record: models.Model, *, live_ids: set[Any], parent: type[models.Model]
) -> list[ExportedRecord]:
    """Parts deleted since, known only from their history rows."""
    related = relation.related_model
    if not _has_history(related):
        return []
    rows = related.history.model.objects.filter(**{relation.field.attname: record.pk}).exclude(
        id__in=live_ids
    )
    gone = []
    for record_id in sorted(set(rows.values_list("id", flat=True))):
        own = rows.filter(id=record_id)
        last = own.order_by("-history_date", "-history_id").first()
        gone.append(
            ExportedRecord(
                kind=str(related._meta.verbose_name),
                model=related._meta.label_lower,
                record_id=record_id,
                fields=[
                    item
                    for item in _field_values(last, parent=parent)
                    if not item[0].startswith("history")
                ],
                history=_history(own, tracked=related, parent=parent),
                deleted=True,
            )
        )
    return gone


def child_subject_access_export(child: Child) -> dict[str, Any]:
    """Everything held about the child, as plain data ready for JSON."""
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": plain_when(timezone.now()),
        "about": "Everything Golden Thread holds about this child or young person.",
        "record": _export(child, parent=None).as_json(),
        "sections": subject_access_sections(child),
    }


def child_subject_access_json(child: Child) -> str:
    return json.dumps(child_subject_access_export(child), indent=2, ensure_ascii=False)


def child_subject_access_html(child: Child) -> str:
    """A readable page, one section per part, each with its history, that opens offline."""
    return render_to_string(
        "security/subject_access_document.html",
        {"export": child_subject_access_export(child), "child": child},
    )

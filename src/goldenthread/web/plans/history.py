"""Who changed what, and when: readable rows from django-simple-history records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import models

from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.services.common import SAVE_MARK
from goldenthread.web.plans.suggestions import record_summary

# Shown beside the person's choices: what linking suggested for the words saved.
FIELD_LABELS = {"link_suggestions": "Suggested by the computer"}
CHANGE_WORDS = {"+": "Added", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {
    "row_version",
    "updated_at",
    "created_at",
    "id",
    "plan",
    "outcome",
    "embedding",
    "quality_smart",
    "quality_second_look",
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryRow:
    when: dt.datetime
    who: str
    what: str
    changes: list[FieldChange]


def _show(model: type[models.Model], name: str, value: Any) -> str:
    if value in (None, ""):
        return "(blank)"
    field: Any = model._meta.get_field(name)
    if field.many_to_many:
        related = field.related_model
        ids = [next(v for k, v in item.items() if k != model._meta.model_name) for item in value]
        objects = related._default_manager.filter(pk__in=ids)
        return "; ".join(str(o) for o in objects) or "(none)"
    if getattr(field, "choices", None):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return date_uk(value)
    if isinstance(value, dt.datetime):
        return "archived" if name == "archived_at" else value.strftime("%d %B %Y %H:%M")
    return str(value)


def history_rows(record: models.Model) -> list[HistoryRow]:
    """Every version of a record, newest first, each with the fields that changed."""
    model = type(record)
    rows = []
    for entry in record.history.all().select_related("history_user"):  # type: ignore[attr-defined]
        who = entry.history_user.display_name if entry.history_user else "The system"
        previous = entry.prev_record
        changes: list[FieldChange] = []
        what = CHANGE_WORDS.get(entry.history_type, "Changed")
        if previous is None:
            what = "Created"
        else:
            delta = entry.diff_against(previous)
            # diff_against skips fields that are not editable, and archived_at is one of them.
            if getattr(entry, "archived_at", None) != getattr(previous, "archived_at", None):
                what = "Archived" if entry.archived_at else "Restored"
            for change in delta.changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                label = (
                    FIELD_LABELS.get(change.field)
                    or str(
                        getattr(model._meta.get_field(change.field), "verbose_name", change.field)
                    ).capitalize()
                )
                changes.append(
                    FieldChange(
                        label,
                        _show(model, change.field, change.old),
                        _show(model, change.field, change.new),
                    )
                )
        changes.extend(_suggestion_change(entry, previous))
        save_id = entry.history_change_reason or ""
        rows.append((save_id, HistoryRow(entry.history_date, who, what, changes)))
    return _one_row_per_save(rows)


def _suggestion_change(entry: Any, previous: Any) -> list[FieldChange]:
    """What linking suggested, when it changed (diff_against skips it: it is not editable)."""
    new = getattr(entry, "link_suggestions", None)
    old = getattr(previous, "link_suggestions", None) if previous is not None else {}
    if new is None or new == old:
        return []
    label = FIELD_LABELS["link_suggestions"]
    return [FieldChange(label, record_summary(old) or "(none)", record_summary(new) or "(none)")]


_STRONGER = {"Created": 3, "Archived": 2, "Restored": 2, "Changed": 1}


def _one_row_per_save(rows: list[tuple[str, HistoryRow]]) -> list[HistoryRow]:
    """Merge the entries (newest first) that one save wrote: its fields, then each set of links.

    ``record_save`` marks every entry of a save with the same id (see SAVE_MARK).
    """
    merged: list[tuple[str, HistoryRow]] = []
    for save_id, row in rows:
        if merged and save_id.startswith(SAVE_MARK) and merged[-1][0] == save_id:
            newer = merged[-1][1]
            what = max(newer.what, row.what, key=lambda word: _STRONGER.get(word, 0))
            merged[-1] = (save_id, HistoryRow(row.when, row.who, what, row.changes + newer.changes))
        else:
            merged.append((save_id, row))
    suggested = FIELD_LABELS["link_suggestions"]
    # The person's changes first, then what the computer suggested for them.
    return [
        HistoryRow(
            row.when, row.who, row.what, sorted(row.changes, key=lambda c: c.label == suggested)
        )
        for _, row in merged
    ]

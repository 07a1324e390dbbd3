"""Saving with concurrent-edit detection, and archiving instead of deleting."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import OperationalError, models, transaction
from django.utils import timezone

from goldenthread.web.access.audit import record_change_log
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.fixed import fixed_check
from goldenthread.web.plans.models.base import TrackedModel

EDITED_ELSEWHERE = (
    "Someone else saved a change while you were editing. Yours is not saved yet. "
    "Check what is saved now, then save again to replace it with your version."
)

T = TypeVar("T", bound=TrackedModel)
SAVE_MARK = "save:"
# SQLite's words when another save holds the write lock ("database table is locked" in a
# shared-cache database): the same race the row version catches, lost at the lock instead.
SQLITE_LOCKED = ("database is locked", "database table is locked")


class ConcurrentEditError(Exception):
    """The record changed since the person opened it; nothing was saved."""

    def __init__(self) -> None:
        super().__init__(EDITED_ELSEWHERE)


def record_save(
    record: T,
    *,
    user: User | None,
    fields: Mapping[str, Any],
    links: Mapping[str, Iterable[models.Model]] | None = None,
    expected_version: int | None = None,
) -> T:
    """Create or update ``record`` with ``fields`` and many-to-many ``links``, keeping history.

    When ``expected_version`` is given and the stored row has moved on, raise
    ``ConcurrentEditError`` and change nothing. On SQLite, losing the write lock to a
    simultaneous save is the same conflict and gets the same answer (not a server error).
    """
    try:
        return _record_save_locked(
            record, user=user, fields=fields, links=links, expected_version=expected_version
        )
    except OperationalError as error:
        if not any(words in str(error) for words in SQLITE_LOCKED):
            raise
        raise ConcurrentEditError from error


def _record_save_locked(
    record: T,
    *,
    user: User | None,
    fields: Mapping[str, Any],
    links: Mapping[str, Iterable[models.Model]] | None,
    expected_version: int | None,
) -> T:
    with transaction.atomic():
        # An issued version and its parts are fixed (plans.fixed; the database refuses too).
        fixed_check(record, fields, links or {})
        created = record.pk is None
        if record.pk is not None:
            current = (
                type(record)
                ._default_manager.select_for_update()
                .only("row_version")
                .get(pk=record.pk)
            )
            if expected_version is not None and current.row_version != expected_version:
                raise ConcurrentEditError
            record.row_version = current.row_version + 1
        for name, value in fields.items():
            setattr(record, name, value)
        record._history_user = user  # type: ignore[attr-defined]  # read by simple-history
        record.full_clean(exclude=list(links or {}))
        # One id for every history entry this save writes (fields, then each set of links),
        # so the history page shows one change per save.
        record._change_reason = f"{SAVE_MARK}{uuid.uuid4().hex[:16]}"  # type: ignore[attr-defined]
        record.save()
        for name, values in (links or {}).items():
            getattr(record, name).set(list(values))
        # Every change to a child's record is on the audit trail (ADR 0007).
        archived = fields.get("archived_at") is not None
        record_change_log(record=record, user=user, created=created, archived=archived)
    return record


def record_archive(record: T, *, user: User | None, expected_version: int | None = None) -> T:
    """Take a part out of use without deleting it; it stays in the history."""
    return record_save(
        record, user=user, fields={"archived_at": timezone.now()}, expected_version=expected_version
    )


def record_restore(record: T, *, user: User | None) -> T:
    return record_save(record, user=user, fields={"archived_at": None})

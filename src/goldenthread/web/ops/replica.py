"""Reads that may go to a read replica (``DATABASE_REPLICA_URL``; ADR 0032).

Only code that asks, inside ``replica_reads()``, reads from the replica: the insights refresh's
scan of every outcome's wording. Everything else reads from the primary. Reason: a replica
lags by a moment, which a nightly figure can bear but a page someone has just saved cannot.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings

REPLICA = "replica"
_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads in this block go to the replica, when one is configured."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def replica_alias() -> str | None:
    """The replica's alias when reads may go there (``READ_REPLICA`` names it), else None."""
    alias = getattr(settings, "READ_REPLICA", None)
    return alias if alias and alias in settings.DATABASES else None


class ReplicaRouter:
    """Django's database router: replica reads on request, every write to the primary, and
    no migrations on the replica (it copies the primary's schema)."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if _reading_from_replica.get():
            return replica_alias()
        return None

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        return None

    def allow_relation(self, first: Any, second: Any, **hints: Any) -> bool | None:
        return True  # the same rows on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db != REPLICA

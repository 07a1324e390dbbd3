"""The audit trail as a hash chain: each entry carries a SHA-256 over its own content and the
hash of the entry before it, so an entry changed or removed below the application shows.

Appending reads the hash at the head of the chain and writes the new entry in one transaction.
On PostgreSQL a transaction-level advisory lock is taken first, so two requests appending at
once queue instead of both building on the same head (a fork); SQLite lets one writer at a time
hold the database, and the loser of a race is rolled back rather than forking the chain.
``audit_chain_verify`` walks the chain in id order and names the first entry that breaks it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.backends.base.base import BaseDatabaseWrapper

HEAD_QUERY = "SELECT row_hash FROM access_auditevent ORDER BY id DESC LIMIT 1"
GENESIS_HASH = "0" * 64  # what the first entry follows
# An arbitrary constant naming the chain's PostgreSQL advisory lock ("GTAUDIT" in hex-ish).
CHAIN_LOCK_KEY = 0x47_54_41_55_44_49_54
# Every column of an entry except its id and the two hashes, in the order they are hashed.
HASHED_FIELDS = (
    "at",
    "person_id",
    "role",
    "organisation_id",
    "child_id",
    "action",
    "object_type",
    "object_id",
    "url_name",
    "reason",
    "method",
    "status",
    "result",
    "refusal",
)
CHANGED = "its content was changed after it was written"
UNLINKED = "it does not follow the entry before it: an entry was removed or changed before it"


def _canonical(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value


def audit_row_hash(values: Mapping[str, object], previous_hash: str) -> str:
    """SHA-256 (hex) over the previous entry's hash and this entry's fields, as compact JSON."""
    content = [previous_hash, *(_canonical(values[name]) for name in HASHED_FIELDS)]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def audit_chain_head_lock(connection: BaseDatabaseWrapper) -> str:
    """The hash at the head of the chain, read under the chain's lock (call inside a
    transaction; the lock is held until it ends)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        cursor.execute(HEAD_QUERY)
        row = cursor.fetchone()
    return str(row[0]) if row and row[0] else GENESIS_HASH


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    problem: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head_id: int | None
    head_hash: str
    first_break: ChainBreak | None


def audit_chain_verify(rows: Iterable[Mapping[str, object]]) -> ChainReport:
    """Walk the entries (``id``, the hashed fields and both hashes) in id order."""
    expected_previous, count, head_id = GENESIS_HASH, 0, None
    for row in rows:
        count += 1
        event_id = int(str(row["id"]))
        stored_hash, previous = str(row["row_hash"]), str(row["previous_hash"])
        if audit_row_hash(row, previous) != stored_hash:
            return ChainReport(count, event_id, stored_hash, ChainBreak(event_id, CHANGED))
        if previous != expected_previous:
            return ChainReport(count, event_id, stored_hash, ChainBreak(event_id, UNLINKED))
        expected_previous, head_id = stored_hash, event_id
    return ChainReport(count, head_id, expected_previous, None)

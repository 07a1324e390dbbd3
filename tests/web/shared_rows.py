"""Rows a whole module or class of tests shares, made once in a transaction rolled back after.

pytest-django checks deferred foreign keys when each test ends (``SET CONSTRAINTS ALL
IMMEDIATE`` inside the test's savepoint). On PostgreSQL the checks still queued from the shared
rows are fired there, and rolling back the savepoint queues them again, so every test paid for
checking the whole demo area (about 9 seconds a test in ``test_seed``). ``deferred_checks_run``
fires them once, in the shared transaction, where they stay done.
"""

from __future__ import annotations

from django.db import connection


def deferred_checks_run() -> None:
    """Check the shared rows' deferred foreign keys now (PostgreSQL; SQLite's check is a scan of
    every table whenever it runs, so running it here saves nothing)."""
    if connection.vendor == "postgresql":
        connection.check_constraints()

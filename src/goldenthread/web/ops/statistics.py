"""Planner statistics after a bulk load (issue 21, ADR 0047).

PostgreSQL chooses a query plan from the statistics ``ANALYZE`` gathers. A database just
filled by ``goldenthread seed`` or ``goldenthread restore`` has none until autovacuum gets
round to it (minutes later, or never for a table that then stops changing), and without them
the planner guesses row counts and picks nested loops over 20,000 children: the caseload page
took seconds instead of tens of milliseconds. So both commands gather statistics before they
finish. Other databases (SQLite in development and tests) are left as they are.
"""

from __future__ import annotations

import time

from django.db import connection


def statistics_refresh() -> float | None:
    """``ANALYZE`` the whole database on PostgreSQL; the seconds it took, or ``None`` when the
    database is not PostgreSQL (nothing is done)."""
    if connection.vendor != "postgresql":
        return None
    began = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.monotonic() - began

"""Figures for ADR 0032 (700,000 children on a distributed PostgreSQL): what one area costs on
one node, measured, so the national figures can be reasoned from them.

    .venv/bin/python bench/bench_national.py --database-url postgres://…/gt_big

The database must be a seeded area (``goldenthread seed --children 20000``: one local
authority, about the size of England's largest). Read-only. Each query runs 5 times; the
median is printed with the rows it reads. Without --database-url it says how and exits 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import psycopg

NATIONAL_CHILDREN = 700_000
QUERIES = {
    # One child's page: the child, their plans and outcomes (a single-shard query by area).
    "child page: plans and outcomes of one child": (
        "SELECT o.id, o.text FROM plans_outcome o JOIN plans_plan p ON p.id = o.plan_id "
        "WHERE p.child_id = (SELECT min(id) FROM plans_child)"
    ),
    # A caseload: children with a live relationship to one person.
    "caseload: one coordinator's children": (
        "SELECT c.id, c.last_name FROM plans_child c JOIN plans_childrelationship r "
        "ON r.child_id = c.id WHERE r.person_id = (SELECT person_id FROM plans_childrelationship "
        "GROUP BY person_id ORDER BY count(*) DESC LIMIT 1) AND r.ended_on IS NULL"
    ),
    # An area dashboard: one authority's outcome facts grouped (single shard by area).
    "area dashboard: outcomes by domain and need": (
        "SELECT domain, primary_need, count(*), avg(gas_level) FROM insights_outcomefact "
        "WHERE authority_id = (SELECT min(authority_id) FROM insights_outcomefact) "
        "GROUP BY domain, primary_need"
    ),
    # National figures: every area's facts at once (all shards, in parallel on a cluster).
    "national: outcomes by area and domain": (
        "SELECT authority_id, domain, count(*) FROM insights_outcomefact GROUP BY 1, 2"
    ),
    # The facts refresh's biggest read: every current outcome's wording, hashed.
    "refresh read: distinct wordings hashed": (
        "SELECT count(DISTINCT md5(text)) FROM plans_outcome WHERE archived_at IS NULL"
    ),
    # The audit trail's chain head (appends are serial: one chain).
    "audit trail: chain head": (
        "SELECT id, row_hash FROM access_auditevent ORDER BY id DESC LIMIT 1"
    ),
}


def timed(connection: psycopg.Connection, query: str) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(5):
        began = time.perf_counter()
        rows = len(connection.execute(query).fetchall())
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    args = parser.parse_args()
    if not args.database_url:
        print("bench_national: give --database-url of a seeded PostgreSQL database; skipped.")
        return 0
    with psycopg.connect(args.database_url, autocommit=True) as connection:
        children = connection.execute("SELECT count(*) FROM plans_child").fetchone()[0]  # type: ignore[index]
        size = connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]  # type: ignore[index]
        factor = NATIONAL_CHILDREN / max(children, 1)
        national = size * factor / 2**30
        print(f"{children:,} children, database {size / 2**20:,.0f} MiB")
        print(f"national ×{factor:.0f}: about {national:,.0f} GiB; load {os.getloadavg()}")
        print(f"{'query':<46}{'median ms':>10}{'rows':>8}")
        for name, query in QUERIES.items():
            milliseconds, rows = timed(connection, query)
            print(f"{name:<46}{milliseconds:>10.1f}{rows:>8}")
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

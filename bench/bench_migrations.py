"""Migrations on a big PostgreSQL database: how long each takes and which locks it holds.

    .venv/bin/python bench/bench_migrations.py --database-url postgres://…/gt_big [--last 2]

The database must be a seeded area (``goldenthread seed --children 20000``). It is never
changed: the script copies it (``CREATE DATABASE … TEMPLATE``) and works on the copy, which it
drops at the end. Two parts:

1. **Every migration, read**: its SQL (``sqlmigrate``) is read for statements that lock a
   table against reads or writes (ALTER TABLE, CREATE INDEX without CONCURRENTLY, a foreign
   key or NOT NULL checked against every row), with the table's row count.
2. **The last ``--last`` migrations of each app, run**: each is reversed and applied again,
   both timed, while a second connection polls ``pg_locks`` every 10 ms for ACCESS EXCLUSIVE
   locks the migrating connection holds; the longest hold per table is printed. A migration
   that cannot be reversed says so; one whose reversal loses rows says how many.

Prints figures, asserts nothing. Target (issue 21): no ACCESS EXCLUSIVE lock on a big table
for more than a few seconds. Without ``--database-url`` (or BENCH_DATABASE_URL) it says how to
run and exits 0, so ``make bench`` passes on a machine with no big database.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import psycopg
from psycopg import sql

OUR_APPS = ("accounts", "plans", "access", "reviews", "security", "insights", "passport", "api")
EXCLUSIVE = "ACCESS EXCLUSIVE"
RISKY = (
    (re.compile(r"^ALTER TABLE .* ALTER COLUMN .* TYPE", re.I), f"rewrite ({EXCLUSIVE})"),
    (re.compile(r"^ALTER TABLE .* SET NOT NULL", re.I), "scans every row (ACCESS EXCLUSIVE)"),
    (re.compile(r"^ALTER TABLE .* ADD CONSTRAINT .* FOREIGN KEY(?!.*NOT VALID)", re.I),
     "checks every row (SHARE ROW EXCLUSIVE)"),
    (re.compile(r"^ALTER TABLE .* ADD CONSTRAINT .* CHECK(?!.*NOT VALID)", re.I),
     "checks every row (ACCESS EXCLUSIVE)"),
    (re.compile(r"^CREATE (UNIQUE )?INDEX(?! CONCURRENTLY)", re.I), "blocks writes (SHARE)"),
    (re.compile(r"^ALTER TABLE .* ADD COLUMN", re.I), f"brief {EXCLUSIVE}, no rewrite"),
    (re.compile(r"^ALTER TABLE", re.I), "ACCESS EXCLUSIVE"),
    (re.compile(r"^(DROP TABLE|TRUNCATE)", re.I), "ACCESS EXCLUSIVE"),
)  # fmt: skip
TABLE = re.compile(r'(?:ALTER TABLE|ON|INTO|UPDATE|TABLE)\s+"?(\w+)"?', re.I)
BIG_TABLE_ROWS = 10_000


@dataclass
class LockWatch:
    """Polls pg_locks for ACCESS EXCLUSIVE locks held by one backend."""

    url: str
    pid: int
    longest: dict[str, float] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        held_since: dict[str, float] = {}
        with psycopg.connect(self.url, autocommit=True) as watcher:
            while not self._stop.is_set():
                rows = watcher.execute(
                    "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                    "WHERE l.pid = %s AND l.mode = 'AccessExclusiveLock' AND l.granted "
                    "AND c.relkind = 'r'",
                    (self.pid,),
                ).fetchall()
                now = time.perf_counter()
                current = {str(row[0]) for row in rows}
                for table in current:
                    held_since.setdefault(table, now)
                    self.longest[table] = max(self.longest.get(table, 0.0), now - held_since[table])
                for table in set(held_since) - current:
                    del held_since[table]
                time.sleep(0.01)

    def __enter__(self) -> LockWatch:
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def database_copy(source: str, name: str) -> str:
    admin = urlparse(source)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        template = sql.Identifier(urlparse(source).path.lstrip("/"))
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), template)
        )
    return urlparse(source)._replace(path=f"/{name}").geturl()


def database_drop(source: str, name: str) -> None:
    admin = urlparse(source)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def row_counts() -> dict[str, int]:
    from django.db import connection

    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = int(cursor.fetchone()[0])
    return counts


def read_every_migration(counts: dict[str, int]) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    print("1. Statements that lock a table with more than 10,000 rows (from sqlmigrate)")
    flagged = 0
    for app, name in sorted(loader.disk_migrations):
        if app not in OUR_APPS:
            continue
        text = call_command("sqlmigrate", app, name, verbosity=0, stdout=io.StringIO())
        # A table made by this same migration is empty while it is changed: no risk there.
        made_here = set(re.findall(r'CREATE TABLE "(\w+)"', text))
        for statement in (s.strip() for s in text.split(";\n")):
            for pattern, effect in RISKY:
                if not pattern.search(statement):
                    continue
                tables = [
                    t
                    for t in TABLE.findall(statement)
                    if counts.get(t, 0) > BIG_TABLE_ROWS and t not in made_here
                ]
                for table in dict.fromkeys(tables):
                    flagged += 1
                    print(f"   {app}.{name}: {table} ({counts[table]:,} rows): {effect}")
                    print(f"      {statement[:110]}")
                break
    print(f"   {flagged} statements on big tables\n")


def run_last_migrations(url: str, last: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.exceptions import IrreversibleError
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    print(f"2. The last {last} migrations of each app, reversed and applied again")
    print("   (back: reversing it and any later migration that depends on it)")
    print(f"   {'migration':<48}{'back s':>8}{'forward s':>10}  longest ACCESS EXCLUSIVE")
    for app in OUR_APPS:
        names = sorted(name for a, name in loader.disk_migrations if a == app)
        for index in range(max(1, len(names) - last), len(names)):
            target, before = names[index], names[index - 1]
            counts_before = row_counts()
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid = int(cursor.fetchone()[0])
            try:
                with LockWatch(url, pid) as back_watch:
                    began = time.perf_counter()
                    call_command("migrate", app, before, verbosity=0)
                    back = time.perf_counter() - began
            except IrreversibleError as error:
                print(f"   {app}.{target:<44} cannot be reversed: {error}")
                continue
            with LockWatch(url, pid) as forward_watch:
                began = time.perf_counter()
                call_command("migrate", app, target, verbosity=0)
                forward = time.perf_counter() - began
            # Going back also reversed later migrations of other apps that depend on this one:
            # put every app back at its last migration before the next measurement.
            call_command("migrate", verbosity=0)
            held = {**back_watch.longest}
            for table, seconds in forward_watch.longest.items():
                held[table] = max(held.get(table, 0.0), seconds)
            big = {t: s for t, s in held.items() if counts_before.get(t, 0) > BIG_TABLE_ROWS}
            worst = max(big.items(), key=lambda item: item[1]) if big else None
            shown = (
                f"{worst[0]} {worst[1]:.2f} s ({counts_before[worst[0]]:,} rows)"
                if worst
                else "none on a big table"
            )
            print(f"   {app}.{target:<44}{back:>8.2f}{forward:>10.2f}  {shown}")
            lost = {
                t: counts_before[t] - n
                for t, n in row_counts().items()
                if counts_before.get(t, 0) > n
                and t not in {"insights_figurecache", "django_migrations"}
            }
            if lost:
                print(f"      rows not restored by going back and forward: {lost}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument(
        "--copy-name", default="", help="name of the scratch copy (default <db>_migrations)"
    )
    parser.add_argument(
        "--last", type=int, default=1, help="migrations per app to reverse and redo"
    )
    args = parser.parse_args()
    if not args.database_url:
        print(
            "bench_migrations: give --database-url of a seeded PostgreSQL database (or set "
            "BENCH_DATABASE_URL); skipped."
        )
        return 0
    source_name = urlparse(args.database_url).path.lstrip("/")
    copy_name = args.copy_name or f"{source_name}_migrations"
    began = time.perf_counter()
    url = database_copy(args.database_url, copy_name)
    print(
        f"copied {source_name} to {copy_name} in {time.perf_counter() - began:.1f} s; "
        f"load {os.getloadavg()}"
    )
    os.environ.update(
        {
            "DATABASE_URL": url,
            "GOLDENTHREAD_ENV": "development",
            "DJANGO_SETTINGS_MODULE": "goldenthread.web.settings",
        }
    )
    import django

    django.setup()
    try:
        counts = row_counts()
        children, outcomes = counts.get("plans_child", 0), counts.get("plans_outcome", 0)
        print(f"children: {children:,}; outcomes: {outcomes:,}\n")
        read_every_migration(counts)
        run_last_migrations(url, args.last)
    finally:
        from django.db import connections

        connections.close_all()
        database_drop(args.database_url, copy_name)
    print(f"\nload (1, 5, 15 min): {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

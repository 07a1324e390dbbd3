"""Time ``goldenthread seed`` into a fresh database and print seconds and database size.

    .venv/bin/python bench/bench_seed.py --children 20000          # SQLite (a temporary file)
    createdb -h 127.0.0.1 -U postgres gt_seed
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_seed \
        .venv/bin/python bench/bench_seed.py --children 20000

With DATABASE_URL set, that database must exist and be empty (it is migrated first); the
size is PostgreSQL's ``pg_database_size``. Without it a new SQLite file is made in a temporary
directory. The seeding itself is timed; migrating is not. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--today", default="2026-03-02")
    args = parser.parse_args()
    os.environ.setdefault("GOLDENTHREAD_ENV", "development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    scratch = None
    if "DATABASE_URL" not in os.environ:
        scratch = tempfile.mkdtemp(prefix="gt-bench-seed-")
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from goldenthread.web.plans.demo.builder import area_seed

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    summary = area_seed(
        children=args.children,
        seed=args.seed,
        today=dt.date.fromisoformat(args.today),
        progress=lambda done, total: print(
            f"  {done:,} of {total:,} children", file=sys.stderr, flush=True
        ),
    )
    seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
    else:
        size = Path(connection.settings_dict["NAME"]).stat().st_size
    print(f"database: {connection.vendor}")
    print(
        f"children: {summary.children:,}  plans: {summary.plans:,}  "
        f"outcomes: {summary.outcomes:,}  provision: {summary.provision:,}"
    )
    print(f"rows written: {sum(summary.rows.values()):,} (history rows as many again)")
    print(f"seconds: {seconds:.1f}")
    print(f"database size: {size / 1_048_576:.1f} MB")
    if scratch:
        Path(connection.settings_dict["NAME"]).unlink()
        Path(scratch).rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())

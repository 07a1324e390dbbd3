"""Benchmark the SEN2 export (and the Annex A lists) against a seeded database.

Set up once (20,000 children in PostgreSQL):
    createdb -h 127.0.0.1 -U postgres gt_returns20k
    export GOLDENTHREAD_ENV=development
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_returns20k
    .venv/bin/goldenthread seed --children 20000     # also names the demo returns lead
Run:
    .venv/bin/python bench/bench_returns.py [--year 2027] [--runs 3]

Times each part of ``sen2_make`` (gathering the records, the checks, the headline figures, the
XML) and the Annex A lists with their checks and XLSX, and prints them with the machine's load.
It asserts nothing (speed figures come from here, never from timed tests).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")

import django


def _timed(label: str, runs: int, work):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    print(f"{label:<34} median {statistics.median(times):7.2f} s   max {max(times):7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2027)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    django.setup()
    from django.conf import settings

    from goldenthread.core.returns.sen2 import sen2_xml
    from goldenthread.core.returns.sen2_rules import sen2_findings
    from goldenthread.core.returns.sen2_summary import sen2_headlines
    from goldenthread.web.plans.models import Child
    from goldenthread.web.returns.gather import sen2_build
    from goldenthread.web.returns.models import ReturnsLead
    from goldenthread.web.returns.services import annex_make, sen2_make

    lead = ReturnsLead.objects.select_related("local_authority").order_by("-pk").first()
    if lead is None:
        raise SystemExit("No returns lead: seed the demo area first (goldenthread seed).")
    authority = lead.local_authority
    print(f"database: {settings.DATABASES['default']['ENGINE']}")
    print(f"children in the area: {Child.objects.filter(local_authority=authority).count():,}")
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}")
    sen2 = _timed("SEN2 gather (queries)", args.runs, lambda: sen2_build(authority, args.year))
    found = _timed("SEN2 checks", args.runs, lambda: sen2_findings(sen2))
    _timed("SEN2 headline figures", args.runs, lambda: sen2_headlines(sen2))
    xml = _timed("SEN2 XML", args.runs, lambda: sen2_xml(sen2))
    made = _timed("SEN2 export, end to end", args.runs, lambda: sen2_make(authority, args.year))
    annex = _timed("Annex A lists and checks", args.runs, lambda: annex_make(authority))
    _timed("Annex A XLSX", args.runs, annex.xlsx)
    print(f"people in SEN2 {args.year}: {len(sen2.people):,}; XML {len(xml) / 1e6:.1f} MB")
    print(f"checks failed: {len(found):,} ({len(made.blocking):,} blocking)")
    print(f"Annex A rows: {sum(len(r) for r in annex.lists.values()):,}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()

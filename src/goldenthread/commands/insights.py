"""``goldenthread insights refresh``: rebuild the area dashboards' facts, to run every night.

The dashboards read narrow facts tables (one row per outcome, need and piece of provision on a
current plan) instead of the live records, so they stay fast at any size (ADR 0013). This
command rebuilds them in one transaction and records when (pages say "Figures as of …"), then
works out each area's unfiltered dashboards so the morning's first page is quick.
``goldenthread seed`` runs it after building the demo area.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

EXIT_OK = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("refresh",), help="rebuild the facts tables")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from goldenthread.web.insights.refresh import facts_refresh
    from goldenthread.web.insights.views import dashboards_warm

    def progress(line: str) -> None:
        if not args.quiet:
            print(f"insights: {line}", file=sys.stderr, flush=True)

    result = facts_refresh(progress=progress)
    began = time.perf_counter()
    warmed = dashboards_warm()
    progress(f"worked out {warmed} unfiltered dashboards in {time.perf_counter() - began:.1f} s")
    print(
        f"Area insights facts rebuilt in {result.seconds:.1f} s: {result.outcomes:,} outcomes,"
        f" {result.needs:,} needs, {result.provision:,} pieces of provision"
        f" ({result.new_wordings:,} new wordings checked)."
    )
    return EXIT_OK

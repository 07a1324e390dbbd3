"""``goldenthread quality-rejudge``: judge again every stored verdict that has gone stale.

A verdict is stale when it was judged by another engine version, on an earlier day, or for a
child whose date of birth has changed (run nightly and after a model change).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os

EXIT_OK = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, help="judge as of this day (YYYY-MM-DD)"
    )


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from goldenthread.web.quality_jobs import rejudge_stale_verdicts

    count = rejudge_stale_verdicts(today=args.today)
    print(f"quality-rejudge: {count} stored verdicts judged again")
    return EXIT_OK

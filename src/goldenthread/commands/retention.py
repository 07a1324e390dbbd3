"""``goldenthread retention``: list what is due under the retention periods, or make it go.

``--list`` prints counts by record type (never names). ``--apply --mode erase|anonymise`` erases
or anonymises everything due in one transaction and records the run (who, when, counts).
Periods come from the GOLDENTHREAD_RETENTION setting; see docs/data-protection.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys

EXIT_OK = 0
EXIT_BAD_INPUT = 2
MSG_NEED_MODE = "--apply needs --mode erase or --mode anonymise"
MSG_BAD_TODAY = "--today: '{value}' is not a date. Write it as YYYY-MM-DD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="count what is due, by record type")
    action.add_argument("--apply", action="store_true", help="erase or anonymise what is due")
    parser.add_argument("--mode", choices=("erase", "anonymise"), help="with --apply")
    parser.add_argument("--by", help="who is running it (default: the computer account)")
    parser.add_argument("--today", help="work as if today were YYYY-MM-DD (default: today)")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    if args.apply and not args.mode:
        print(MSG_NEED_MODE, file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(MSG_BAD_TODAY.format(value=args.today), file=sys.stderr)
        return EXIT_BAD_INPUT
    import django

    django.setup()
    from django.utils import timezone

    from goldenthread.web.security.retention import (
        retention_apply,
        retention_due_counts,
        retention_rules,
    )

    today = today or timezone.localdate()
    for name, period in retention_rules().items():
        print(f"{name}: kept until {period}")
    if args.list:
        for name, count in retention_due_counts(today=today).items():
            print(f"due now: {name}: {count}")
        return EXIT_OK
    ran_by = args.by or f"computer account {getpass.getuser()}"
    result = retention_apply(mode=args.mode, ran_by=ran_by, today=today)
    for name, count in result.counts.items():
        print(f"{args.mode}: {name}: {count}")
    print(f"Recorded as retention run {result.pk}.")
    return EXIT_OK

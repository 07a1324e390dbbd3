"""``goldenthread reviews``: review deadlines for a local authority, to run every day.

``reviews refresh`` works out every live plan's deadlines again and stores them (some appear only
as time passes, such as a phase transfer). ``reviews due`` does that, then lists every deadline
that is late or due within ``--days`` days: plan id, child reference (initials and id, never a
full name, so names stay out of logs and cron mail), coordinator username, what is due, the due
date and days late. See docs/review-cycle.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

EXIT_OK = 0
EXIT_BAD_INPUT = 2
MSG_BAD_TODAY = "--today: '{value}' is not a date. Write it as YYYY-MM-DD"
MSG_BAD_DAYS = "--days must be 0 or more"
HEADER = ("plan_id", "child", "coordinator", "deadline", "due", "days_late")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("due", "refresh"), help="list what is due, or refresh")
    parser.add_argument("--days", type=int, default=28, help="look this many days ahead (28)")
    parser.add_argument("--today", help="work as if today were YYYY-MM-DD (default: today)")
    parser.add_argument("--format", choices=("text", "csv"), default="text", dest="output")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(MSG_BAD_TODAY.format(value=args.today), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.days < 0:
        print(MSG_BAD_DAYS, file=sys.stderr)
        return EXIT_BAD_INPUT
    import django

    django.setup()
    from django.utils import timezone

    from goldenthread.web.reviews.selectors import due_report
    from goldenthread.web.reviews.services.schedule import plan_schedules_refresh_all

    today = today or timezone.localdate()
    count = plan_schedules_refresh_all(today=today)
    if args.action == "refresh":
        print(f"Worked out the deadlines of {count} plans as of {today.isoformat()}.")
        return EXIT_OK
    rows = due_report(today=today, days=args.days)
    if args.output == "csv":
        from goldenthread.core.spreadsheet_safety import SpreadsheetCsvWriter

        writer = SpreadsheetCsvWriter(sys.stdout)
        writer.writerow(HEADER)
        writer.writerows(rows)
        return EXIT_OK
    print(f"{len(rows)} deadlines late or due by {today + dt.timedelta(days=args.days)}:")
    for plan_id, child, coordinator, kind, due, late in rows:
        lateness = f"{late} days late" if late else "not late yet"
        print(f"plan {plan_id}  {child}  {coordinator}  {kind}  due {due}  {lateness}")
    return EXIT_OK

"""``goldenthread retention``: list what is due under the retention periods, or make it go.

``--list`` prints counts by record type (never names). ``--apply --mode erase|anonymise`` erases
or anonymises everything due in one transaction and records the run (who, when, counts).
Periods come from the GOLDENTHREAD_RETENTION setting; see docs/data-protection.md.

``--apply`` is irreversible, so it first prints the dry run (counts by type, no names) and a
confirmation code, and changes nothing until confirmed: by typing ``yes`` at the prompt when run
by a person at a terminal, or by running it again with ``--confirm CODE`` (for scripts). The code
stands for exactly what was due, so it stops working once that changes. ``--today`` may look
ahead with ``--list``, never with ``--apply`` (docs/adr/0021-safe-destructive-actions.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NOT_CONFIRMED = 3
MSG_DRY_RUN_OR_CONFIRM = "Give --dry-run or --confirm, not both"
MSG_NEED_MODE = "--apply needs --mode erase or --mode anonymise"
MSG_BAD_TODAY = "--today: '{value}' is not a date. Write it as YYYY-MM-DD"
MSG_FUTURE_TODAY = (
    "--today {value} is after today ({today}). --apply works only as of today or an earlier "
    "day, so nothing goes before its time. To look ahead, use --list --today {value}."
)
MSG_DRY_RUN = "Dry run: nothing has changed yet. This would {mode}:"
MSG_HOW_TO_CONFIRM = "To go ahead, run the same command with --confirm {code}"
MSG_PROMPT = "Type yes to {mode} these records now. This cannot be undone: "
MSG_NOTHING_CHANGED = "Nothing changed."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="count what is due, by record type")
    action.add_argument("--apply", action="store_true", help="erase or anonymise what is due")
    parser.add_argument("--mode", choices=("erase", "anonymise"), help="with --apply")
    parser.add_argument("--by", help="who is running it (default: the computer account)")
    parser.add_argument(
        "--today",
        help="work as if today were YYYY-MM-DD (default: today); a later day only with --list",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="with --apply: only show what would change and the code to confirm it; ask nothing",
    )
    parser.add_argument(
        "--confirm",
        metavar="CODE",
        help="with --apply: go ahead, with the code the dry run printed",
    )


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    if args.dry_run and args.confirm:
        print(MSG_DRY_RUN_OR_CONFIRM, file=sys.stderr)
        return EXIT_BAD_INPUT
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

    from goldenthread.web.security.retention import retention_due_counts, retention_rules

    real_today = timezone.localdate()
    if args.apply and today is not None and today > real_today:
        print(MSG_FUTURE_TODAY.format(value=today, today=real_today), file=sys.stderr)
        return EXIT_BAD_INPUT
    today = today or real_today
    for name, period in retention_rules().items():
        print(f"{name}: kept until {period}")
    if args.list:
        for name, count in retention_due_counts(today=today).items():
            print(f"due now: {name}: {count}")
        return EXIT_OK
    return _apply(args, today)


def _apply(args: argparse.Namespace, today: dt.date) -> int:
    """The dry run, then the change once confirmed."""
    from goldenthread.web.security.retention import (
        RetentionRefusedError,
        retention_apply,
        retention_confirmation,
        retention_due_counts,
    )

    confirmation = args.confirm
    if confirmation is None:
        print(MSG_DRY_RUN.format(mode=args.mode))
        for name, count in retention_due_counts(today=today, mode=args.mode).items():
            print(f"  {name}: {count}")
        code = retention_confirmation(today=today, mode=args.mode)
        if args.dry_run or not _confirmed_at_terminal(args.mode):
            print(MSG_HOW_TO_CONFIRM.format(code=code))
            print(MSG_NOTHING_CHANGED)
            return EXIT_NOT_CONFIRMED
        confirmation = code
    ran_by = args.by or f"computer account {getpass.getuser()}"
    try:
        result = retention_apply(
            mode=args.mode, ran_by=ran_by, today=today, confirmation=confirmation
        )
    except RetentionRefusedError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    for name, count in result.counts.items():
        print(f"{args.mode}: {name}: {count}")
    print(f"Recorded as retention run {result.pk}.")
    return EXIT_OK


def _confirmed_at_terminal(mode: str) -> bool:
    """A person at a terminal types ``yes``; a script (no terminal) must use ``--confirm``."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(MSG_PROMPT.format(mode=mode))
    except EOFError:
        return False
    return answer.strip().lower() == "yes"

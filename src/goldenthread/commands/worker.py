"""``goldenthread worker``: make sure every scheduled job has its schedule, then run the job
runner (a django-q2 cluster on the database broker: no extra service, ADR 0023).

Run one worker next to the web app in production (docs/deploy.md, "Scheduled jobs");
``make run`` starts one with the demo server and stops it with the server.
"""

from __future__ import annotations

import argparse
import os

EXIT_OK = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--schedules-only",
        action="store_true",
        help="make or update the schedules, print them, and stop (no worker)",
    )


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from goldenthread.web.jobs.runner import schedules_ensure

    for name in schedules_ensure():
        print(f"scheduled: {name}", flush=True)
    if args.schedules_only:
        return EXIT_OK
    call_command("qcluster")
    return EXIT_OK

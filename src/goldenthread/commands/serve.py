"""``goldenthread serve``: migrate, seed the demo area if the database is empty, and serve it.

For a demo or a developer's machine: the demo area (with its demo sign-ins) is added only when
``GOLDENTHREAD_ENV`` is ``development``; anywhere else serve says so and serves what is there.
In production run the WSGI app (``goldenthread.web.wsgi:application``) under a real server; see
docs/deploy.md.
"""

from __future__ import annotations

import argparse
import os
import sys

MSG_NO_SEED_OUTSIDE_DEVELOPMENT = (
    "No demo area added: demo sign-ins are made only when GOLDENTHREAD_ENV is development "
    "(it is '{environment}')."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--address", default="127.0.0.1:8000", help="host:port to listen on")
    parser.add_argument(
        "--children", type=int, default=2000, help="children in the demo area if it is empty"
    )
    parser.add_argument("--no-seed", action="store_true", help="do not add a demo area")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    environment = os.environ.get("GOLDENTHREAD_ENV", "production")
    if not args.no_seed and environment != "development":
        print(MSG_NO_SEED_OUTSIDE_DEVELOPMENT.format(environment=environment), file=sys.stderr)
    elif not args.no_seed:
        from goldenthread.cli import main as cli_main

        cli_main(["seed", "--if-empty", "--children", str(args.children)])
    print(f"\nGolden Thread is at http://{args.address}/  (press Ctrl+C to stop)\n", flush=True)
    call_command("runserver", args.address, use_reloader=False)
    return 0

"""``goldenthread serve``: migrate, seed the demo area if the database is empty, and serve it.

For a demo or a developer's machine: the demo area (with its demo sign-ins) is added only when
``GOLDENTHREAD_ENV`` is ``development``; anywhere else serve says so and serves what is there.
In production run the WSGI app (``goldenthread.web.wsgi:application``) under a real server; see
docs/deploy.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess  # starts our own worker process, no shell  # nosec B404
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
    parser.add_argument(
        "--worker",
        action="store_true",
        help="also run the scheduled jobs (`goldenthread worker`), stopped with the server",
    )


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
    worker = _worker_start() if getattr(args, "worker", False) else None
    print(f"\nGolden Thread is at http://{args.address}/  (press Ctrl+C to stop)\n", flush=True)
    try:
        call_command("runserver", args.address, use_reloader=False)
    finally:
        if worker is not None:
            _worker_stop(worker)
    return 0


def _worker_start() -> subprocess.Popen[bytes]:
    """The job runner in its own process (its own process group, so it stops as one)."""
    command = [sys.executable, "-m", "goldenthread.cli", "worker"]
    process = subprocess.Popen(command, start_new_session=True)  # noqa: S603 - our own command  # nosec B603
    print(f"Scheduled jobs: worker started (process {process.pid})", flush=True)
    return process


def _worker_stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    print("Scheduled jobs: worker stopped", flush=True)

"""The production server (gunicorn, as deployed) for the browser tests: ``BROWSER_SERVER=gunicorn``.

gunicorn runs in its own processes with the project's gunicorn settings, against the test
database (PostgreSQL: separate processes cannot share SQLite's in-memory test database), on a
free port on 127.0.0.1. Two workers, so a signed-in person's requests land on both: sessions
must live in the database, not in one process (ADR 0032).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
STARTUP_SECONDS = 120
WORKERS = "2"
METRICS_TOKEN = "browser-tests-metrics-token-0123456789"


def browser_server() -> str:
    """``live_server`` (pytest-django's thread, the default) or ``gunicorn``."""
    return os.environ.get("BROWSER_SERVER", "live_server")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def database_url(settings_dict: dict[str, Any]) -> str:
    """The test database as a DATABASE_URL for the server's processes (an SQLite file will do;
    SQLite's in-memory test database cannot be shared with other processes)."""
    name = str(settings_dict["NAME"])
    if "sqlite" in settings_dict["ENGINE"] and Path(name).is_file():
        return f"sqlite:///{name}"
    if "postgresql" not in settings_dict["ENGINE"]:
        raise RuntimeError("BROWSER_SERVER=gunicorn needs PostgreSQL (DATABASE_URL=postgres://…)")
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


class SettingsStayInTheTestProcess:
    """pytest-django's live-server helper turns the server's ALLOWED_HOSTS change on and off
    around each test; gunicorn reads its settings from the environment at start instead."""

    def enable(self) -> None:
        """Nothing to change: gunicorn's processes were started with the test settings."""

    def disable(self) -> None:
        """Nothing to undo."""


class ProductionServer:
    """What the tests read from pytest-django's ``live_server``: ``url``."""

    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.url = url
        self.process = process
        self.log = log
        self._live_server_modified_settings = SettingsStayInTheTestProcess()

    def __str__(self) -> str:
        return self.url


def _wait_until_live(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/health/live/", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(
        f"gunicorn did not answer in {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}"
    )


@contextmanager
def gunicorn_running(
    settings_dict: dict[str, Any], extra_environment: dict[str, str] | None = None
) -> Iterator[ProductionServer]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    work = Path(tempfile.mkdtemp(prefix="goldenthread-gunicorn-"))
    log = work / "gunicorn.log"
    environment = {
        **os.environ,
        "GOLDENTHREAD_ENV": "test",
        "DATABASE_URL": database_url(settings_dict),
        "DATABASE_CONN_MAX_AGE": "0",  # the tests empty tables between journeys
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": WORKERS,
        "PROMETHEUS_MULTIPROC_DIR": str(work / "metrics"),
        "DJANGO_SETTINGS_MODULE": "goldenthread.web.settings",
        "METRICS_TOKEN": METRICS_TOKEN,
    }
    environment.update(extra_environment or {})
    environment.pop("DATABASE_REPLICA_URL", None)
    command = [str(GUNICORN), "-c", "python:goldenthread.web.ops.gunicorn_conf"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=PROJECT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_live(url, process, log)
        yield ProductionServer(url, process, log)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

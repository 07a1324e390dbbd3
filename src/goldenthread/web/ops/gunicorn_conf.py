"""gunicorn's settings: ``gunicorn -c python:goldenthread.web.ops.gunicorn_conf``.

Every value comes from the environment (docs/settings.md), with defaults fit for a small
virtual machine behind a TLS-terminating proxy. Reasons are in ADR 0029.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from goldenthread.web.ops import proxy


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


wsgi_app = "goldenthread.web.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Every page is a few database queries and mostly Python (templates, the quality engine): CPU
# bound, so one worker per core and one more to use a core while another waits for PostgreSQL.
# More workers only queue for the same cores and each holds its own copy of the caches
# (measured in ADR 0047). GUNICORN_THREADS > 1 gives threaded workers (gthread).
workers = _int("GUNICORN_WORKERS", (os.cpu_count() or 1) + 1)
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
# A page that takes longer than this is killed and logged, not left to tie up a worker.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# A fresh worker now and then returns memory a long-lived one would keep (jitter: not all at once).
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# The app (Django, the quality engine, the linking model) is loaded once and shared by forking.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"
# Only a proxy we were told to trust may set X-Forwarded-For / -Proto (TRUSTED_PROXY).
forwarded_allow_ips = proxy.forwarded_allow_ips()
secure_scheme_headers = proxy.secure_scheme_headers()
# Access lines go through the application log (JSON, personal data removed), not gunicorn's.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
control_socket_disable = True

# Prometheus metrics are counted per worker and added up at /metrics (prometheus-client's
# multiprocess mode): each worker writes to files in this directory.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="goldenthread-metrics-")


def on_starting(server: Any) -> None:
    """Start with no figures left by an earlier run (a restarted server counts from zero)."""
    folder = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()


def child_exit(server: Any, worker: Any) -> None:
    """A worker that ends stops counting in the live gauges (prometheus-client's rule)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]

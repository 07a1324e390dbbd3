"""Load test: simulated people using Golden Thread on gunicorn, on 127.0.0.1 only.

    .venv/bin/python bench/load_test.py --database-url postgres://postgres@127.0.0.1:5432/gt_big
    .venv/bin/python bench/load_test.py --database-url … --users 50 --seconds 60   # shorter

The database must hold a seeded demo area (``goldenthread seed --children 20000``). The script
starts gunicorn itself (the project's gunicorn settings, GOLDENTHREAD_ENV=development so the
demo sign-ins work, sign-in codes off and the sign-in rate limit raised for one address), runs
locust headless, and prints p50/p95 per page type, errors, the server's memory (RSS of the
master and each worker, sampled every 5 s) and the machine's load. Two tables: the start (all
users signing in within about 10 s and opening their first pages, a burst that happens at most
once a morning) and then the given time with every user working, which is what the targets are
about. It prints figures and never asserts them (targets: docs/deploy.md, "Load").

People: EHC coordinators (caseload, a child's page, live feedback while writing an outcome,
a plan's reviews) and strategic leaders (area dashboards), four to one.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from locust import HttpUser, between, events, task
from locust.env import Environment

PROJECT = Path(__file__).resolve().parents[1]
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-2026")
CHILD_LINK = re.compile(r'href="/children/(\d+)/"')
PLAN_LINK = re.compile(r'href="/plans/(\d+)/')
DASHBOARDS = ("outcomes", "quality", "attainment", "gaps", "reviews", "trends")
WORDINGS = (
    "By July 2027, Sam will read a short book aloud to an adult.",
    "Sam will be supported to improve his confidence.",
    "By the end of Year 5, I will ask for help in class when I am stuck, 4 times out of 5.",
    "To access the curriculum with support.",
)


# Users whose on_start (sign in, first pages) has finished: figures are taken once all have.
STARTED: list[str] = []


def sign_in(user: HttpUser, username: str) -> None:
    page = user.client.get("/sign-in/", name="sign-in page")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    user.client.post(
        "/sign-in/",
        {
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": token.group(1) if token else "",
        },
        name="sign in",
    )


class Coordinator(HttpUser):
    weight = 4
    wait_time = between(1, 3)

    def on_start(self) -> None:
        sign_in(self, "coordinator")
        # Children from the caseload (/children/): the ones this person may read. "What needs
        # you" (/) links to plans, and to a child only where a share is ending, so picking
        # children from it found few or none (then "0", a refusal) instead of a caseload.
        caseload = self.client.get("/children/", name="caseload")
        self.children = sorted(set(CHILD_LINK.findall(caseload.text)))[:60] or ["0"]
        self.plans: list[str] = []
        for child in self.children[:5]:
            page = self.client.get(f"/children/{child}/", name="child page")
            self.plans += PLAN_LINK.findall(page.text)
        self.plans = sorted(set(self.plans)) or ["0"]
        STARTED.append("coordinator")

    @task(2)
    def caseload(self) -> None:
        self.client.get("/children/", name="caseload")

    @task(1)
    def home(self) -> None:
        self.client.get("/", name="home")

    @task(3)
    def child_page(self) -> None:
        self.client.get(f"/children/{random.choice(self.children)}/", name="child page")

    @task(4)
    def live_feedback(self) -> None:
        self.client.post(
            f"/plans/{random.choice(self.plans)}/check-outcome/",
            {"text": random.choice(WORDINGS)},
            headers={"X-CSRFToken": self.client.cookies.get("csrftoken", "")},
            name="live feedback",
        )

    @task(1)
    def reviews(self) -> None:
        self.client.get(f"/plans/{random.choice(self.plans)}/reviews/", name="review")


class Leader(HttpUser):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self) -> None:
        sign_in(self, "leader")
        STARTED.append("leader")

    @task
    def dashboard(self) -> None:
        self.client.get(f"/insights/{random.choice(DASHBOARDS)}/", name="dashboard")


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


def pss_mib(pid: int) -> float:
    """Proportional set size: shared pages (the preloaded model) divided among the sharers,
    so the sum over processes is the server's real memory."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


def server_processes(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    found = children.read_text().split() if children.exists() else []
    return [master, *(int(pid) for pid in found)]


def gunicorn_start(
    database_url: str, port: int, workers: int, threads: int
) -> subprocess.Popen[bytes]:
    environment = {
        **os.environ,
        "GOLDENTHREAD_ENV": "development",
        "DATABASE_URL": database_url,
        "SIGN_IN_CODE_REQUIRED": "0",
        "RATE_LIMIT_SIGN_IN_ADDRESS": "10000/900",
        "RATE_LIMIT_SIGN_IN_ACCOUNT": "10000/900",
        "SIGN_IN_FAILURE_LIMIT": "1000",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_THREADS": str(threads),
        "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp(prefix="load-metrics-"),
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", "python:goldenthread.web.ops.gunicorn_conf"],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(240):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready/", timeout=5):
                return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not become ready in 2 minutes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a seeded PostgreSQL database")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=300, help="how long (default 5 min)")
    parser.add_argument("--port", type=int, default=8811, help="127.0.0.1 port for gunicorn")
    parser.add_argument(
        "--workers", type=int, default=0, help="gunicorn workers (default cores + 1)"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
    args = parser.parse_args()
    workers = args.workers or (os.cpu_count() or 1) + 1
    server = gunicorn_start(args.database_url, args.port, workers, args.threads)
    memory: list[float] = []
    proportional: list[float] = []
    try:
        environment = Environment(user_classes=[Coordinator, Leader], events=events)
        environment.host = f"http://127.0.0.1:{args.port}"
        runner = environment.create_local_runner()
        runner.start(args.users, spawn_rate=max(1, args.users // 10))
        began = time.monotonic()
        while len(STARTED) < args.users and time.monotonic() - began < 180:
            time.sleep(0.5)
        table(
            environment,
            f"Starting: {args.users} people sign in and open their first pages"
            f" ({time.monotonic() - began:.0f} s)",
        )
        environment.stats.reset_all()
        began = time.monotonic()
        while time.monotonic() - began < args.seconds:
            time.sleep(5)
            memory.append(sum(rss_mib(pid) for pid in server_processes(server.pid)))
            proportional.append(sum(pss_mib(pid) for pid in server_processes(server.pid)))
        per_process = {pid: rss_mib(pid) for pid in server_processes(server.pid)}
        runner.quit()
        report(environment, args, workers, memory, per_process)
        if proportional:
            print(
                f"server PSS (shared pages counted once): mean "
                f"{statistics.mean(proportional):.0f} MiB, max {max(proportional):.0f} MiB"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(
    environment: Environment,
    args: argparse.Namespace,
    workers: int,
    memory: list[float],
    per_process: dict[int, float],
) -> None:
    table(
        environment,
        f"Then: {args.users} users for {args.seconds} s against gunicorn "
        f"({workers} workers × {args.threads} threads)",
    )
    if memory:
        print(
            f"server RSS (master + workers): mean {statistics.mean(memory):.0f} MiB, "
            f"max {max(memory):.0f} MiB; at the end: "
            + ", ".join(f"{rss:.0f}" for rss in per_process.values())
            + " MiB (master first; RSS counts shared pages in each process)"
        )
    print(f"machine load (1, 5, 15 min): {os.getloadavg()}")


def table(environment: Environment, title: str) -> None:
    """Each page type's requests, errors and response times so far."""
    stats = environment.stats
    print(f"\n{title}")
    print(f"{'page type':<16}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for entry in sorted(stats.entries.values(), key=lambda e: e.name):
        if not entry.num_requests:
            continue
        print(
            f"{entry.name:<16}{entry.num_requests:>10}{entry.num_failures:>8}"
            f"{entry.get_response_time_percentile(0.5):>9.0f}"
            f"{entry.get_response_time_percentile(0.95):>9.0f}{entry.max_response_time:>9.0f}"
        )
    total = stats.total
    print(
        f"{'all':<16}{total.num_requests:>10}{total.num_failures:>8}"
        f"{total.get_response_time_percentile(0.5):>9.0f}"
        f"{total.get_response_time_percentile(0.95):>9.0f}{total.max_response_time:>9.0f}"
    )
    print(f"requests per second: {total.total_rps:.1f}")
    for error in stats.errors.values():
        print(f"error: {error.method} {error.name}: {error.error} ×{error.occurrences}")


if __name__ == "__main__":
    main()

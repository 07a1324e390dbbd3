"""Each page of the load test's mix timed alone, to find the slow ones (issue 21).

    createdb -h 127.0.0.1 -U postgres h21_big
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h21_big GOLDENTHREAD_ENV=development \
        .venv/bin/goldenthread seed --children 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h21_big \
        .venv/bin/python bench/bench_pages.py [--requests 20] [--only "child page"]

One process, Django's test client, no server: the demo coordinator (caseload, "what needs you",
a child's page, live feedback, a plan's reviews) and the demo strategic leader (each area
dashboard). For every page: median and 95th percentile wall time, the median CPU time of this
process (Python and templates; the rest is waiting for PostgreSQL), and the number of SQL
queries. The children and plans are the ones the coordinator's caseload (/children/) links
to, as in bench/load_test.py. Prints figures with the machine's load; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
os.environ.setdefault("GOLDENTHREAD_ENV", "development")
# A benchmark signs in with force_login: no authenticator app (a local database only).
os.environ.setdefault("SIGN_IN_CODE_REQUIRED", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django

CHILD_LINK = re.compile(r'href="/children/(\d+)/"')
PLAN_LINK = re.compile(r'href="/plans/(\d+)/')
DASHBOARDS = ("outcomes", "quality", "attainment", "gaps", "reviews", "trends")
WORDINGS = (
    "By July 2027, Sam will read a short book aloud to an adult.",
    "Sam will be supported to improve his confidence.",
    "By the end of Year 5, I will ask for help in class when I am stuck, 4 times out of 5.",
    "To access the curriculum with support.",
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(call: Callable[[], Any], requests: int) -> tuple[list[float], list[float], int, int]:
    """Wall and CPU milliseconds of each call, the SQL queries of the last, its status."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()  # warm: imports, template compilation, this worker's caches
    walls, cpus = [], []
    for _ in range(requests):
        began, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = call()
    return walls, cpus, len(queries.captured_queries), response.status_code


def pages(coordinator: Any, leader: Any) -> dict[str, Callable[[], Any]]:
    from django.test import Client

    staff = Client()
    staff.force_login(coordinator)
    caseload = staff.get("/children/").content.decode()
    children = sorted(set(CHILD_LINK.findall(caseload)))[:60]
    plans: list[str] = []
    for child in children[:5]:
        plans += PLAN_LINK.findall(staff.get(f"/children/{child}/").content.decode())
    plans = sorted(set(plans))
    print(f"coordinator's caseload links {len(children)} children; {len(plans)} plans found")
    area = Client()
    area.force_login(leader)
    rng = random.Random(21)
    found: dict[str, Callable[[], Any]] = {
        "home": lambda: staff.get("/"),
        "caseload": lambda: staff.get("/children/"),
        "child page": lambda: staff.get(f"/children/{rng.choice(children)}/"),
        "live feedback": lambda: staff.post(
            f"/plans/{rng.choice(plans)}/check-outcome/", {"text": rng.choice(WORDINGS)}
        ),
        "review": lambda: staff.get(f"/plans/{rng.choice(plans)}/reviews/"),
    }
    for slug in DASHBOARDS:
        found[f"dashboard {slug}"] = lambda slug=slug: area.get(f"/insights/{slug}/")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    parser.add_argument("--only", action="append", help="time only these pages (repeatable)")
    args = parser.parse_args()
    django.setup()
    from django.conf import settings
    from django.db import connection

    from goldenthread.web.accounts.models import User
    from goldenthread.web.plans.models import Child

    settings.ALLOWED_HOSTS = ["testserver"]
    coordinator = User.objects.get(username="coordinator")
    leader = User.objects.get(username="leader")
    found = pages(coordinator, leader)
    print(f"{Child.objects.count():,} children, {connection.vendor}, {args.requests} requests each")
    print(f"{'page':<22}{'median ms':>10}{'p95 ms':>8}{'CPU ms':>8}{'queries':>9}{'status':>8}")
    for name, call in found.items():
        if args.only and name not in args.only:
            continue
        walls, cpus, queries, status = timed(call, args.requests)
        print(
            f"{name:<22}{statistics.median(walls):>10.0f}{percentile(walls, 0.95):>8.0f}"
            f"{statistics.median(cpus):>8.0f}{queries:>9}{status:>8}"
        )
    load = os.getloadavg()
    print(f"machine load (1, 5, 15 min): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()

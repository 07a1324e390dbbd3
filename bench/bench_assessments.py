"""Benchmark the assessment late lists against a seeded database (20,000 children, PostgreSQL).

Set up once:
    createdb -h 127.0.0.1 -U postgres gt_h19a
    export GOLDENTHREAD_ENV=development
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_h19a
    .venv/bin/goldenthread seed --children 20000
Run:
    .venv/bin/python bench/bench_assessments.py [--requests 20] [--open 2000]

The demo seeds a few hundred assessments; ``--open`` first tops the database up to that many
open assessments (request dates spread over the last 200 days, coordinators spread over the
demo coordinator's team and the rest of the area) so the lists have a realistic load. Fetches
each list through Django's test client, signed in as the demo coordinator, and prints the
median and 95th percentile, with the machine's load. It asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")

import django

PAGES = [
    ("coordinator", "/assessments/late/"),
    ("coordinator", "/assessments/late/?scope=team"),
    ("coordinator", "/assessments/late/?scope=team&page=3"),
    ("coordinator", "/"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def top_up(wanted: int) -> int:
    """Add open assessments until ``wanted`` are open; returns how many were added."""
    from django.db import transaction
    from django.utils import timezone

    from goldenthread.web.accounts.models import Role, User
    from goldenthread.web.assessments.choices import OPEN_STAGES
    from goldenthread.web.assessments.clock import derived_refresh
    from goldenthread.web.assessments.models import Assessment
    from goldenthread.web.plans.models import ChildRelationship

    open_now = Assessment.objects.filter(stage__in=OPEN_STAGES).count()
    missing = wanted - open_now
    if missing <= 0:
        return 0
    rng = random.Random(20000)
    today = timezone.localdate()
    pairs = list(
        ChildRelationship.objects.filter(
            kind="caseworker", person__role=Role.COORDINATOR
        ).values_list("child_id", "person_id")[: missing * 2]
    )
    rng.shuffle(pairs)
    made = [
        Assessment(
            child_id=child_id,
            coordinator=User(pk=person_id),
            request_received_on=today - dt.timedelta(days=rng.randint(1, 200)),
            request_source=rng.choice(["parent", "setting", "health"]),
        )
        for child_id, person_id in pairs[:missing]
    ]
    with transaction.atomic():
        Assessment.objects.bulk_create(made, batch_size=1000)
        for assessment in Assessment.objects.filter(pk__in=[a.pk for a in made]):
            derived_refresh(assessment, today=today)
    return len(made)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--open", type=int, default=2000)
    args = parser.parse_args()
    django.setup()
    from django.conf import settings
    from django.test import Client

    from goldenthread.web.accounts.models import User
    from goldenthread.web.assessments.models import Assessment
    from goldenthread.web.plans.models import Child

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    added = top_up(args.open)
    print(f"database: {settings.DATABASES['default']['ENGINE']}")
    print(f"children: {Child.objects.count():,}; assessments: {Assessment.objects.count():,}")
    print(f"open assessments added for the bench: {added:,}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for username, url in PAGES:
        client = Client()
        client.force_login(User.objects.get(username=username))
        client.get(url)  # warm up
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)  # nosec B101
        print(
            f"{username:12} {url:40} median {statistics.median(times) * 1000:6.1f} ms"
            f"  p95 {percentile(times, 0.95) * 1000:6.1f} ms"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

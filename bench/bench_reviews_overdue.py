"""Benchmark the late-review lists against a seeded database (20,000 children in PostgreSQL).

Set up once:
    createdb -h 127.0.0.1 -U postgres gt_reviews20k
    export GOLDENTHREAD_ENV=development
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_reviews20k
    .venv/bin/goldenthread seed --children 20000
    .venv/bin/goldenthread reviews refresh      # store every plan's deadlines
Run:
    .venv/bin/python bench/bench_reviews_overdue.py [--requests 20]

Fetches each list through Django's test client, signed in as the demo coordinator and the
demo quality lead (an area-level role), and prints the median and 95th percentile. It asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")

import django

PAGES = [
    ("coordinator", "/reviews/late/area/"),
    ("coordinator", "/reviews/late/area/?page=40"),
    ("coordinator", "/reviews/late/"),
    ("coordinator", "/reviews/"),
    ("coordinator", "/reviews/late/setting/"),
    ("quality-lead", "/reviews/late/area/"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    django.setup()
    from django.conf import settings
    from django.test import Client

    from goldenthread.web.accounts.models import User
    from goldenthread.web.reviews.models import PlanDeadline

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    print(f"database: {settings.DATABASES['default']['ENGINE']}")
    print(f"stored deadlines: {PlanDeadline.objects.count():,}")
    for username, url in PAGES:
        client = Client()
        client.force_login(User.objects.get(username=username))
        client.get(url)  # warm up
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{username:13} {url:32} median {statistics.median(times) * 1000:6.1f} ms"
            f"  p95 {percentile(times, 0.95) * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()

"""Benchmark the passport page and its PDF against a seeded database (20,000 children).

Set up as in ``bench_reviews_overdue.py`` (gt_reviews20k), then apply the passport migration:
    export GOLDENTHREAD_ENV=development
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_reviews20k
    .venv/bin/goldenthread migrate passport   (or django-admin migrate passport)
Run:
    .venv/bin/python bench/bench_passport.py [--requests 20] [--pdfs 5]

Signed in as the demo coordinator, opens the passport of the child on their caseload with the
most outcomes, and prints the median and 95th percentile. Each look is written to the audit
trail, as in real use. It asserts nothing beyond a 200 answer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")

import django


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _time(client: object, url: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--pdfs", type=int, default=5)
    args = parser.parse_args()
    django.setup()
    from django.conf import settings
    from django.db.models import Count, Q
    from django.test import Client

    from goldenthread.web.accounts.models import User
    from goldenthread.web.plans.models import Child
    from goldenthread.web.plans.selectors import children_visible_to

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    coordinator = User.objects.get(username="coordinator")
    print(
        f"database: {settings.DATABASES['default']['ENGINE']}, children {Child.objects.count():,}"
    )
    child = (
        children_visible_to(coordinator)
        .annotate(n=Count("plans__outcomes", filter=Q(plans__outcomes__archived_at__isnull=True)))
        .order_by("-n", "pk")
        .first()
    )
    assert child is not None
    print(f"child {child.pk} with {child.n} outcomes")
    client = Client()
    client.force_login(coordinator)
    for url, count in (
        (f"/children/{child.pk}/passport/", args.requests),
        (f"/children/{child.pk}/passport.pdf", args.pdfs),
    ):
        client.get(url)  # warm up
        times = _time(client, url, count)
        print(
            f"{url:34} n={count:3} median {statistics.median(times) * 1000:7.1f} ms"
            f"  p95 {percentile(times, 0.95) * 1000:7.1f} ms"
        )


if __name__ == "__main__":
    main()

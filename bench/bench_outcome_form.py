"""Time the outcome edit form (with "outcomes others wrote for a similar need") on a seeded area.

    .venv/bin/python bench/bench_seed.py --children 20000      # prints nothing about the file
    .venv/bin/python bench/bench_outcome_form.py --database /tmp/gt-bench-seed-XXXX/bench.sqlite3

Uses Django's test client against the given database (read-mostly: one outcome is saved once to
time the cache's incremental refresh). Prints the first request (builds the per-process cache
of the area's outcome embeddings), the median of ``--repeat`` warm requests, and one request
after another child's outcome was saved. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("GOLDENTHREAD_ENV", "development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{args.database}"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.test import Client

    from goldenthread.web.plans.models import Outcome
    from goldenthread.web.plans.services.links import part_save

    outcome = (
        Outcome.objects.filter(
            plan__kind="ehc_plan", plan__next_version__isnull=True, needs__isnull=False
        )
        .select_related("plan__child")
        .first()
    )
    assert outcome is not None
    person = outcome.plan.child.relationships.first().person  # type: ignore[union-attr]
    client = Client()
    client.force_login(person)
    url = f"/plans/{outcome.plan_id}/outcomes/{outcome.pk}/edit/"

    def timed() -> float:
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        assert b"Outcomes others wrote" in response.content
        return seconds

    first = timed()
    warm = [timed() for _ in range(args.repeat)]
    other = (
        Outcome.objects.exclude(plan__child=outcome.plan.child).filter(quality_smart=True).first()
    )
    assert other is not None
    part_save(other, user=None, fields={"text": other.text})
    after_save = timed()
    print(f"outcomes in the database: {Outcome.objects.count():,}")
    print(f"first request (builds the area cache): {first * 1000:.0f} ms")
    print(f"median of {args.repeat} warm requests: {statistics.median(warm) * 1000:.0f} ms")
    print(f"first request after another outcome was saved: {after_save * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

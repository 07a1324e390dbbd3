"""Time the live outcome check (POST /plans/<id>/check-outcome/) through Django's test client.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_reviews20k \\
        .venv/bin/python bench/bench_feedback.py --user coordinator

Signs in as ``--user``, picks a plan of a child on their caseload, and posts a realistic outcome
``--requests`` times, the way feedback.js does while someone types (a few words more each time).
The full round trip is timed: middleware (sign-in, access check), quality engine, linker, JSON.
Prints the first request, then the median and 95th percentile of the rest. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

OUTCOME = (
    "By the end of Year 5, I will ask an adult for help when I am stuck in maths and English "
    "lessons, in four out of five lessons, without a prompt from my teaching assistant."
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default="coordinator", help="username to sign in as")
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("GOLDENTHREAD_ENV", "development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from goldenthread.web.accounts.models import User
    from goldenthread.web.plans.models import Plan
    from goldenthread.web.plans.selectors import children_visible_to

    person = User.objects.get(username=args.user)
    plan = (
        Plan.objects.filter(child__in=children_visible_to(person), next_version__isnull=True)
        .order_by("pk")
        .first()
    )
    assert plan is not None, f"{args.user} has no child with a plan"
    client = Client()
    client.force_login(person)
    url = f"/plans/{plan.pk}/check-outcome/"
    words = OUTCOME.split()

    def timed(i: int) -> float:
        # Like someone typing: the text grows, so nothing can be served from a cache of answers.
        text = " ".join(words[: max(6, len(words) - (i % 12))])
        started = time.perf_counter()
        response = client.post(url, {"text": text})
        seconds = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        assert response.json()["criteria"]
        return seconds

    first = timed(0)
    times = sorted(timed(i) for i in range(1, args.requests + 1))
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(f"database: {connection.vendor} {connection.settings_dict.get('NAME')}")
    print(f"children in the database: {Plan.objects.values('child').distinct().count():,}")
    print(f"first request (loads the models): {first * 1000:.0f} ms")
    print(f"median of {len(times)} requests: {statistics.median(times) * 1000:.1f} ms")
    print(f"95th percentile: {p95 * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

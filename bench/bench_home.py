"""Benchmark the "what needs you" home for a coordinator with 200 plans, at 20,000 children.

Set up once (PostgreSQL):
    createdb -h 127.0.0.1 -U postgres gt_home20k
    export GOLDENTHREAD_ENV=development
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_home20k
    .venv/bin/goldenthread seed --children 20000
Run:
    .venv/bin/python bench/bench_home.py [--requests 30] [--plans 200]

Gives the demo coordinator exactly ``--plans`` current plans (each child on their caseload,
some with contributions waiting, some reviews late), then fetches "/" through Django's test
client and prints the median and 95th percentile, with the machine's load. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
# A benchmark signs in with force_login: no authenticator app (a local database only).
os.environ.setdefault("SIGN_IN_CODE_REQUIRED", "0")

import django


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def coordinator_with_plans(count: int):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from goldenthread.web.accounts.models import Role, User
    from goldenthread.web.plans.models import ChildRelationship, ContributionStatus, Plan, Provision

    coordinator = User.objects.filter(role=Role.COORDINATOR, username="coordinator").first()
    coordinator = coordinator or User.objects.filter(role=Role.COORDINATOR).first()
    current = Plan.objects.filter(archived_at__isnull=True, next_version__isnull=True)
    Plan.objects.filter(coordinator=coordinator).exclude(
        pk__in=current.order_by("pk").values("pk")[:count]
    ).update(coordinator=None)
    chosen = list(current.order_by("pk").values_list("pk", "child_id")[:count])
    Plan.objects.filter(pk__in=[pk for pk, _ in chosen]).update(coordinator=coordinator)
    today = timezone.localdate()
    ChildRelationship.objects.bulk_create(
        [
            ChildRelationship(
                child_id=child, person=coordinator, kind="caseworker", started_on=today
            )
            for _, child in chosen
            if not ChildRelationship.objects.filter(child_id=child, person=coordinator).exists()
        ]
    )
    waiting = Provision.objects.filter(plan_id__in=[pk for pk, _ in chosen[::10]])
    waiting.update(contribution_status=ContributionStatus.PROPOSED)
    return coordinator, len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--plans", type=int, default=200)
    args = parser.parse_args()
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from goldenthread.web.plans.models import Child
    from goldenthread.web.reviews.services.schedule import plan_schedule_refresh

    settings.ALLOWED_HOSTS = ["testserver"]
    coordinator, plans = coordinator_with_plans(args.plans)
    from django.utils import timezone

    for plan in coordinator.coordinated_plans.all():
        plan_schedule_refresh(plan=plan, today=timezone.localdate())
    client = Client()
    client.force_login(coordinator)
    first = client.get("/")
    assert first.status_code == 200, first.status_code
    timings = []
    for _ in range(args.requests):
        began = time.perf_counter()
        client.get("/")
        timings.append((time.perf_counter() - began) * 1000)
    load = os.getloadavg()
    print(
        f"home (/) for a coordinator with {plans} plans, {Child.objects.count():,} children, "
        f"{connection.vendor}: median {statistics.median(timings):.0f} ms, "
        f"p95 {percentile(timings, 0.95):.0f} ms over {args.requests} requests "
        f"(load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
    )


if __name__ == "__main__":
    main()

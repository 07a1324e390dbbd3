"""A plain area for bench/bench_returns.py: N children, each with an issued EHC plan, an annual
review, return details and request facts, written in bulk (minutes faster than the full demo
seed, which writes every outcome and its words). Made-up data, marked synthetic.

    .venv/bin/python bench/returns_area.py --children 20000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")

import django

NEEDS = ("ASD", "SLCN", "SEMH", "MLD", "SPLD", "SLD", "PD", "HI")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=20000)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 12, 5))
    args = parser.parse_args()
    django.setup()
    from django.db import transaction

    from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role, User
    from goldenthread.web.plans.models import Child, Plan
    from goldenthread.web.returns.demo import demo_return_details_fill
    from goldenthread.web.returns.models import ReturnsLead
    from goldenthread.web.reviews.models import Review

    rng = random.Random(20)
    started = time.perf_counter()
    with transaction.atomic():
        la = Organisation.objects.create(
            name="Bench Borough Council", kind=OrganisationKind.LOCAL_AUTHORITY, is_synthetic=True
        )
        schools = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench School {n}",
                kind=OrganisationKind.SETTING,
                parent=la,
                urn=str(100000 + n),
                is_synthetic=True,
            )
            for n in range(60)
        )
        lead = User.objects.create_user(
            username=f"returns-bench-{la.pk}", role=Role.ADMINISTRATOR, is_synthetic=True
        )
        ReturnsLead.objects.create(person=lead, local_authority=la)
        children = Child.objects.bulk_create(
            (
                Child(
                    first_name=f"Child{n}",
                    last_name=f"Bench{n}",
                    date_of_birth=args.today - dt.timedelta(days=rng.randint(3 * 365, 20 * 365)),
                    current_setting=rng.choice(schools),
                    local_authority=la,
                    primary_need=rng.choice(NEEDS),
                    is_synthetic=True,
                )
                for n in range(args.children)
            ),
            batch_size=2000,
        )
        plans = Plan.objects.bulk_create(
            (
                Plan(
                    child=child,
                    kind="ehc_plan",
                    status="final",
                    issued_on=(issued := args.today - dt.timedelta(days=rng.randint(30, 2500))),
                    start_date=issued,
                )
                for child in children
            ),
            batch_size=2000,
        )
        Review.objects.bulk_create(
            (
                Review(
                    plan=plan,
                    kind="annual",
                    meeting_on=(met := args.today - dt.timedelta(days=rng.randint(10, 400))),
                    decision=rng.choice(("keep", "keep", "amend", "cease")),
                    decision_made_on=met + dt.timedelta(days=rng.randint(3, 40)),
                )
                for plan in plans
                if plan.issued_on and plan.issued_on < args.today - dt.timedelta(days=365)
            ),
            batch_size=2000,
        )
        Child.objects.filter(pk__in=[c.pk for c in children]).update(is_synthetic=True)
        demo_return_details_fill(la)
    print(f"made {args.children:,} children in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

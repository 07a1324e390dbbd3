"""Build the whole demo area in one transaction, a few hundred children at a time.

``area_seed`` is deterministic: the same ``seed`` and ``today`` give the same children, plans
and words (database ids aside), because everything is drawn from one ``random.Random(seed)``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.demo.access import demo_team_add
from goldenthread.web.plans.demo.area import DEMO_SIGN_INS, demo_area_build
from goldenthread.web.plans.demo.batch import Batch
from goldenthread.web.plans.demo.children import ChildMaker
from goldenthread.web.plans.demo.contributions import demo_contributions_add
from goldenthread.web.plans.demo.linking import DemoLinker
from goldenthread.web.plans.demo.reviews import demo_reviews_add
from goldenthread.web.plans.models import Child, Outcome, Plan, Provision
from goldenthread.web.plans.selectors import children_visible_to
from goldenthread.web.reviews.services.schedule import plan_schedules_refresh_all

CHILDREN_PER_BATCH = 500
SAVE_ORDER = (
    "User",
    "Child",
    "AllAboutMe",
    "ChildRelationship",
    "Plan",
    "PlanAmended",
    "Aspiration",
    "Need",
    "Outcome",
    "Step",
    "Provision",
)
AREA_NOT_EMPTY = "The database already holds children or demo sign-ins; seed a fresh database."


class AreaNotEmptyError(Exception):
    pass


@dataclass
class SignIn:
    username: str
    role: str
    sees: str
    children_visible: int


@dataclass
class SeedSummary:
    children: int = 0
    plans: int = 0
    outcomes: int = 0
    provision: int = 0
    reviews: int = 0
    ratings: int = 0
    organisations: int = 0
    people: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    sign_ins: list[SignIn] = field(default_factory=list)


def area_is_empty() -> bool:
    return (
        not Child.objects.exists() and not User.objects.filter(username__in=DEMO_SIGN_INS).exists()
    )


def area_seed(
    *, children: int, seed: int, today: dt.date, progress: Callable[[int, int], None] | None = None
) -> SeedSummary:
    """Create a synthetic local area with ``children`` children, all in one transaction."""
    if not area_is_empty():
        raise AreaNotEmptyError(AREA_NOT_EMPTY)
    rng = random.Random(seed)  # noqa: S311 - made-up data, not security  # nosec B311
    summary = SeedSummary()
    with transaction.atomic():
        area = demo_area_build(rng, children=children)
        # The first coordinators work as one team, so each sees the others' children.
        demo_team_add(local_authority=area.local_authority)
        maker = ChildMaker(rng, area, today=today, total=children)
        batch = Batch()
        # Its own random stream, so linking leaves the children, plans and words unchanged.
        linker = DemoLinker(random.Random(seed + 1), today=today)  # noqa: S311  # nosec B311
        for index in range(children):
            maker.child_build(batch, index)
            done = index + 1
            if done % CHILDREN_PER_BATCH == 0 or done == children:
                linker.batch_fill(batch)
                summary.rows.update(batch.save(SAVE_ORDER))
                if progress:
                    progress(done, children)
        batch.finish()
        summary.organisations, summary.people = area.organisations, area.people
        # Three years of reviews with GAS ratings, so leaders' figures and trends have data.
        rated = demo_reviews_add(seed=seed, today=today)
        summary.reviews, summary.ratings = rated.reviews, rated.ratings
    # Deadlines are stored for fast lists; bulk writes send no signals, so work them out once.
    plan_schedules_refresh_all(today=today)
    # A few proposals from the demo therapist, for the coordinator to accept or return.
    demo_contributions_add()
    # The demo young person's capacity decision, and a parent's view before a review (issue 18).
    from goldenthread.web.family.demo import demo_family_add  # the family app builds on plans

    demo_family_add(today=today)
    # The settings' own plans: a sheet for each SEN support plan, short-term outcomes on half.
    from goldenthread.web.setting_plans.demo import demo_setting_plans_add

    demo_setting_plans_add(seed=seed, today=today)
    summary.children = Child.objects.count()
    summary.plans = Plan.objects.count()
    summary.outcomes = Outcome.objects.count()
    summary.provision = Provision.objects.count()
    summary.sign_ins = demo_sign_ins(today=today)
    return summary


def demo_sign_ins(*, today: dt.date) -> list[SignIn]:
    """The demo sign-ins in this database, with how many children each can see today."""
    users = User.objects.filter(username__in=DEMO_SIGN_INS).in_bulk(field_name="username")
    return [
        SignIn(username, str(role), sees, children_visible_to(users[username], on=today).count())
        for username, (role, _, sees) in DEMO_SIGN_INS.items()
        if username in users
    ]


def sign_ins_text(sign_ins: list[SignIn], *, password_note: str) -> str:
    lines = [
        "Demo sign-ins (synthetic accounts; " + password_note + "):",
        f"  {'username':<15} {'role':<18} {'children':>8}  what they see",
    ]
    lines += [
        f"  {s.username:<15} {s.role:<18} {s.children_visible:>8}  {s.sees}" for s in sign_ins
    ]
    lines.append(
        "Every role but parents and young people sets up a sign-in code at first sign-in: "
        "the page shows a QR code and a key for any authenticator app (ADR 0016)."
    )
    return "\n".join(lines)


def summary_text(summary: SeedSummary, *, password_note: str) -> str:
    lines = [
        f"Demo area built: {summary.children:,} children, {summary.plans:,} plans, "
        f"{summary.outcomes:,} outcomes, {summary.provision:,} provision, "
        f"{summary.reviews:,} reviews with {summary.ratings:,} GAS ratings, "
        f"{summary.organisations:,} organisations, "
        f"{summary.people + summary.rows['User']:,} people.",
        "",
        sign_ins_text(summary.sign_ins, password_note=password_note),
    ]
    return "\n".join(lines)

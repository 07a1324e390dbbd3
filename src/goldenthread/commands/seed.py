"""``goldenthread seed``: build a synthetic demo local area in the database.

Every child, person and organisation it makes is made up (``is_synthetic``). The same
``--seed`` and ``--today`` always give the same area. Demo sign-ins (coordinator, senco,
teacher, therapist, social-worker, parent, young-person, quality-lead, leader, admin) share one
password: the DEMO_PASSWORD environment variable, or ``demo-password-2026`` when it is not set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

EXIT_OK = 0
EXIT_NOT_EMPTY = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_ALLOWED = 3
SEED_ENVIRONMENTS = frozenset({"development", "test"})
MSG_NOT_IN_PRODUCTION = (
    "seed makes demo sign-ins with a published password, so it runs only when GOLDENTHREAD_ENV "
    "is development or test (it is '{environment}'). Nothing was added."
)
MSG_BAD_TODAY = "--today: '{value}' is not a date. Write it as YYYY-MM-DD"
MSG_BAD_CHILDREN = "--children: give a number of children of at least 3"
MSG_SKIPPED = "The database already has children: seeding skipped (--if-empty)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--children", type=int, default=200, help="how many children to make (default 200)"
    )
    parser.add_argument(
        "--seed", type=int, default=2026, help="random seed: the same seed gives the same area"
    )
    parser.add_argument(
        "--if-empty", action="store_true", help="do nothing if the database already has children"
    )
    parser.add_argument(
        "--today", help="the date the area is built as of, YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines")


def environment_name() -> str:
    """The environment this process runs in, read as the settings read it."""
    return os.environ.get("GOLDENTHREAD_ENV", "production")


def run(args: argparse.Namespace) -> int:
    if environment_name() not in SEED_ENVIRONMENTS:
        print(MSG_NOT_IN_PRODUCTION.format(environment=environment_name()), file=sys.stderr)
        return EXIT_NOT_ALLOWED
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        print(MSG_BAD_TODAY.format(value=args.today), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.children < 3:
        print(MSG_BAD_CHILDREN, file=sys.stderr)
        return EXIT_BAD_INPUT
    import django

    django.setup()
    from django.core.management import call_command

    from goldenthread.web.insights.refresh import last_refresh
    from goldenthread.web.plans.demo.area import DEFAULT_DEMO_PASSWORD
    from goldenthread.web.plans.demo.builder import (
        AreaNotEmptyError,
        area_seed,
        demo_sign_ins,
        sign_ins_text,
        summary_text,
    )
    from goldenthread.web.plans.models import Child

    note = (
        "password from DEMO_PASSWORD"
        if "DEMO_PASSWORD" in os.environ
        else f"password {DEFAULT_DEMO_PASSWORD}"
    )
    call_command("migrate", verbosity=0, interactive=False)
    if args.if_empty and Child.objects.exists():
        print(MSG_SKIPPED)
        if last_refresh() is None:  # seeded before area insights kept facts
            _insights_refresh(today)
        sign_ins = demo_sign_ins(today=today)
        if sign_ins:
            print(sign_ins_text(sign_ins, password_note=note))
        return EXIT_OK

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"seed: {done:,} of {total:,} children", file=sys.stderr, flush=True)

    try:
        summary = area_seed(children=args.children, seed=args.seed, today=today, progress=progress)
    except AreaNotEmptyError as error:
        print(error, file=sys.stderr)
        return EXIT_NOT_EMPTY
    print(summary_text(summary, password_note=note))
    from goldenthread.web.plans.demo.states import plan_states_seed

    plan_states_seed()  # plans in every state: draft, issued, under amendment, ceased
    from goldenthread.web.assessments.demo import demo_assessments_add

    demo_assessments_add(seed=args.seed, today=today)  # EHC needs assessments in every state
    from goldenthread.web.returns.demo import demo_returns_prepare

    demo_returns_prepare()  # what SEN2 and Annex A need beyond the plans (made up)
    from goldenthread.web.ops.statistics import statistics_refresh

    statistics_refresh()  # a fresh bulk load has no planner statistics (ADR 0047)
    _insights_refresh(today)
    statistics_refresh()  # and the facts the refresh has just written
    return EXIT_OK


def _insights_refresh(today: dt.date) -> None:
    """Area insights read nightly facts: work them out now so the demo's dashboards have figures."""
    from goldenthread.web.insights.refresh import facts_refresh
    from goldenthread.web.insights.views import dashboards_warm

    facts_refresh()
    dashboards_warm(today=today)

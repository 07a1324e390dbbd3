"""How fast are the area insights dashboards? Prints figures; asserts nothing.

Two measurements (docs/adr/0010-insights-at-scale.md):

1. ``pages`` — every dashboard page rendered through Django's test client, signed in as the
   area's strategic leader, on a seeded database (``goldenthread seed --children 20000``):

       DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_insights20k \\
           .venv/bin/python bench/bench_insights.py pages --runs 5

2. ``national`` — a simulated national-scale schema: the app's real tables (migrated), filled
   by ``INSERT … SELECT generate_series`` in a scratch database (700,000 children in ONE local
   authority, so the area aggregates run over the whole nation through the same code), then
   then the nightly ``insights refresh`` builds the facts tables from them (timed), then
   every dashboard's aggregates (selectors + disclosure control, no HTML) are timed:

       DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_insights_national \\
           .venv/bin/python bench/bench_insights.py national --children 700000

   ``--reuse`` times an already simulated database again (adding the review step if it was
   simulated without it); ``--no-refresh`` skips the refresh.

   The simulated rows are regular, not realistic (needs, themes and statuses cycle by id),
   so the plan shapes are fair for timing but say nothing about real distributions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("GOLDENTHREAD_ENV", "development")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

NEEDS = ["ASD", "SLCN", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "HI", "VI", "MSI", "PD", "OTH"]
AREAS = [
    "communication_and_interaction",
    "cognition_and_learning",
    "social_emotional_mental_health",
    "sensory_and_physical",
    "",
]
# Every simulated part is accepted by the plan's coordinator (docs/adr/0011-contributions.md).
CONTRIBUTION_COLUMNS = "contribution_status, decision_comment, proposed_service"
CONTRIBUTION_VALUES = "'accepted', '', ''"
STATUSES = ["in-progress", "achieved", "improving", "not-achieved", "no-change"]


def _sql_array(values: list[str]) -> str:
    return "array[" + ", ".join(f"'{v}'" for v in values) + "]"


def simulate(children: int) -> int:
    """Fill the (empty, migrated) scratch database; return the simulated authority's id."""
    from django.db import connection

    settings_count, coordinators = max(children // 60, 1), max(children // 120, 1)
    steps = [
        (
            "authority",
            "INSERT INTO accounts_organisation (name, kind, urn, is_synthetic)"
            " VALUES ('Simulated England', 'local_authority', '', true) RETURNING id",
        ),
    ]
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(steps[0][1])
        la = cursor.fetchone()[0]
        sql = {
            "settings": f"""INSERT INTO accounts_organisation (name, kind, urn, is_synthetic,
                parent_id) SELECT 'Setting ' || g, 'setting', '', true, {la}
                FROM generate_series(1, {settings_count}) g""",
            "coordinators": f"""INSERT INTO accounts_user (password, is_superuser, username,
                first_name, last_name, email, is_staff, is_active, date_joined, role, job_title,
                phone, is_synthetic, organisation_id) SELECT '!', false, 'sim-coordinator-' || g,
                'Coordinator', g::text, '', false, true, now(), 'coordinator', '', '', true, {la}
                FROM generate_series(1, {coordinators}) g""",
            "children": f"""INSERT INTO plans_child (created_at, updated_at, row_version,
                first_name, last_name, preferred_name, date_of_birth, upn, nhs_number,
                primary_need, secondary_need, communication, is_synthetic, current_setting_id,
                local_authority_id)
                SELECT now(), now(), 1, 'Simulated', 'Child ' || g, '',
                    date '2001-09-01' + ((g::bigint * 7919) % 8700)::int, '', '',
                    ({_sql_array(NEEDS)})[(1 + (g::bigint * 31) % {len(NEEDS)})::int], '', '', true,
                    (SELECT min(id) FROM accounts_organisation WHERE kind = 'setting'
                     AND parent_id = {la}) + g % {settings_count}, {la}
                FROM generate_series(1, {children}) g""",
            "plans": f"""INSERT INTO plans_plan (created_at, updated_at, row_version, kind,
                status, version, start_date, issued_on, next_review_due, child_id,
                coordinator_id)
                SELECT now(), now(), 1, 'ehc_plan', 'final', 1,
                    date '2016-01-01' + ((c.id * 104729) % 3600)::int,
                    date '2016-01-01' + ((c.id * 104729) % 3600)::int,
                    current_date + ((c.id * 37) % 400 - 120)::int, c.id,
                    (SELECT min(id) FROM accounts_user WHERE username LIKE 'sim-coordinator-%%')
                        + c.id % {coordinators}
                FROM plans_child c WHERE c.local_authority_id = {la}""",
            "outcomes": f"""INSERT INTO plans_outcome (created_at, updated_at, row_version,
                position, text, domain, area, term, lifecycle_status, achievement_status,
                in_own_words, plan_id, link_suggestions, quality_smart, {CONTRIBUTION_COLUMNS})
                SELECT now(), now(), 1, k, 'Simulated outcome',
                    (array['education', 'health', 'social_care'])[(1 + (p.id + k) % 3)::int],
                    ({_sql_array(AREAS)})[(1 + (p.id * k) % 5)::int], 'long', 'active',
                    ({_sql_array(STATUSES)})[(1 + (p.id + 7 * k) % 5)::int], false, p.id, '{{}}',
                    CASE (p.id + k) % 3 WHEN 0 THEN true WHEN 1 THEN false END,
                    {CONTRIBUTION_VALUES}
                FROM plans_plan p CROSS JOIN LATERAL generate_series(1, 7 + p.id % 2) k""",
            "themes": """INSERT INTO plans_outcome_themes (outcome_id, themetag_id)
                SELECT id, 1 + id % 4 FROM plans_outcome
                UNION ALL SELECT id, 1 + (id + 1) % 4 FROM plans_outcome WHERE id % 3 = 0""",
            "needs": f"""INSERT INTO plans_need (created_at, updated_at, row_version, position,
                text, area, domain, barrier, plan_id, link_suggestions, {CONTRIBUTION_COLUMNS})
                SELECT now(), now(), 1, k, 'Simulated need',
                    (array['communication_and_interaction', 'cognition_and_learning',
                           'social_emotional_mental_health', 'sensory_and_physical'])
                        [(1 + (p.id + k) % 4)::int],
                    (array['education', 'health', 'social_care'])[(1 + (p.id * k) % 3)::int], '',
                    p.id, '{{}}', {CONTRIBUTION_VALUES}
                FROM plans_plan p CROSS JOIN generate_series(1, 2) k""",
            "outcome-needs": """INSERT INTO plans_outcome_needs (outcome_id, need_id)
                SELECT o.id, n.id FROM plans_outcome o JOIN plans_need n
                    ON n.plan_id = o.plan_id AND n.position = o.position
                WHERE o.position <= 2 AND o.plan_id % 5 <> 0""",
            "provision": f"""INSERT INTO plans_provision (created_at, updated_at, row_version,
                position, description, delivered_by, frequency, duration, group_size, location,
                domain, plan_id, link_suggestions, {CONTRIBUTION_COLUMNS})
                SELECT now(), now(), 1, 1, 'Simulated provision', '', '', '', '', '',
                    (array['education', 'health', 'social_care'])[(1 + p.id % 3)::int], p.id,
                    '{{}}', {CONTRIBUTION_VALUES}
                FROM plans_plan p""",
            "provision-outcomes": """INSERT INTO plans_provision_outcomes (provision_id,
                outcome_id) SELECT v.id, o.id FROM plans_provision v JOIN plans_outcome o
                    ON o.plan_id = v.plan_id AND o.position <= 3""",
            "provision-needs": """INSERT INTO plans_provision_needs (provision_id, need_id)
                SELECT v.id, n.id FROM plans_provision v JOIN plans_need n
                    ON n.plan_id = v.plan_id AND n.position = 1 WHERE v.plan_id % 4 <> 0""",
        }
        for name, statement in sql.items():
            step = time.perf_counter()
            cursor.execute(statement)
            print(
                f"  simulated {name}: {cursor.rowcount:,} rows"
                f" in {time.perf_counter() - step:.1f} s"
            )
    simulate_reviews()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # statistics, and the visibility map for index-only scans
    print(f"  built and analysed in {time.perf_counter() - started:.0f} s")
    return int(la)


PROVIDERS = ["Teaching assistant", "Speech and language therapist", "Short breaks service", ""]


def simulate_reviews() -> None:
    """Who delivers each piece of provision, and one review per plan rating every outcome
    (GAS level -2 to +2, weight 1 or 2), so attainment figures have GAS to average.
    Skipped when the simulation already has reviews (a database simulated before this step)."""
    from django.db import connection

    sql = {
        "providers": f"""UPDATE plans_provision SET delivered_by =
                ({_sql_array(PROVIDERS)})[(1 + id % {len(PROVIDERS)})::int]""",
        "reviews": """INSERT INTO reviews_review (created_at, updated_at, row_version, kind,
                meeting_on, invited, child_views, parent_views, decision, plan_id)
                SELECT now(), now(), 1, 'annual', current_date - (p.id % 300)::int, '', '', '',
                    'keep', p.id FROM plans_plan p""",
        "outcome GAS levels": """INSERT INTO reviews_outcomeprogress (gas_level, weight,
                achievement_status, evidence, decision, outcome_id, review_id)
                SELECT ((o.id * 7) % 5 - 2)::smallint, 1 + o.id % 2, 'improving', '',
                    'continue', o.id, r.id
                FROM plans_outcome o JOIN reviews_review r ON r.plan_id = o.plan_id""",
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM reviews_review)")
        if cursor.fetchone()[0]:
            return
        for name, statement in sql.items():
            step = time.perf_counter()
            cursor.execute(statement)
            print(
                f"  simulated {name}: {cursor.rowcount:,} rows"
                f" in {time.perf_counter() - step:.1f} s"
            )


def time_aggregates(area_id: int, runs: int, **filters: Any) -> dict[str, list[float]]:
    """Every dashboard's queries and protection for one filter (``filters``: InsightFilter's
    fields; none: the whole area)."""
    from django.utils import timezone

    from goldenthread.web.insights.dashboards import DASHBOARDS
    from goldenthread.web.insights.filters import InsightFilter
    from goldenthread.web.insights.views import aggregate_session, disclosure_policy

    chosen = InsightFilter(area_id=area_id, today=timezone.localdate(), **filters)
    times: dict[str, list[float]] = {}
    for slug, board in DASHBOARDS.items():
        for _ in range(runs):
            started = time.perf_counter()
            with aggregate_session():  # the queries and protection, never the figure cache
                board.build(chosen, disclosure_policy())
            times.setdefault(slug, []).append(time.perf_counter() - started)
    return times


# Filters a leader might choose: one on the child (served by the per-plan steps the refresh
# keeps) and one on the outcomes themselves (counted from the outcome facts).
FILTERED: dict[str, dict[str, Any]] = {
    "primary need (ASD)": {"primary_need": "ASD"},
    "theme 2": {"theme": 2},
}


def time_pages(runs: int, *, cold: bool) -> dict[str, list[float]]:
    """Page times. ``cold``: the figure cache is emptied before each run, so every run counts
    and protects from the facts (the first view of a filter after a refresh); otherwise the
    figures kept since the refresh are read (every later view of that filter)."""
    from django.test import Client

    from goldenthread.web.accounts.models import Role, User
    from goldenthread.web.insights.dashboards import DASHBOARDS
    from goldenthread.web.insights.models import FigureCache

    client = Client()
    client.force_login(User.objects.filter(role=Role.STRATEGIC_LEADER).earliest("pk"))
    times: dict[str, list[float]] = {}
    for slug in DASHBOARDS:
        client.get(f"/insights/{slug}/")  # warm the connection and templates, not timed
        for _ in range(runs):
            if cold:
                FigureCache.objects.all().delete()
            started = time.perf_counter()
            response = client.get(f"/insights/{slug}/")
            times.setdefault(slug, []).append(time.perf_counter() - started)
            assert response.status_code == 200
    return times


def report(times: dict[str, list[float]], what: str) -> None:
    medians = {slug: statistics.median(values) for slug, values in times.items()}
    for slug, median in medians.items():
        print(
            f"  {slug:<12} median {median:6.2f} s"
            f"  (runs: {', '.join(f'{t:.2f}' for t in times[slug])})"
        )
    print(
        f"  {what}: median over dashboards {statistics.median(medians.values()):.2f} s, "
        f"slowest {max(medians.values()):.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["pages", "national"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--children", type=int, default=700_000)
    parser.add_argument(
        "--reuse", action="store_true", help="time an already simulated scratch database again"
    )
    parser.add_argument(
        "--no-refresh", action="store_true", help="time the facts as they are (no refresh first)"
    )
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    print(f"database: {connection.settings_dict['NAME']} ({connection.vendor})")
    if args.mode == "pages":
        from goldenthread.web.plans.models import Child, Outcome

        print(f"  {Child.objects.count():,} children, {Outcome.objects.count():,} outcomes")
        print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
        print("  first view after a refresh (figures counted from the facts):")
        report(time_pages(args.runs, cold=True), "pages, counted")
        print("  later views (figures kept since the refresh):")
        report(time_pages(args.runs, cold=False), "pages, kept")
        print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
        return 0
    call_command("migrate", verbosity=0)
    from goldenthread.web.accounts.models import Organisation
    from goldenthread.web.plans.models import Child

    if args.reuse:
        area_id = Organisation.objects.get(name="Simulated England").pk
        print(f"  reusing {Child.objects.count():,} simulated children")
        simulate_reviews()
    elif Child.objects.exists():
        print("the scratch database already has children: use an empty one", file=sys.stderr)
        return 1
    else:
        area_id = simulate(args.children)
    if not args.no_refresh:
        from goldenthread.web.insights.refresh import facts_refresh

        # The nightly job, exactly as ``goldenthread insights refresh`` runs it.
        result = facts_refresh(progress=lambda line: print(f"  refresh: {line}", flush=True))
        print(f"  facts refreshed in {result.seconds:.0f} s")
    print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
    report(time_aggregates(area_id, args.runs), "national aggregates")
    print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
    for name, filters in FILTERED.items():
        print(f"  filtered by {name}:")
        report(time_aggregates(area_id, args.runs, **filters), f"national aggregates, {name}")
        print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
    time_kept(area_id)
    return 0


def time_kept(area_id: int) -> None:
    """The nightly warm-up of the unfiltered dashboards, then reading them back as kept."""
    from django.utils import timezone

    from goldenthread.web.insights.dashboards import DASHBOARDS
    from goldenthread.web.insights.filters import InsightFilter
    from goldenthread.web.insights.models import FigureCache
    from goldenthread.web.insights.views import build, dashboards_warm, disclosure_policy

    FigureCache.objects.all().delete()
    started = time.perf_counter()
    warmed = dashboards_warm()
    print(
        f"  warm-up (part of the refresh): {warmed} dashboards in"
        f" {time.perf_counter() - started:.0f} s"
    )
    chosen = InsightFilter(area_id=area_id, today=timezone.localdate())
    for slug, board in DASHBOARDS.items():
        if board.from_facts:
            started = time.perf_counter()
            build(board, chosen, disclosure_policy())
            print(f"  {slug:<12} kept: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    raise SystemExit(main())

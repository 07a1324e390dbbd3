"""How fast are the setting dashboard and the area dashboards with setting plans? Prints
figures with the machine's load; asserts nothing.

Builds, in an empty scratch PostgreSQL database, 20,000 children with EHC plans (the same
simulation as ``bench_insights.py national``) and 15,000 more children on SEN support, each
with a setting plan (tier and sections), 6 outcomes (90,000), help, two termly reviews rating
every outcome, and 2 short-term outcomes with progress. Then the nightly facts refresh, and:

- the setting dashboard page (``/setting/``: register and figures) of the busiest setting,
  signed in as its SENCO, who has every child there on their caseload;
- the tier figures page (``/area-insights/tiers/``) as the strategic leader;
- every area dashboard's aggregates (as ``bench_insights.py`` times them).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gt_h20 \\
        .venv/bin/python bench/bench_setting_plans.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("GOLDENTHREAD_ENV", "development")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
# A benchmark signs in with force_login: no authenticator app (a local database only).
os.environ.setdefault("SIGN_IN_CODE_REQUIRED", "0")

TIERS = "array['universal', 'targeted', 'targeted', 'targeted_plus']"
SECTIONS = (
    '{"family": "Likes drawing; writing is hard at home.", '
    '"classroom": "Word mat and sentence starters.", '
    '"assess": "Screening: sequencing ideas in writing."}'
)


DEFAULTS = {"character varying": "''", "text": "''", "boolean": "false", "jsonb": "'{}'"}


def scratch_defaults() -> None:
    """Columns added since ``bench_insights``'s simulation was written are NOT NULL without a
    database default (Django keeps defaults in Python): give the scratch database defaults for
    them, so the simulation's INSERTs stay as they are."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND is_nullable = 'NO' AND column_default IS NULL
            AND table_name IN ('plans_child', 'plans_plan', 'plans_outcome', 'plans_need',
                'plans_provision', 'reviews_review', 'reviews_outcomeprogress', 'accounts_user',
                'accounts_organisation', 'setting_plans_shorttermoutcome',
                'setting_plans_shorttermprogress', 'plans_childrelationship')"""
        )
        for table, column, kind in cursor.fetchall():
            if kind in DEFAULTS:
                cursor.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT {DEFAULTS[kind]}"
                )


def simulate_setting_plans(area_id: int, children: int) -> None:
    """15,000 children on SEN support with their setting plans, in plain SQL."""
    from django.db import connection

    sql = {
        "children": f"""INSERT INTO plans_child (created_at, updated_at, row_version,
            first_name, last_name, preferred_name, date_of_birth, upn, nhs_number,
            primary_need, secondary_need, communication, is_synthetic, current_setting_id,
            local_authority_id)
            SELECT now(), now(), 1, 'Support', 'Child ' || g, '',
                date '2010-09-01' + ((g::bigint * 7919) % 4000)::int, '', '', 'SLCN', '', '',
                true, (SELECT min(id) FROM accounts_organisation WHERE kind = 'setting'
                       AND parent_id = {area_id}) + g % 333, {area_id}
            FROM generate_series(1, {children}) g""",
        "plans": """INSERT INTO plans_plan (created_at, updated_at, row_version, kind, status,
            version, start_date, issued_on, next_review_due, child_id, fixed_at)
            SELECT now(), now(), 1, 'sen_support', 'final', 1, current_date - 200,
                current_date - 200, current_date + ((c.id * 37) % 120 - 30)::int, c.id, NULL
            FROM plans_child c WHERE c.last_name LIKE 'Child %%' AND c.first_name = 'Support'""",
        "sheets": f"""INSERT INTO setting_plans_settingplan (plan_id, setting_id, tier, layout,
            sections, written_by, created_at, updated_at, row_version)
            SELECT p.id, c.current_setting_id, ({TIERS})[(1 + p.id % 4)::int],
                'isp-interim-2026', '{SECTIONS}'::jsonb, '{{}}'::jsonb, now(), now(), 1
            FROM plans_plan p JOIN plans_child c ON c.id = p.child_id
            WHERE p.kind = 'sen_support'""",
        "outcomes": """INSERT INTO plans_outcome (created_at, updated_at, row_version,
            position, text, domain, area, term, lifecycle_status, achievement_status,
            in_own_words, plan_id, link_suggestions, quality_smart, contribution_status,
            decision_comment, proposed_service)
            SELECT now(), now(), 1, k, 'Simulated setting outcome', 'education',
                'communication_and_interaction', 'long', 'active', 'in-progress', false, p.id,
                '{}', (p.id + k) % 3 <> 0, 'accepted', '', ''
            FROM plans_plan p CROSS JOIN generate_series(1, 6) k
            WHERE p.kind = 'sen_support'""",
        "provision": """INSERT INTO plans_provision (created_at, updated_at, row_version,
            position, description, delivered_by, frequency, duration, group_size, location,
            domain, plan_id, link_suggestions, contribution_status, decision_comment,
            proposed_service)
            SELECT now(), now(), 1, 1, 'Writing group', 'Teaching assistant', 'daily', '', '',
                '', 'education', p.id, '{}', 'accepted', '', ''
            FROM plans_plan p WHERE p.kind = 'sen_support'""",
        "provision-outcomes": """INSERT INTO plans_provision_outcomes (provision_id, outcome_id)
            SELECT v.id, o.id FROM plans_provision v JOIN plans_plan p ON p.id = v.plan_id
            JOIN plans_outcome o ON o.plan_id = v.plan_id AND o.position <= 4
            WHERE p.kind = 'sen_support'""",
        "reviews": """INSERT INTO reviews_review (created_at, updated_at, row_version, kind,
            meeting_on, invited, child_views, parent_views, decision, plan_id)
            SELECT now(), now(), 1, 'setting', current_date - 10 - 90 * k, '', '', '', 'keep',
                p.id FROM plans_plan p CROSS JOIN generate_series(0, 1) k
            WHERE p.kind = 'sen_support'""",
        "ratings": """INSERT INTO reviews_outcomeprogress (gas_level, weight,
            achievement_status, evidence, decision, outcome_id, review_id)
            SELECT ((o.id + r.id) % 5 - 2)::smallint, 1, 'improving', '', 'continue', o.id, r.id
            FROM plans_outcome o JOIN reviews_review r ON r.plan_id = o.plan_id
            JOIN plans_plan p ON p.id = o.plan_id WHERE p.kind = 'sen_support'""",
        "deadlines": f"""INSERT INTO reviews_plandeadline (plan_id, local_authority_id,
            setting_id, kind, due, rule, notes, worked_out_on)
            SELECT p.id, {area_id}, c.current_setting_id, 'next_review', p.next_review_due,
                'setting_plan_review_due', '', current_date
            FROM plans_plan p JOIN plans_child c ON c.id = p.child_id
            WHERE p.kind = 'sen_support'""",
        "short-term outcomes": """INSERT INTO setting_plans_shorttermoutcome (outcome_id,
            plan_id, child_id, text, due_date, achievement_status, quality_smart, source,
            created_at)
            SELECT o.id, p.id, p.child_id, 'Simulated short-term outcome',
                current_date - 30 + k * 60, CASE WHEN o.id % 3 = 0 THEN 'achieved'
                ELSE 'in-progress' END, true, 'Set at a setting review', now()
            FROM plans_outcome o JOIN plans_plan p ON p.id = o.plan_id
            CROSS JOIN generate_series(0, 1) k
            WHERE o.position = 1 OR (o.position = 2 AND p.kind = 'ehc_plan')""",
        "short-term progress": """INSERT INTO setting_plans_shorttermprogress (short_term_id,
            recorded_on, gas_level, achievement_status, evidence)
            SELECT s.id, current_date - 10, (s.id % 5 - 2)::smallint, 'improving', ''
            FROM setting_plans_shorttermoutcome s""",
        # Issued last: from here the plans and their parts are fixed (ADR 0025).
        "issue": """UPDATE plans_plan SET fixed_at = now() WHERE kind = 'sen_support'""",
    }
    with connection.cursor() as cursor:
        for name, statement in sql.items():
            step = time.perf_counter()
            cursor.execute(statement)
            print(f"  {name}: {cursor.rowcount:,} rows in {time.perf_counter() - step:.1f} s")


def setting_staff(area_id: int) -> tuple[int, int]:
    """The busiest setting and a SENCO there with every child at it on their caseload."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting_id FROM plans_child WHERE local_authority_id = %s"
            " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
            [area_id],
        )
        setting_id = cursor.fetchone()[0]
        cursor.execute(
            """INSERT INTO accounts_user (password, is_superuser, username, first_name,
            last_name, email, is_staff, is_active, date_joined, role, job_title, phone,
            is_synthetic, organisation_id) VALUES ('!', false, 'bench-senco', 'Bench', 'Senco',
            '', false, true, now(), 'senco', '', '', true, %s) RETURNING id""",
            [setting_id],
        )
        senco = cursor.fetchone()[0]
        cursor.execute(
            """INSERT INTO plans_childrelationship (child_id, person_id, kind, started_on)
            SELECT id, %s, 'caseworker', current_date - 1 FROM plans_child
            WHERE current_setting_id = %s""",
            [senco, setting_id],
        )
        cursor.execute(
            """INSERT INTO accounts_user (password, is_superuser, username, first_name,
            last_name, email, is_staff, is_active, date_joined, role, job_title, phone,
            is_synthetic, organisation_id) VALUES ('!', false, 'bench-leader', 'Bench',
            'Leader', '', false, true, now(), 'strategic_leader', '', '', true, %s)""",
            [area_id],
        )
        cursor.execute("VACUUM ANALYZE")
    return setting_id, senco


def time_page(username: str, url: str, runs: int) -> list[float]:
    from django.test import Client

    from goldenthread.web.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    first = client.get(url)  # warm the connection and templates, not timed
    assert first.status_code == 200, (url, first.status_code)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return times


def line(name: str, times: list[float]) -> None:
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"  {name:<34} median {statistics.median(times):6.2f} s  (runs: {runs})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ehc-children", type=int, default=20_000)
    parser.add_argument("--setting-children", type=int, default=15_000)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time again on a database this script already built (to measure on a quiet machine)",
    )
    args = parser.parse_args()
    import django

    django.setup()
    from bench_insights import report, simulate, time_aggregates
    from django.core.management import call_command
    from django.db import connection

    print(f"database: {connection.settings_dict['NAME']} ({connection.vendor})")
    if connection.vendor != "postgresql":
        print("use PostgreSQL (DATABASE_URL)", file=sys.stderr)
        return 1
    call_command("migrate", verbosity=0)
    from goldenthread.web.plans.models import Child, Outcome, Plan

    if args.reuse:
        from goldenthread.web.accounts.models import User

        senco = User.objects.filter(username="bench-senco").first()
        if senco is None or senco.organisation_id is None:
            print("--reuse: this database was not built by this script", file=sys.stderr)
            return 1
        setting_id = senco.organisation_id
        area_id = int(
            Child.objects.filter(current_setting_id=setting_id).first().local_authority_id
        )
    elif Child.objects.exists():
        print("the scratch database already has children: use an empty one", file=sys.stderr)
        return 1
    else:
        started = time.perf_counter()
        scratch_defaults()
        area_id = simulate(args.ehc_children)
        simulate_setting_plans(area_id, args.setting_children)
        setting_id, _ = setting_staff(area_id)
        from goldenthread.web.insights.refresh import facts_refresh

        result = facts_refresh(progress=lambda text: None)
        built = time.perf_counter() - started
        print(f"  built in {built:.0f} s (facts refresh {result.seconds:.0f} s)")
    from goldenthread.web.setting_plans.models import SettingPlan, ShortTermOutcome

    print(
        f"  {Plan.objects.filter(kind='ehc_plan').count():,} EHC plans, "
        f"{SettingPlan.objects.count():,} setting plans, {Outcome.objects.count():,} outcomes, "
        f"{ShortTermOutcome.objects.count():,} short-term outcomes; busiest setting has "
        f"{Child.objects.filter(current_setting_id=setting_id).count():,} children"
    )
    print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
    line("setting dashboard page /setting/", time_page("bench-senco", "/setting/", args.runs))
    line(
        "tier figures page",
        time_page("bench-leader", "/area-insights/tiers/", args.runs),
    )
    print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
    print("  area dashboards (aggregates and disclosure control):")
    report(time_aggregates(area_id, args.runs), "area dashboards")
    print(f"  load average (1, 5, 15 min): {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The setting dashboard and the area tier figures equal an independent count: the records
walked one by one in Python, not the dashboards' queries. Review timeliness follows each named
rule at its edges: on the due day a review is on time, the day after it is late; "due soon"
runs from today to today + 30 days."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.plans.models import Child, Outcome, Plan, Provision, ThemeTag
from goldenthread.web.plans.services.contributions import plan_issue
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.reviews.models import OutcomeProgress, PlanDeadline, ReviewKind
from goldenthread.web.setting_plans.insights import tier_counts
from goldenthread.web.setting_plans.models import SettingPlan, ShortTermOutcome, Tier, TierCount
from goldenthread.web.setting_plans.selectors import setting_dashboard
from goldenthread.web.setting_plans.services.sheets import setting_plan_start
from goldenthread.web.setting_plans.services.short_terms import ShortTermEntry, short_term_add
from goldenthread.web.setting_plans.timeliness import TERMLY_RULE, WHOLE_PLAN_RULE, whole_plan_dues
from tests.web import factories
from tests.web.setting_plans_world import SettingWorld, setting_plan_with_thread, world_create
from tests.web.test_setting_plans import _review

WORDS = [
    "By July 2027, I will read a page of my reading book aloud to an adult each day.",
    "Better reading",
    "By Easter 2027, I will ask for help in class using my help card twice a day.",
]


@pytest.fixture
def world(db: None) -> SettingWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return world_create()


def _more_plans(world: SettingWorld) -> None:
    """Five more children at the setting: tiers, outcomes (SMART or not), reviews and
    short-term outcomes that differ, one plan left as a draft."""
    tiers = [Tier.UNIVERSAL, Tier.TARGETED, Tier.TARGETED_PLUS, Tier.TARGETED, Tier.UNIVERSAL]
    for n, tier in enumerate(tiers):
        child = factories.child_create(
            local_authority=world.area.local_authority,
            setting=world.school,
            first_name=f"Pupil{n}",
            last_name="Figures-Example",
        )
        factories.relationship_create(child=child, person=world.senco)
        sheet = setting_plan_start(child=child, by=world.senco, tier=tier)
        for words in WORDS[: 1 + n % 3]:
            part_save(
                Outcome(plan=sheet.plan),
                user=world.senco,
                fields={"text": words, "domain": "education", "due_date": dt.date(2027, 7, 16)},
            )
        if n == 4:
            continue  # a draft: counted, never reviewed
        plan = Plan.objects.get(pk=sheet.plan_id)
        plan_issue(plan, user=world.senco)
        _review(plan, world.senco, level=n % 3 - 1, days_ago=20 + 200 * (n % 2))
        short_term_add(
            outcome=plan.outcomes.first(),  # type: ignore[arg-type]
            by=world.senco,
            entry=ShortTermEntry(
                "By half term, I will read two pages aloud.",
                timezone.localdate() + dt.timedelta(days=10 * n - 15),
            ),
        )


def _independent(setting_id: int, today: dt.date) -> dict[str, object]:
    """The dashboard's figures, by walking the records."""
    pupils = [c for c in Child.objects.all() if c.current_setting_id == setting_id]
    pupils = [c for c in pupils if c.archived_at is None]
    sheets = [s for s in SettingPlan.objects.all() if s.setting_id == setting_id]
    sheets = [s for s in sheets if s.plan.is_current]
    ehc = [
        p
        for c in pupils
        for p in Plan.objects.filter(child=c)
        if p.kind == "ehc_plan" and p.status == "final" and p.is_current
    ]
    outcomes = [
        o
        for p in [s.plan for s in sheets] + ehc
        for o in Outcome.objects.filter(plan=p)
        if o.archived_at is None
    ]
    pupil_ids = {c.pk for c in pupils}
    ratings = [
        r
        for r in OutcomeProgress.objects.all()
        if r.outcome.plan.child_id in pupil_ids
        and r.review.meeting_on >= today - dt.timedelta(days=365)
    ]
    shorts = [
        s
        for s in ShortTermOutcome.objects.all()
        if s.child_id in pupil_ids and s.archived_at is None and s.due_date <= today
    ]
    return {
        "tiers": Counter(s.get_tier_display() for s in sheets),
        "ehc": len(ehc),
        "smart": (sum(1 for o in outcomes if o.quality_smart), len(outcomes)),
        "helped": (sum(1 for o in outcomes if Provision.objects.filter(outcomes=o)), len(outcomes)),
        "written": (sum(1 for s in sheets if s.sections), len(sheets)),
        "ratings": (sum(1 for r in ratings if r.gas_level >= 0), len(ratings)),
        "shorts": (sum(1 for s in shorts if s.achievement_status == "achieved"), len(shorts)),
    }


def test_setting_dashboard_equals_an_independent_count(world: SettingWorld) -> None:
    setting_plan_with_thread(world)
    _more_plans(world)
    today = timezone.localdate()
    figures = setting_dashboard(world.school.pk, today=today)
    expected = _independent(world.school.pk, today)
    tiers = expected["tiers"]
    assert isinstance(tiers, Counter)
    assert figures.plans_by_tier == {
        t.label: tiers.get(t.label, 0) for t in Tier if t != Tier.SPECIALIST
    }
    assert sum(figures.plans_by_tier.values()) == 6
    assert figures.ehc_plans == expected["ehc"]
    assert (figures.smart_outcomes.part, figures.smart_outcomes.whole) == expected["smart"]
    assert (figures.outcomes_with_help.part, figures.outcomes_with_help.whole) == expected["helped"]
    assert (figures.sections_written.part, figures.sections_written.whole) == expected["written"]
    assert (figures.progress_as_expected.part, figures.progress_as_expected.whole) == expected[
        "ratings"
    ]
    assert (figures.short_terms_achieved.part, figures.short_terms_achieved.whole) == expected[
        "shorts"
    ]
    assert figures.smart_outcomes.whole > figures.smart_outcomes.part > 0
    # Another setting's figures do not include these children.
    assert sum(setting_dashboard(world.other_school.pk).plans_by_tier.values()) == 0


def test_tier_figures_kept_by_the_refresh_equal_a_live_and_an_independent_count(
    world: SettingWorld,
) -> None:
    setting_plan_with_thread(world)
    _more_plans(world)
    area_id = world.area.local_authority.pk
    live = tier_counts(area_id, live=True)
    facts_refresh()
    assert TierCount.objects.filter(authority_id=area_id).exists()
    assert tier_counts(area_id) == live
    plans, shorts = live
    current = [s for s in SettingPlan.objects.all() if s.plan.is_current]
    by_tier = Counter(s.tier for s in current)
    for tier, n in by_tier.items():
        assert plans[(tier, "plans")] == (n, n)  # one plan per child
    ehc = [p for p in Plan.objects.filter(kind="ehc_plan", status="final") if p.is_current]
    assert plans[(Tier.SPECIALIST.value, "plans")][0] == len(ehc)
    assert sum(units for units, _ in shorts.values()) == ShortTermOutcome.objects.count()


def _whole_plan(figures: object) -> tuple[int, int]:
    row = next(t for t in figures.timeliness if t.rule == WHOLE_PLAN_RULE)  # type: ignore[attr-defined]
    return row.late, row.due_soon


def _termly(figures: object) -> tuple[int, int]:
    row = next(t for t in figures.timeliness if t.rule == TERMLY_RULE)  # type: ignore[attr-defined]
    return row.late, row.due_soon


def test_whole_plan_review_within_12_months_at_its_edges(world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world)
    issued = Plan.objects.get(pk=sheet.plan_id).issued_on
    assert issued is not None
    due = issued + relativedelta(months=12)

    def on(day: dt.date) -> tuple[int, int]:
        return _whole_plan(setting_dashboard(world.school.pk, today=day))

    assert on(due - dt.timedelta(days=31)) == (0, 0)
    assert on(due - dt.timedelta(days=30)) == (0, 1)
    assert on(due) == (0, 1)  # reviewed on the day it is due: on time
    assert on(due + dt.timedelta(days=1)) == (1, 0)
    # An annual (whole plan) review since the plan was issued restarts the 12 months; one
    # before it does not count.
    today = timezone.localdate()
    a_year_ago = today - dt.timedelta(days=400)
    sheet_row = (sheet.plan_id, sheet.tier, sheet.sections, a_year_ago, a_year_ago)
    assert whole_plan_dues([sheet_row]) == [a_year_ago + relativedelta(months=12)]
    _review(sheet.plan, world.senco, level=0, days_ago=0, kind=ReviewKind.ANNUAL)
    assert whole_plan_dues([sheet_row]) == [today + relativedelta(months=12)]
    later = (sheet.plan_id, sheet.tier, sheet.sections, today + dt.timedelta(days=1), None)
    assert whole_plan_dues([later]) == [later[3] + relativedelta(months=12)]


def test_termly_review_late_the_day_after_it_is_due(world: SettingWorld) -> None:
    sheet = setting_plan_with_thread(world)
    row = PlanDeadline.objects.get(plan_id=sheet.plan_id, kind="next_review")
    assert row.rule == TERMLY_RULE

    def on(day: dt.date) -> tuple[int, int]:
        return _termly(setting_dashboard(world.school.pk, today=day))

    assert on(row.due - dt.timedelta(days=31)) == (0, 0)
    assert on(row.due - dt.timedelta(days=30)) == (0, 1)
    assert on(row.due) == (0, 1)
    assert on(row.due + dt.timedelta(days=1)) == (1, 0)

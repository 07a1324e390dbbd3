"""Review timeliness by setting, service, team and coordinator, checked against a count made
plan by plan in Python (the dashboard counts them in one scan of the plans)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from django.utils import timezone

from goldenthread.web.accounts.models import Role
from goldenthread.web.insights import selectors
from goldenthread.web.insights.filters import InsightFilter
from goldenthread.web.plans.models import Plan
from tests.web import factories
from tests.web.insights_world import InsightsWorld, insights_world_create, plan_thread_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> InsightsWorld:
    world = insights_world_create()
    other = factories.user_create(role=Role.COORDINATOR, organisation=world.area)
    today = timezone.localdate()
    plan_thread_create(world.children[0], 5, other, today)  # a second plan
    far_past = today - dt.timedelta(days=200)
    Plan.objects.filter(child=world.children[1]).update(next_review_due=far_past)
    return world


def band(due: dt.date, today: dt.date) -> str:
    late = (today - due).days
    if late <= 0:
        return "on_time"
    if late <= 28:
        return "late_4_weeks"
    return "late_3_months" if late <= 91 else "late_more"


def expected(chosen: InsightFilter) -> dict[str, dict[tuple[object, str], tuple[int, int]]]:
    plans = Plan.objects.filter(
        child__local_authority_id=chosen.area_id, next_review_due__isnull=False
    ).select_related("child__current_setting", "coordinator__organisation")
    if chosen.primary_need:
        plans = plans.filter(child__primary_need=chosen.primary_need)
    found: dict[str, dict[tuple[object, str], list[set[int]]]] = defaultdict(
        lambda: defaultdict(lambda: [set(), set()])
    )
    for plan in plans:
        assert plan.next_review_due is not None
        late = band(plan.next_review_due, chosen.today)
        setting = plan.child.current_setting
        rows = {
            "setting": [setting.name if setting else None],
            "service": [plan.coordinator.organisation.name],
            "team": [t.name for t in plan.coordinator.teams.all()] or [None],
            "coordinator": [plan.coordinator.username],
        }
        for table, keys in rows.items():
            for key in keys:
                cell = found[table][(key, late)]
                cell[0].add(plan.pk)
                cell[1].add(plan.child_id)
    return {
        table: {cell: (len(p), len(c)) for cell, (p, c) in cells.items()}
        for table, cells in found.items()
    }


@pytest.mark.parametrize("need", ["", "ASD"])
def test_late_reviews_match_a_count_plan_by_plan(world: InsightsWorld, need: str) -> None:
    chosen = InsightFilter(area_id=world.area.pk, today=timezone.localdate(), primary_need=need)
    counted = selectors.review_lateness(chosen)
    assert counted == expected(chosen)
    assert need or {band for _, band in counted["setting"]} == {
        "on_time",
        "late_4_weeks",
        "late_3_months",
        "late_more",
    }


def test_coordinators_are_named(world: InsightsWorld) -> None:
    chosen = InsightFilter(area_id=world.area.pk, today=timezone.localdate())
    usernames = {key for key, _ in selectors.review_lateness(chosen)["coordinator"]}
    names = selectors.coordinator_names(usernames)
    assert set(names) == usernames and all(names.values())

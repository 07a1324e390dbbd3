"""The per-plan steps kept by the refresh (``insights.kept``) give exactly the figures that
counting every outcome fact gives, for every filter they serve; theme and domain filters count
from the facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from django.db.models import Sum
from django.utils import timezone

from goldenthread.web.accounts.models import Role
from goldenthread.web.insights import kept, selectors
from goldenthread.web.insights.filters import InsightFilter
from goldenthread.web.insights.models import (
    AttainmentPlanStep,
    OutcomeFact,
    OutcomePlanStep,
    OutcomeServiceFact,
    ProviderPlanStep,
    QualityPlanStep,
)
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.insights.scans import Measured
from tests.web import factories
from tests.web.insights_world import InsightsWorld, insights_world_create, plan_thread_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> InsightsWorld:
    world = insights_world_create()
    # One child with a second current plan under another coordinator: their facts are then in
    # two kept rows, which must still count them once per row of every table.
    other = factories.user_create(role=Role.COORDINATOR, organisation=world.area)
    plan_thread_create(world.children[0], 3, other, timezone.localdate())
    facts_refresh()
    return world


def filters_served(world: InsightsWorld) -> list[InsightFilter]:
    today = timezone.localdate()
    area = world.area.pk
    service = world.children[0].plans.first().coordinator.organisation_id  # type: ignore[union-attr]
    return [
        InsightFilter(area_id=area, today=today),
        InsightFilter(area_id=area, today=today, primary_need="ASD"),
        InsightFilter(area_id=area, today=today, phase="primary"),
        InsightFilter(area_id=area, today=today, year_group=3),
        InsightFilter(area_id=area, today=today, setting_id=world.tiny_school.pk),
        InsightFilter(area_id=area, today=today, service_id=service),
        InsightFilter(area_id=area, today=today, period=today.year - 1),
    ]


def counted_from_facts(monkeypatch: pytest.MonkeyPatch, figures: Any, chosen: InsightFilter) -> Any:
    with monkeypatch.context() as patched:
        patched.setattr(selectors, "kept_rows", lambda model, chosen: None)
        return figures(chosen)


def assert_same(kept_figures: dict[str, Measured], counted: dict[str, Measured]) -> None:
    assert kept_figures.keys() == counted.keys()
    for name, measured in kept_figures.items():
        assert measured.counts == counted[name].counts, name
        assert measured.gas.keys() == counted[name].gas.keys(), name
        for key, group in measured.gas.items():
            assert group.children == counted[name].gas[key].children
            assert group.mean == pytest.approx(counted[name].gas[key].mean, abs=1e-9)


def test_kept_rows_are_one_per_current_plan_and_add_up_to_the_facts(world: InsightsWorld) -> None:
    plans = set(OutcomeFact.objects.values_list("plan_id", flat=True))
    assert set(QualityPlanStep._default_manager.values_list("plan_id", flat=True)) == plans
    assert set(AttainmentPlanStep._default_manager.values_list("plan_id", flat=True)) == plans
    # m0_0: SMART outcomes (the first quality measure); m0_0 of attainment: achieved.
    smart = QualityPlanStep._default_manager.aggregate(n=Sum("m0_0"))["n"]
    assert smart == OutcomeFact.objects.filter(smart=True).count()
    achieved = AttainmentPlanStep._default_manager.aggregate(n=Sum("m0_0"))["n"]
    assert achieved == OutcomeFact.objects.filter(achievement="achieved").count()
    # One row per plan and provider, adding up to the provider facts.
    by_provider = ProviderPlanStep._default_manager.values_list("plan_id", "delivered_by")
    assert set(by_provider) == set(
        OutcomeServiceFact.objects.values_list("plan_id", "delivered_by")
    )
    achieved = ProviderPlanStep._default_manager.aggregate(n=Sum("m0_0"))["n"]
    assert achieved == OutcomeServiceFact.objects.filter(achievement="achieved").count()


def test_quality_from_the_kept_rows_equals_counting_every_fact(
    world: InsightsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    for chosen in filters_served(world):
        assert kept.kept_rows(QualityPlanStep, chosen) is not None
        from_kept = selectors.quality(chosen)
        counted = counted_from_facts(monkeypatch, selectors.quality, chosen)
        assert dataclasses.asdict(from_kept) == dataclasses.asdict(counted), chosen
    unfiltered = selectors.quality(filters_served(world)[0])
    assert sum(units for units, _ in unfiltered.smart["setting"].values()) > 0


def test_attainment_from_the_kept_rows_equals_counting_every_fact(
    world: InsightsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    for chosen in filters_served(world):
        from_kept = selectors.attainment(chosen)
        assert_same(from_kept, counted_from_facts(monkeypatch, selectors.attainment, chosen))
    assert selectors.attainment(filters_served(world)[0])["need"].gas  # GAS was compared


def test_outcome_figures_from_the_kept_rows_equal_counting_every_fact(
    world: InsightsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    for chosen in filters_served(world):
        from_kept = selectors.outcome_figures(chosen)
        counted = counted_from_facts(monkeypatch, selectors.outcome_figures, chosen)
        assert from_kept == counted, chosen
    unfiltered = selectors.outcome_figures(filters_served(world)[0])
    assert unfiltered.by_theme and unfiltered.by_area and unfiltered.provision


def test_theme_and_domain_filters_count_from_the_facts(world: InsightsWorld) -> None:
    today = dt.date.today()
    for chosen in (
        InsightFilter(area_id=world.area.pk, today=today, theme=2),
        InsightFilter(area_id=world.area.pk, today=today, domain="health"),
    ):
        assert kept.kept_rows(QualityPlanStep, chosen) is None
        assert kept.kept_rows(AttainmentPlanStep, chosen) is None
        assert kept.kept_rows(OutcomePlanStep, chosen) is None
        assert kept.kept_rows(ProviderPlanStep, chosen) is None


def test_only_the_child_with_two_plans_is_marked_as_having_several(world: InsightsWorld) -> None:
    several = set(OutcomeFact.objects.filter(only_plan=False).values_list("child_id", flat=True))
    assert several == {world.children[0].pk}
    assert not QualityPlanStep._default_manager.filter(only_plan=True, child=world.children[0])


def test_smart_by_setting_and_service_count_each_child_once(world: InsightsWorld) -> None:
    """Counted fact by fact in Python: outcomes, and distinct children, per row."""
    chosen = filters_served(world)[0]
    facts = OutcomeFact.objects.filter(authority_id=world.area.pk).select_related(
        "setting", "service"
    )
    verdicts = {True: "smart", False: "not_smart", None: "unchecked"}
    for row in ("setting", "service"):
        found: dict[tuple[object, str], tuple[set[int], set[int]]] = {}
        for fact in facts:
            named = getattr(fact, row)
            cell = found.setdefault(
                (named.name if named else None, verdicts[fact.smart]), (set(), set())
            )
            cell[0].add(fact.outcome_id)
            cell[1].add(fact.child_id)
        expected = {key: (len(o), len(c)) for key, (o, c) in found.items()}
        assert selectors.quality(chosen).smart[row] == expected, row

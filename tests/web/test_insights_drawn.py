"""Dashboards drawn once and kept in the process (web/insights/page_cache.py, ADR 0051): a
kept page is exactly what a fresh one would be, a new refresh draws the facts dashboards again,
and a live dashboard is counted again once it is older than INSIGHTS_LIVE_SECONDS."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from goldenthread.web.insights import page_cache, views
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.plans.models import Plan
from tests.web.conftest import PageClient
from tests.web.insights_world import InsightsWorld, insights_world_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> InsightsWorld:
    world = insights_world_create()
    facts_refresh()
    return world


class Draws:
    """Counts how often a dashboard's figures are worked out."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = views.build

        def counted(*args: object, **kwargs: object) -> object:
            self.count += 1
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(views, "build", counted)


def figures_part(page: PageClient, url: str) -> str:
    html = page.get(url).html
    column = html.select_one(".govuk-grid-column-three-quarters")
    assert column is not None
    return str(column)


def test_a_facts_dashboard_is_drawn_once_and_is_the_same_page(
    page: PageClient, world: InsightsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws = Draws(monkeypatch)
    page.sign_in(world.leader)
    first = figures_part(page, "/insights/outcomes/")
    worked = draws.count
    assert worked >= 1
    assert figures_part(page, "/insights/outcomes/") == first
    assert draws.count == worked  # kept: nothing worked out again
    page_cache.drawn_forget()
    assert figures_part(page, "/insights/outcomes/") == first  # drawn afresh: the same
    assert draws.count == 2 * worked


def test_a_new_refresh_draws_the_facts_dashboards_again(
    page: PageClient, world: InsightsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.sign_in(world.leader)
    figures_part(page, "/insights/quality/")
    draws = Draws(monkeypatch)
    facts_refresh()
    figures_part(page, "/insights/quality/")
    assert draws.count >= 1


def test_each_filter_and_each_person_kind_has_its_own_drawing(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.quality_lead)
    lead = figures_part(page, "/insights/quality/")
    assert "Choose a number in a table" in lead  # drill-down links for a quality lead
    page.sign_in(world.leader)
    assert "Choose a number in a table" not in figures_part(page, "/insights/quality/")
    everyone = figures_part(page, "/insights/outcomes/")
    assert figures_part(page, "/insights/outcomes/?primary_need=ASD") != everyone


def overdue_all(world: InsightsWorld) -> None:
    far_past = timezone.localdate() - dt.timedelta(days=200)
    Plan.objects.filter(child__local_authority=world.area).update(next_review_due=far_past)


@override_settings(INSIGHTS_LIVE_SECONDS=60)
def test_a_live_dashboard_is_kept_a_minute_and_says_when_it_was_counted(
    page: PageClient, world: InsightsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.sign_in(world.leader)
    before = figures_part(page, "/insights/reviews/")
    assert "These figures are counted again when they are more than a minute old." in before
    overdue_all(world)
    assert figures_part(page, "/insights/reviews/") == before  # kept
    clock = page_cache.time.monotonic() + 61
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock)
    assert figures_part(page, "/insights/reviews/") != before  # counted again


@override_settings(INSIGHTS_LIVE_SECONDS=0)
def test_with_no_keeping_a_live_dashboard_is_counted_every_time(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.leader)
    before = figures_part(page, "/insights/reviews/")
    assert "counted again" not in before
    overdue_all(world)
    assert figures_part(page, "/insights/reviews/") != before


def test_the_store_keeps_at_most_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_cache, "LIMIT", 3)
    drawn = page_cache.DrawnFigures(html="", counted_at=0.0)
    made: list[str] = []

    def draw(key: str) -> page_cache.DrawnFigures:
        made.append(key)
        return drawn

    for key in ("a", "b", "c", "d"):
        page_cache.drawn_cached(key, live=False, draw=lambda key=key: draw(key))  # type: ignore[misc]
    page_cache.drawn_cached("a", live=False, draw=lambda: draw("a again"))
    page_cache.drawn_cached("d", live=False, draw=lambda: draw("d again"))
    assert made == ["a", "b", "c", "d", "a again"]  # "a" was dropped first; "d" was kept

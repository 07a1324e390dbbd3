"""Disclosure control on the pages: tiny filters show c, settings change the policy."""

from __future__ import annotations

from typing import Any

import pytest

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.web.insights.protection import counts_protect
from tests.web.conftest import PageClient
from tests.web.insights_world import InsightsWorld, insights_world_create

pytestmark = pytest.mark.django_db

SLUGS = ("outcomes", "quality", "attainment", "gaps", "reviews", "trends")


@pytest.fixture
def world() -> InsightsWorld:
    return insights_world_create()


def _cells(page: Any) -> list[str]:
    return [cell.get_text(strip=True) for cell in page.html.select("table td")]


def test_a_setting_with_three_children_shows_only_suppression(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.leader)
    for slug in SLUGS:
        shown = page.get(f"/insights/{slug}/", data={"setting": world.tiny_school.pk})
        # Words ("No comparison" in the year-on-year tables) are not numbers.
        cells = [c for c in _cells(shown) if any(ch.isdigit() for ch in c)]
        numbers = [c for c in cells if c not in {"c", "0", "z", "x", ""}]
        assert not numbers, (slug, numbers)
    outcomes = page.get("/insights/outcomes/", data={"setting": world.tiny_school.pk})
    assert "c" in _cells(outcomes)
    assert "too few outcomes" in outcomes.text


def test_a_big_setting_shows_numbers(page: PageClient, world: InsightsWorld) -> None:
    page.sign_in(world.leader)
    shown = page.get("/insights/outcomes/", data={"setting": world.big_school.pk})
    assert any(cell.isdigit() and int(cell) > 5 for cell in _cells(shown))


def test_no_number_from_one_to_five_is_ever_shown(page: PageClient, world: InsightsWorld) -> None:
    page.sign_in(world.leader)
    for slug in SLUGS:
        for cell in _cells(page.get(f"/insights/{slug}/")):
            assert not (cell.isdigit() and 1 <= int(cell) <= 5), (slug, cell)


def test_the_policy_comes_from_settings(
    page: PageClient, world: InsightsWorld, settings: Any
) -> None:
    settings.INSIGHTS_DISCLOSURE = {"threshold": 100, "rounding_base": 10}
    page.sign_in(world.leader)
    shown = page.get("/insights/outcomes/")
    assert not [c for c in _cells(shown) if c.isdigit() and 1 <= int(c) <= 100]
    assert "nearest 10" in shown.text


def test_a_cell_of_many_outcomes_from_few_children_is_withheld() -> None:
    """Twelve outcomes written for two children would name them: c, with a partner."""
    policy = DisclosurePolicy()
    protected = counts_protect(
        labels=["School A", "School B"],
        columns=["Education", "Health"],
        units=[[12, 40], [30, 25]],
        children=[[2, 9], [8, 7]],
        policy=policy,
    )
    row_a = [cell.text for cell in protected.lines[0].cells]
    assert row_a[0] == "c"
    assert [line.cells[0].text for line in protected.lines].count("c") >= 2  # not alone


def test_overlapping_rows_are_each_protected_without_a_total() -> None:
    protected = counts_protect(
        labels=["Theme 1", "Theme 2"],
        columns=["Outcomes"],
        units=[[3], [50]],
        children=[[3], [20]],
        policy=DisclosurePolicy(),
        additive=False,
    )
    assert protected.totals is None
    assert [line.cells[0].text for line in protected.lines] == ["c", "50"]


def test_long_tables_protect_rows_with_the_same_counts_alike_and_keep_each_label() -> None:
    units = [[3, 40, 0], [30, 2, 9], [3, 40, 0], [12, 12, 12]]
    children = [[2, 12, 0], [10, 2, 4], [2, 12, 0], [6, 5, 4]]
    labels = ["Oak", "Ash", "Elm", "Yew"]
    protected = counts_protect(
        labels=labels,
        columns=["Not yet due", "Late", "Very late"],
        units=units,
        children=children,
        policy=DisclosurePolicy(),
        additive=False,
        share_column=0,
    )
    assert [line.label for line in protected.lines] == labels
    for i, line in enumerate(protected.lines):
        alone = counts_protect(
            labels=[labels[i]],
            columns=["Not yet due", "Late", "Very late"],
            units=[units[i]],
            children=[children[i]],
            policy=DisclosurePolicy(),
            additive=False,
            share_column=0,
        )
        assert line == alone.lines[0]
    assert protected.lines[0].cells == protected.lines[2].cells
    assert protected.lines[0].cells[0].text == "c"

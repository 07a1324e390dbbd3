"""A strategic leader filters the area's figures down to a tiny school and sees only c, never
a child's name or record; axe-core finds nothing wrong on the way."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import assert_accessible
from tests.web import factories
from tests.web.insights_world import InsightsWorld, insights_world_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world(transactional_db: None) -> InsightsWorld:
    return insights_world_create()


def _figures(cells: list[str]) -> list[str]:
    """The cells that hold a number or a symbol for one (c, z, x), not words."""
    words = [cell.strip() for cell in cells]
    return [w for w in words if len(w) <= 1 or any(ch.isdigit() for ch in w)]


def test_a_leader_filters_down_to_a_tiny_school_and_sees_suppression(
    browser: Browser, live_server: Any, world: InsightsWorld
) -> None:
    base = live_server.url
    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected inline
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(world.leader.username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{base}/insights/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Area insights")
    assert_accessible(page, "the insights home page")
    page.get_by_role("link", name="What outcomes are about").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What outcomes are about")
    expect(page.get_by_text("Most outcomes are about").first).to_be_visible()
    assert_accessible(page, "the outcomes dashboard")

    page.get_by_label("Setting").select_option(label="Tiny Oaks School")
    page.get_by_role("button", name="Show figures").click()
    table = page.get_by_role("table").first
    expect(table).to_contain_text("c")
    # Only symbols, no number (words such as "No comparison" in the year-on-year tables aside).
    cells = _figures(page.locator("table td").all_inner_texts())
    assert cells and all(cell in {"c", "0", "z", "x"} for cell in cells)
    expect(page.get_by_text("too few outcomes").first).to_be_visible()
    assert_accessible(page, "the outcomes dashboard filtered to a tiny school")

    expect(page.get_by_text("Figures as of").first).to_be_visible()
    page.goto(f"{base}/insights/attainment/?setting={world.tiny_school.pk}")
    cells = _figures(page.locator("table td").all_inner_texts())
    assert cells and all(cell in {"c", "0", "z", "x", ""} for cell in cells)
    assert_accessible(page, "the attainment dashboard (GAS) filtered to a tiny school")
    page.goto(f"{base}/insights/quality/")
    expect(page.get_by_text("The check failed most often is").first).to_be_visible()
    assert_accessible(page, "the quality dashboard with the commonest failures")

    page.goto(f"{base}/insights/reviews/?setting={world.tiny_school.pk}")
    assert_accessible(page, "the reviews dashboard filtered to a tiny school")
    html = page.content()
    for name in world.names:
        assert name not in html
    assert "/children/" not in html  # no link to any child's record

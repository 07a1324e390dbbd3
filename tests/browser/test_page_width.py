"""Issue 18 presentation defects, measured in a real browser: a 5,000-character word does not
stretch the passport page, and dashboard tables at 1,280 px scroll inside their own labelled
region instead of running off the page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from goldenthread.web.plans.models import Outcome
from tests.browser.conftest import assert_accessible
from tests.web import factories
from tests.web.insights_world import insights_world_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_WORD = "Superlong" * 556  # 5,004 characters with no space


def _sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _page_width(page: Page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def test_a_long_unbroken_word_does_not_stretch_the_passport(
    browser: Browser, live_server: Any, transactional_db: None
) -> None:
    area = factories.area_create()
    Outcome.objects.filter(pk=area.thread.outcome.pk).update(text=LONG_WORD)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(page, live_server.url, area.coordinator.username)
    page.goto(f"{live_server.url}/children/{area.child.pk}/passport/")
    assert LONG_WORD[:50] in page.content()
    scroll, viewport = _page_width(page)
    assert scroll <= viewport, f"the page is {scroll} px wide in a {viewport} px window"
    page.set_viewport_size({"width": 375, "height": 800})
    scroll, viewport = _page_width(page)
    assert scroll <= viewport, f"the page is {scroll} px wide in a {viewport} px window"


def test_dashboard_tables_stay_on_the_page_at_1280_px(
    browser: Browser, live_server: Any, transactional_db: None
) -> None:
    world = insights_world_create()
    page = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
    _sign_in(page, live_server.url, world.quality_lead.username)
    for slug in ("quality", "reviews", "attainment"):
        page.goto(f"{live_server.url}/insights/{slug}/")
        scroll, viewport = _page_width(page)
        assert scroll <= viewport, f"{slug}: the page is {scroll} px wide in {viewport} px"
        wraps = page.locator(".gt-table-wrap")
        assert wraps.count() > 0
        for i in range(wraps.count()):
            wrap = wraps.nth(i)
            assert wrap.get_attribute("role") == "region" and wrap.get_attribute("aria-label")
            inside = wrap.evaluate("e => e.getBoundingClientRect().right")
            assert inside <= viewport
    assert_accessible(page, "the attainment dashboard at 1,280 px")

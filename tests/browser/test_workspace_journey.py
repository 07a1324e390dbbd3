"""Live feedback in a real browser, checked by axe-core: a coordinator writes a weak outcome, sees
the feedback flag it while typing, fixes it and saves."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from goldenthread.web.plans.models import Outcome, ThemeTag
from tests.browser.conftest import assert_accessible
from tests.web import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WEAK = "Ada will have speech therapy every week."
GOOD = "By July 2027, I will ask a friend to play at break time 3 times a week without help."


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return factories.area_create()


def test_live_feedback_flags_a_weak_outcome_and_the_fixed_one_is_saved(
    browser: Browser, live_server: Any, area: factories.Area
) -> None:
    base = live_server.url
    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected inline
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Children")

    page.goto(f"{base}/plans/{area.thread.plan.pk}/outcomes/add/")
    text = page.locator("textarea[name=text]")
    status = page.locator("#gt-feedback-status")
    text.press_sequentially(WEAK, delay=5)
    expect(status).to_contain_text("Not SMART yet")
    expect(page.locator("#quality mark").first).to_be_visible()
    expect(page.locator('#quality li[data-status="fail"]').first).to_be_visible()
    assert_accessible(page, "the outcome form with live feedback")

    text.fill("")
    text.press_sequentially(GOOD, delay=5)
    expect(status).to_have_text("This outcome is SMART.")
    page.locator('input[name="domain"][value="education"]').check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(area.child.full_name)
    assert Outcome.objects.filter(plan=area.thread.plan, text=GOOD).exists()

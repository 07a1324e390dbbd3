"""Recording an annual review in a real browser, checked by axe-core at every step.

A coordinator sees a late review in their list, records the meeting (progress on every outcome,
one outcome revised, one new target) and sees the next review date move on by a year and the
late list empty.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.models import Outcome, Step, ThemeTag
from tests.browser.conftest import assert_accessible
from tests.web import factories
from tests.web.reviews_helpers import CHILD_WORDS, NEW_STEP, REVISED, make_late

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    made = factories.area_create()
    make_late(made.thread.plan)
    return made


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    page.get_by_role("link", name="Children", exact=True).click()


def fill_date(page: Page, name: str, day: Any) -> None:
    page.locator(f"input[name='{name}-day']").fill(str(day.day))
    page.locator(f"input[name='{name}-month']").fill(str(day.month))
    page.locator(f"input[name='{name}-year']").fill(str(day.year))


def test_record_an_annual_review(browser: Browser, live_server: Any, area: factories.Area) -> None:
    page = browser.new_context().new_page()
    base = live_server.url
    first, second = area.thread.outcome, area.thread.unhelped_outcome
    sign_in(page, base)

    page.goto(f"{base}/reviews/late/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Late reviews for plans you coordinate"
    )
    expect(page.locator("table")).to_contain_text("Hold the next review meeting")
    assert_accessible(page, "the late list")

    page.get_by_role("link", name=area.child.full_name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reviews and deadlines")
    assert_accessible(page, "the plan's deadlines")
    page.get_by_role("button", name="Record a review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a review")
    assert_accessible(page, "the review form")

    page.get_by_role("button", name="Save review").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "the review form with errors")

    today = timezone.localdate()
    page.get_by_label("Annual review", exact=True).check()
    fill_date(page, "meeting_on", today)
    page.get_by_label("What the child or young person said, in their own words").fill(CHILD_WORDS)
    page.check(f"input[name='o{first.pk}-gas_level'][value='1']")
    page.check(f"input[name='o{second.pk}-gas_level'][value='-1']")
    page.check(f"input[name='o{first.pk}-decision'][value='revise']")
    page.locator(f"textarea[name='o{first.pk}-new_text']").fill(REVISED)
    page.locator(f"textarea[name='o{second.pk}-new_step']").fill(NEW_STEP)
    page.get_by_label("Keep the plan as it is").check()
    fill_date(page, "decision_made_on", today)
    page.get_by_role("button", name="Check new outcome words").click()
    expect(page.locator(f"#check-{first.pk}")).to_contain_text("Check of the new words")
    assert_accessible(page, "the review form with the quality check")
    page.get_by_role("button", name="Save review").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Review report")
    expect(page.locator("main")).to_contain_text(CHILD_WORDS)
    assert_accessible(page, "the review report")

    page.get_by_role("link", name="Back").click()
    next_due = today.replace(year=today.year + 1)
    expect(page.locator("#next-review-due")).to_have_text(date_uk(next_due))
    expect(page.locator("#last-reviewed")).to_have_text(date_uk(today))
    page.get_by_role("link", name="See progress over time").click()
    expect(page.locator("svg.gt-chart title").first).to_have_text("GAS T-score at each review")
    assert_accessible(page, "the progress page")

    page.goto(f"{base}/reviews/late/")
    expect(page.locator("main")).not_to_contain_text("Hold the next review meeting")
    assert Outcome.objects.get(text=REVISED).archived_at is None
    first.refresh_from_db()
    assert first.archived_at is not None
    assert Step.objects.filter(outcome=second, text=NEW_STEP).exists()

"""The key journey in a real browser, checked by axe-core at every step, then without JavaScript.

A coordinator signs in, finds a child on their caseload, edits an outcome (its words and a
theme), sees the change on the child's page and in the outcome's history.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from goldenthread.web.plans.models import Outcome, ThemeTag
from tests.browser.conftest import assert_accessible
from tests.web import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_WORDS = "By July 2027, I will ask a question in class on my own."


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return factories.area_create()


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Children", exact=True).click()


def open_child(page: Page, area: factories.Area) -> None:
    page.get_by_role("link", name=area.child.full_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(area.child.full_name)


def open_outcome_form(page: Page) -> None:
    page.get_by_role("link", name="Edit outcome 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit an outcome")


def test_edit_an_outcome_journey(browser: Browser, live_server: Any, area: factories.Area) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/sign-in/")
    assert_accessible(page, "the sign-in page")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "the sign-in page with errors")

    sign_in(page, live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Children")
    assert_accessible(page, "the caseload")

    open_child(page, area)
    assert_accessible(page, "the child's page")
    open_outcome_form(page)
    assert_accessible(page, "the outcome form")

    page.get_by_label("The outcome", exact=True).fill("")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Enter the outcome")
    expect(summary).to_contain_text("Enter a real date")
    assert page.title().startswith("Error:")
    assert_accessible(page, "the outcome form with errors")

    summary.get_by_role("link", name="Enter a real date").click()
    expect(page.get_by_label("Day")).to_be_focused()

    page.get_by_label("The outcome", exact=True).fill(NEW_WORDS)
    page.get_by_label("Day").fill("16")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Independent Lives").check()
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Outcome saved")
    outcome_item = page.locator("ul.gt-thread-list > li", has_text=NEW_WORDS)
    expect(outcome_item).to_contain_text("Independent Lives")
    assert_accessible(page, "the child's page after saving")

    outcome_item.get_by_role("link", name="History of outcome 1").click()
    # One save keeps the words and each changed set of links as rows of their own.
    rows = page.locator("table.govuk-table tbody tr")
    text_row = rows.filter(has_text=f"To: {NEW_WORDS}")
    expect(text_row).to_have_count(1)
    expect(text_row).to_contain_text("Casey Coordinator")
    theme_row = rows.filter(has_text="Independent Lives")
    expect(theme_row).to_contain_text("To: 1. Independent Lives; 2. Family, Friends and Community")
    expect(theme_row).to_contain_text("Casey Coordinator")
    assert_accessible(page, "the outcome's history")
    context.close()

    outcome = Outcome.objects.get(pk=area.thread.outcome.pk)
    assert outcome.text == NEW_WORDS
    assert sorted(outcome.themes.values_list("number", flat=True)) == [1, 2]


def test_the_edit_works_without_javascript(
    browser: Browser, live_server: Any, area: factories.Area
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url)
    open_child(page, area)
    open_outcome_form(page)
    page.get_by_label("The outcome", exact=True).fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the outcome")

    page.get_by_label("The outcome", exact=True).fill(NEW_WORDS)
    page.get_by_label("Good Health and Wellbeing").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("ul.gt-thread-list > li", has_text=NEW_WORDS)).to_contain_text(
        "Good Health and Wellbeing"
    )
    context.close()
    assert sorted(
        Outcome.objects.get(pk=area.thread.outcome.pk).themes.values_list("number", flat=True)
    ) == [2, 3]

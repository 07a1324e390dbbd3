"""An EHC needs assessment in a real browser, checked by axe-core at each new page.

A request is logged; the decision to assess; advice asked of three services; two advisers give
their advice on time in Golden Thread, the third is late and shows on the late list; the advice
is accepted into a draft plan; the family's views; the final plan issued in week 19, which the
20-week measure counts. Dates are typed in (time travel), so nothing waits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from goldenthread.core.assessments.timeliness import within_20_weeks
from goldenthread.web.accounts.models import Role
from goldenthread.web.assessments.models import Assessment
from goldenthread.web.assessments.timeliness import issued_rows
from goldenthread.web.plans.models import Outcome, ThemeTag
from tests.browser.conftest import assert_accessible
from tests.web import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SERVICES = (
    ("education", "Brook Lane Primary", Role.EDUCATION),
    ("health", "Speech and language therapy", Role.HEALTH),
    ("social_care", "Children's social care", Role.SOCIAL_CARE),
)


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return factories.area_create()


def sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")


def fill_date(page: Page, name: str, day: dt.date) -> None:
    page.locator(f"input[name='{name}-day']").fill(str(day.day))
    page.locator(f"input[name='{name}-month']").fill(str(day.month))
    page.locator(f"input[name='{name}-year']").fill(str(day.year))


def save(page: Page) -> None:
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("EHC needs assessment")


def step(page: Page, link: str) -> None:
    page.get_by_role("link", name=link).click()


def test_request_to_plan_in_week_19(
    browser: Browser, live_server: Any, area: factories.Area
) -> None:
    base = live_server.url
    page = browser.new_context().new_page()
    today = timezone.localdate()
    received = today - dt.timedelta(days=133)
    advisers = [
        factories.user_create(
            role=role, username=f"adviser-{service}", organisation=area.local_authority
        )
        for service, _, role in SERVICES
    ]

    sign_in(page, base, "coordinator")
    page.goto(f"{base}/children/{area.child.pk}/")
    step(page, "Log a request for an EHC needs assessment")
    assert_accessible(page, "the request form")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "the request form with errors")
    fill_date(page, "received_on", received)
    page.get_by_label("School, college or other education setting").check()
    save(page)
    assert_accessible(page, "the assessment's page")
    expect(page.locator("#final-due")).to_contain_text(
        (received + dt.timedelta(weeks=20)).strftime("%-d %B %Y")
    )

    step(page, "Record the decision whether to assess")
    page.get_by_label("Decided to assess").check()
    fill_date(page, "decided_on", received + dt.timedelta(days=30))
    save(page)
    for (service, name, _), adviser in zip(SERVICES, advisers, strict=True):
        step(page, "Ask for advice")
        page.locator(f"input[name='service'][value='{service}']").check()
        page.get_by_label("Which team or service").fill(name)
        fill_date(page, "requested_on", received + dt.timedelta(days=31))
        page.get_by_label("The professional asked (optional)").select_option(str(adviser.pk))
        save(page)
    expect(page.locator("#timeline")).to_contain_text("Advice: Children's social care")

    # Two advisers give their advice on time, in Golden Thread, from their home page.
    for adviser, days in zip(advisers[:2], (55, 70), strict=True):
        sign_in(page, base, adviser.username)
        page.get_by_role("link", name=f"{area.child.full_name}: give your advice").click()
        assert_accessible(page, "the advice form")
        page.get_by_label("The needs you see").fill("Ada finds it hard to join in with others")
        page.get_by_label("Need 1", exact=True).fill("Ada finds it hard to start a conversation")
        page.get_by_label("Area of need 1").select_option("communication_and_interaction")
        page.get_by_label("Recommended outcome 1").fill(
            "By July 2027 Ada will start a conversation with a friend at play time"
        )
        page.get_by_role("button", name="Check my outcomes").click()
        expect(page.locator("#outcome-checks")).to_be_visible()
        page.get_by_label("Provision 1").fill("Speech and language therapy, 30 minutes a week")
        fill_date(page, "given_on", received + dt.timedelta(days=days))
        page.get_by_role("button", name="Send my advice").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")

    # The third is late: the coordinator sees it on the late list.
    sign_in(page, base, "coordinator")
    page.goto(f"{base}/assessments/late/")
    assert_accessible(page, "the late list")
    expect(page.locator("#late-list")).to_contain_text(area.child.full_name)
    expect(page.locator("#late-list")).to_contain_text("days late")
    sign_in(page, base, advisers[2].username)
    page.get_by_role("link", name=f"{area.child.full_name}: give your advice").click()
    page.get_by_label("Recommended outcome 1").fill(
        "By July 2027 Ada will go to an after-school club once a week"
    )
    fill_date(page, "given_on", received + dt.timedelta(days=80))
    page.get_by_role("button", name="Send my advice").click()

    # The coordinator accepts all three into the draft plan.
    sign_in(page, base, "coordinator")
    page.get_by_role("link", name=f"{area.child.full_name}: accept or return").first.click()
    expect(page.locator("#timeline")).to_contain_text("Done late")
    assessment = Assessment.objects.get(child=area.child)
    for advice in assessment.advice.order_by("pk"):
        section = page.locator(f"#advice-{advice.pk}")
        section.get_by_label("Accept it into the draft plan").check()
        section.get_by_role("button", name="Save decision").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("EHC needs assessment")
    assessment.refresh_from_db()
    assert Outcome.objects.filter(plan=assessment.draft_plan).count() == 3

    step(page, "Record the decision whether to issue a plan")
    page.get_by_label("Decided to issue a plan").check()
    fill_date(page, "decided_on", received + dt.timedelta(days=95))
    save(page)
    step(page, "Record that the draft was sent to the family")
    page.get_by_label("Email").check()
    fill_date(page, "sent_on", received + dt.timedelta(days=100))
    save(page)
    step(page, "Record the family's views on the draft")
    page.get_by_label("The family's views on the draft").fill("We agree with the plan.")
    page.get_by_label("School or college they asked to be named (optional)").fill(
        "Brook Lane Primary"
    )
    fill_date(page, "received_on", received + dt.timedelta(days=110))
    save(page)
    step(page, "Issue the final plan")
    fill_date(page, "issued_on", received + dt.timedelta(days=130))
    save(page)
    expect(page.locator("#issued")).to_contain_text("in week 19")
    expect(page.locator("#stage")).to_have_text("Plan issued")
    assert_accessible(page, "the issued assessment")

    # The 20-week measure counts it.
    rows = issued_rows("area")
    assert len(rows) == 1
    assert within_20_weeks(rows[0].received_on, rows[0].issued_on)

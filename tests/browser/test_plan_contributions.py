"""Contributions in a real browser, checked by axe-core: a therapist proposes help, the plan's
coordinator sends it back with a comment (after forgetting the comment once), the therapist
sees the comment and sends it again, and the coordinator accepts it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from goldenthread.web.accounts.models import OrganisationKind, Role
from goldenthread.web.plans.models import ContributionStatus, Provision, ThemeTag
from tests.browser.conftest import assert_accessible
from tests.web import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HELP = "Speech and language therapy in a small group"
COMMENT = "Say how often, and for how long each time."


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    area = factories.area_create()
    health = factories.organisation_create(
        name="Westshire Children's Therapy", kind=OrganisationKind.HEALTH
    )
    therapist = factories.user_create(
        role=Role.HEALTH, username="therapist", organisation=health, first_name="Tara"
    )
    factories.relationship_create(child=area.child, person=therapist)
    return area


def _signed_in(browser: Browser, base: str, username: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    page.get_by_role("link", name="Children", exact=True).click()
    return context, page


def test_a_contribution_is_returned_changed_and_accepted(
    browser: Browser, live_server: Any, area: factories.Area
) -> None:
    base, plan, child = live_server.url, area.thread.plan, area.child
    therapist_context, therapist = _signed_in(browser, base, "therapist")
    therapist.get_by_role("link", name=child.full_name).click()
    therapist.get_by_role("link", name="Add help (provision)").click()
    therapist.locator("textarea[name=description]").fill(HELP)
    therapist.locator('input[name="domain"][value="health"]').check()
    therapist.locator(f'input[name="outcomes"][value="{area.thread.unhelped_outcome.pk}"]').check()
    therapist.get_by_role("button", name="Save").click()
    expect(therapist.locator(".govuk-notification-banner")).to_contain_text("sent to the plan")
    expect(therapist.locator(".gt-contribution").first).to_contain_text("Waiting")
    assert_accessible(therapist, "the child's page with a proposed part")
    help_ = Provision.objects.get(plan=plan, description=HELP)

    coordinator_context, coordinator = _signed_in(browser, base, "coordinator")
    coordinator.get_by_role("link", name=child.full_name).click()
    coordinator.get_by_role("link", name="Contributions from other services").click()
    expect(coordinator.locator("#waiting-count")).to_contain_text("1 contribution is waiting")
    assert_accessible(coordinator, "the contributions page")
    coordinator.get_by_role("link", name="Accept or send back").click()
    coordinator.get_by_label("No, send it back").check()
    coordinator.get_by_role("button", name="Save decision").click()
    expect(coordinator.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(coordinator, "the decision page with an error")
    coordinator.get_by_label("Comment").fill(COMMENT)
    coordinator.get_by_role("button", name="Save decision").click()
    expect(coordinator.locator(f"#contribution-provision-{help_.pk}")).to_contain_text("Sent back")

    therapist.reload()
    expect(therapist.locator(f"#provision-{help_.pk}")).to_contain_text(COMMENT)
    therapist.goto(f"{base}/plans/{plan.pk}/contributions/")
    therapist.get_by_role("link", name="Change and send again").click()
    expect(therapist.locator("#returned-comment")).to_contain_text(COMMENT)
    assert_accessible(therapist, "the edit form of a returned part")
    therapist.locator("input[name=frequency]").fill("Once a week")
    therapist.locator("input[name=duration]").fill("30 minutes")
    therapist.get_by_role("button", name="Save").click()
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.PROPOSED

    coordinator.reload()
    coordinator.get_by_role("link", name="Accept or send back").click()
    coordinator.get_by_label("Yes, accept it into the plan").check()
    coordinator.get_by_role("button", name="Save decision").click()
    expect(coordinator.locator("#waiting-count")).to_have_text("Nothing is waiting for a decision.")
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.ACCEPTED
    therapist_context.close()
    coordinator_context.close()

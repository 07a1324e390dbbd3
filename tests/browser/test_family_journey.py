"""The family view in a real browser, checked by axe-core on every page (issue 18):

- a parent reads the plan and gives views before a review, and the coordinator accepts them;
- the coordinator records that a 17-year-old has capacity; the young person proposes an outcome
  and hides a part of the plan from their parents; the parent then does not see it; the
  coordinator accepts the outcome into the draft plan.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from goldenthread.web.family.models import CapacityDecision, FamilyIdea
from goldenthread.web.plans.models import ContributionStatus, Outcome, ThemeTag
from goldenthread.web.plans.services.plans import plan_amend
from tests.browser.conftest import assert_accessible
from tests.web import factories
from tests.web.access_world import World
from tests.web.family_world import family_world_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWS = "Ada is happier at school. Mornings are still hard for her."
OUTCOME = "By the summer I will get the bus to college on my own."


@pytest.fixture
def world(transactional_db: None) -> World:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return family_world_create()


def _signed_in(browser: Browser, base: str, username: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return context, page


def test_a_parent_gives_views_before_a_review_and_the_coordinator_accepts(
    browser: Browser, live_server: Any, world: World
) -> None:
    base = live_server.url
    parent_context, parent = _signed_in(browser, base, "parent")
    expect(parent.get_by_role("heading", level=1)).to_have_text("Ada's plan")
    expect(parent.get_by_role("link", name="Children", exact=True)).to_have_count(0)
    expect(parent.locator("#changes ~ .gt-family__card").first).to_contain_text("by July 2027")
    expect(parent.get_by_text("out of 5:")).to_be_visible()
    assert_accessible(parent, "the family's plan")
    parent.get_by_role("link", name="Tell us what you think").click()
    parent.get_by_role("button", name="Send").click()
    expect(parent.locator(".govuk-error-summary")).to_contain_text("Write what you want to tell us")
    assert_accessible(parent, "the views form with an error")
    parent.get_by_label("What do you want to tell us?").fill(VIEWS)
    parent.get_by_role("button", name="Send").click()
    expect(parent.locator(".govuk-notification-banner")).to_contain_text("Thank you")
    expect(parent.locator("#sent ~ .gt-family__card").first).to_contain_text("Waiting to be read")
    assert_accessible(parent, "the family's plan after sending views")

    coordinator_context, coordinator = _signed_in(browser, base, "coordinator")
    coordinator.goto(f"{base}/children/{world.child.pk}/")
    coordinator.get_by_role("link", name="Views and ideas from the family").click()
    expect(coordinator.get_by_role("heading", name="Waiting (1)")).to_be_visible()
    assert_accessible(coordinator, "what the family sent")
    coordinator.get_by_role("link", name="Accept or send back").click()
    assert_accessible(coordinator, "the decision on the family's views")
    coordinator.get_by_label("Yes, accept it").check()
    coordinator.get_by_role("button", name="Save").click()
    expect(coordinator.locator(".govuk-notification-banner")).to_contain_text("Accepted")
    expect(coordinator.get_by_role("heading", name="Decided (1)")).to_be_visible()
    assert FamilyIdea.objects.get().status == ContributionStatus.ACCEPTED

    parent.reload()
    expect(parent.locator("#sent ~ .gt-family__card").first).to_contain_text("Read and agreed")
    parent_context.close()
    coordinator_context.close()


def test_a_young_person_with_capacity_proposes_an_outcome_and_hides_a_part(
    browser: Browser, live_server: Any, world: World
) -> None:
    base = live_server.url
    draft = plan_amend(plan=world.area.thread.plan, user=world.people["coordinator"])
    need = draft.needs.get(text=world.area.thread.need.text)

    coordinator_context, coordinator = _signed_in(browser, base, "coordinator")
    coordinator.goto(f"{base}/children/{world.child.pk}/")
    coordinator.get_by_role("link", name="Capacity to make decisions").click()
    assert_accessible(coordinator, "the capacity page")
    coordinator.get_by_label("Yes, they have capacity").check()
    coordinator.get_by_label("Day").fill("1")
    coordinator.get_by_label("Month").fill("9")
    coordinator.get_by_label("Year").fill("2026")
    coordinator.get_by_label("Who made the decision").fill("Casey Coordinator, EHC coordinator")
    coordinator.get_by_label("An advocate").check()
    coordinator.get_by_role("button", name="Save the decision").click()
    expect(coordinator.locator(".govuk-error-summary")).to_contain_text("name of the person")
    assert_accessible(coordinator, "the capacity page with an error")
    coordinator.get_by_label("Supporter's name").fill("Sam Advocate")
    coordinator.get_by_role("button", name="Save the decision").click()
    expect(coordinator.locator(".govuk-notification-banner")).to_contain_text("saved")
    assert CapacityDecision.objects.get().has_capacity

    young_context, young = _signed_in(browser, base, "youngperson")
    expect(young.get_by_role("heading", level=1)).to_have_text("My plan")
    expect(young.get_by_text("Sam Advocate helps you to choose.")).to_be_visible()
    assert_accessible(young, "the young person's plan")
    young.get_by_role("link", name="Add a hope or a change you want").click()
    young.get_by_label("Something I want to change").check()
    young.get_by_label("Write it in your own words").fill(OUTCOME)
    young.get_by_role("button", name="Send").click()
    expect(young.locator(".govuk-notification-banner")).to_contain_text("Thank you")

    young.get_by_role("link", name="Choose what my parents see").click()
    assert_accessible(young, "choosing what parents see")
    young.locator(f'input[name="hide"][value="need:{need.pk}"]').check()
    young.get_by_role("button", name="Save").click()
    expect(young.locator(".govuk-notification-banner")).to_contain_text("Saved")
    expect(young.get_by_text("Your parents do not see this.")).to_be_visible()
    assert_accessible(young, "the young person's plan with a part kept back")

    parent_context, parent = _signed_in(browser, base, "parent")
    expect(parent.get_by_role("heading", level=1)).to_have_text("Ada's plan")
    expect(parent.get_by_text(need.text)).to_have_count(0)
    expect(parent.get_by_text(world.area.thread.unmet_need.text)).to_be_visible()
    assert_accessible(parent, "the parent's view without the part kept back")
    response = parent.goto(f"{base}/children/{world.child.pk}/")
    assert response is not None and response.status == 403

    coordinator.goto(f"{base}/plans/{draft.pk}/family-views/")
    coordinator.get_by_role("link", name="Accept or send back").click()
    coordinator.get_by_label("Yes, accept it").check()
    coordinator.get_by_label("Which part of the plan does the outcome go in?").select_option(
        "education"
    )
    coordinator.get_by_role("button", name="Save").click()
    expect(coordinator.locator(".govuk-notification-banner")).to_contain_text("added to the draft")
    outcome = Outcome.objects.get(plan=draft, text=OUTCOME)
    assert outcome.in_own_words and outcome.is_accepted

    young.reload()
    expect(young.locator("[data-own-words]", has_text=OUTCOME).first).to_be_visible()
    for context in (coordinator_context, young_context, parent_context):
        context.close()

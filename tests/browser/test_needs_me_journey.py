"""Work that finds you, in a real browser: a therapist proposes help; the coordinator's home
shows "1 contribution waiting" and an e-mail reaches a real SMTP server on loopback; the
coordinator sends it back; the therapist's home shows it with the comment; it is changed and
accepted; both homes are clear."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from goldenthread.web.accounts.models import OrganisationKind, Role, User
from goldenthread.web.plans.models import ThemeTag
from tests.browser.conftest import assert_accessible, browser_server
from tests.web import factories
from tests.web.mail_servers import Inbox, smtp_start

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HELP = "Speech and language therapy in a small group"
COMMENT = "Say how often, and for how long each time."
CLEAR = "Nothing needs you right now."


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    controller, inbox, port = smtp_start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.NOTIFICATIONS_EMAIL_SENDER = "smtp"
    yield inbox
    controller.stop()


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    area = factories.area_create()
    health = factories.organisation_create(name="Therapy", kind=OrganisationKind.HEALTH)
    therapist = factories.user_create(
        role=Role.HEALTH, username="therapist", organisation=health, first_name="Tara"
    )
    factories.relationship_create(child=area.child, person=therapist)
    User.objects.filter(pk=area.coordinator.pk).update(email="coordinator@example.org")
    return area


def _signed_in(browser: Browser, base: str, username: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    return context, page


@pytest.mark.skipif(
    browser_server() == "gunicorn",
    reason="changes settings in the test process, which a separate gunicorn cannot see",
)
def test_work_finds_the_coordinator_and_the_therapist(
    browser: Browser, live_server: Any, area: factories.Area, inbox: Inbox
) -> None:
    base, plan, child = live_server.url, area.thread.plan, area.child
    therapist_context, therapist = _signed_in(browser, base, "therapist")
    expect(therapist.locator("#needs-summary")).to_contain_text(CLEAR)
    therapist.goto(f"{base}/children/{child.pk}/")
    therapist.get_by_role("link", name="Add help (provision)").click()
    therapist.locator("textarea[name=description]").fill(HELP)
    therapist.locator('input[name="domain"][value="health"]').check()
    therapist.locator(f'input[name="outcomes"][value="{area.thread.unhelped_outcome.pk}"]').check()
    therapist.get_by_role("button", name="Save").click()
    expect(therapist.locator(".govuk-notification-banner")).to_contain_text("sent to the plan")

    coordinator_context, coordinator = _signed_in(browser, base, "coordinator")
    expect(coordinator.locator("#needs-summary")).to_contain_text("1 contribution waiting")
    assert_accessible(coordinator, "the coordinator's home")
    assert len(inbox.messages) == 1
    assert inbox.messages[0]["to"] == ["coordinator@example.org"]
    assert child.first_name not in inbox.messages[0]["data"]
    coordinator.locator("#waiting").locator("xpath=..").get_by_role("link").first.click()
    coordinator.get_by_role("link", name="Accept or send back").click()
    coordinator.get_by_label("No, send it back").check()
    coordinator.get_by_label("Comment").fill(COMMENT)
    coordinator.get_by_role("button", name="Save decision").click()

    therapist.goto(f"{base}/")
    expect(therapist.locator("#needs-summary")).to_contain_text("1 part sent back to you")
    expect(therapist.locator("section[aria-labelledby=returned]")).to_contain_text(COMMENT)
    assert_accessible(therapist, "the therapist's home with a part sent back")
    therapist.locator("section[aria-labelledby=returned]").get_by_role("link").first.click()
    therapist.get_by_role("link", name="Change and send again").click()
    therapist.locator("input[name=frequency]").fill("Once a week")
    therapist.locator("input[name=duration]").fill("30 minutes")
    therapist.get_by_role("button", name="Save").click()

    coordinator.goto(f"{base}/")
    expect(coordinator.locator("#needs-summary")).to_contain_text("1 contribution waiting")
    coordinator.goto(f"{base}/plans/{plan.pk}/contributions/")
    coordinator.get_by_role("link", name="Accept or send back").click()
    coordinator.get_by_label("Yes, accept it into the plan").check()
    coordinator.get_by_role("button", name="Save decision").click()

    coordinator.goto(f"{base}/")
    expect(coordinator.locator("#needs-summary")).to_contain_text(CLEAR)
    therapist.goto(f"{base}/")
    expect(therapist.locator("#needs-summary")).to_contain_text(CLEAR)
    therapist_context.close()
    coordinator_context.close()

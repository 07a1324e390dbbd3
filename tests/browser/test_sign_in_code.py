"""Two-factor sign-in in a real browser, checked by axe-core, with no CSP violations anywhere."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pyotp
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from goldenthread.web.plans.models import ThemeTag
from goldenthread.web.security import signin_codes
from tests.browser.conftest import assert_accessible, browser_server
from tests.web import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return factories.area_create()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


class CspWatch:
    """Console errors and security policy violations seen on every page."""

    def __init__(self, page: Page) -> None:
        self.console: list[str] = []
        page.on(
            "console",
            lambda message: (
                self.console.append(message.text)
                if "Content Security Policy" in message.text or "Refused to" in message.text
                else None
            ),
        )

    def assert_clean(self, page: Page, where: str) -> None:
        violations = page.evaluate("window.__cspViolations || []")
        assert not violations, f"CSP violations on {where}: {violations}"
        assert not self.console, f"CSP console errors on {where}: {self.console}"


def test_sign_in_with_a_code_is_accessible_and_breaks_no_policy(
    context: BrowserContext, live_server: Any, area: factories.Area
) -> None:
    code = signin_codes.sign_in_code_start(user=area.coordinator)
    totp = pyotp.TOTP(code.secret)
    # Switched on with the code from the step before, so the current code is still unused.
    assert signin_codes.sign_in_code_check(code=code, typed=totp.at(time.time() - 30)) == ""
    page = context.new_page()
    watch = CspWatch(page)

    page.goto(f"{live_server.url}/sign-in/")
    expect(page.locator("body.js-enabled.govuk-frontend-supported")).to_have_count(1)
    watch.assert_clean(page, "the sign-in page")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    assert_accessible(page, "the sign-in code step")
    watch.assert_clean(page, "the sign-in code step")
    page.get_by_label("Code from your app").fill("000000")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "the sign-in code step with an error")

    page.get_by_label("Code from your app").fill(totp.now())
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    page.get_by_role("link", name="Children", exact=True).click()
    watch.assert_clean(page, "the caseload")

    page.get_by_role("link", name=area.child.full_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(area.child.full_name)
    watch.assert_clean(page, "the child's page")
    page.get_by_role("link", name="Edit outcome 1").click()
    watch.assert_clean(page, "the outcome form")

    page.goto(f"{live_server.url}/account/sign-in-code/")
    assert_accessible(page, "the sign-in code page")
    watch.assert_clean(page, "the sign-in code page")


def test_setting_up_a_code_shows_the_qr_code_without_breaking_the_policy(
    context: BrowserContext, live_server: Any, area: factories.Area
) -> None:
    page = context.new_page()
    watch = CspWatch(page)
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/account/sign-in-code/")
    qr = page.get_by_role("img", name="QR code to scan with your authenticator app")
    expect(qr).to_be_visible()
    assert page.evaluate("document.querySelector('img.gt-qr-code').naturalWidth") > 0
    assert_accessible(page, "setting up a sign-in code")
    watch.assert_clean(page, "setting up a sign-in code")


@pytest.mark.skipif(
    browser_server() == "gunicorn",
    reason="changes settings in the test process, which a separate gunicorn cannot see",
)
def test_with_the_code_required_a_professional_sets_one_up_before_anything_else(
    context: BrowserContext, live_server: Any, area: factories.Area, settings: Any
) -> None:
    settings.SIGN_IN_CODE_REQUIRED = True  # as in production and development (ADR 0016)
    page = context.new_page()
    watch = CspWatch(page)
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up a sign-in code")
    page.goto(f"{live_server.url}/children/{area.child.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up a sign-in code")
    assert_accessible(page, "the required set-up page")
    watch.assert_clean(page, "the required set-up page")
    # The key used to be joined to its markup with ~, which escaped the markup: the page showed
    # "<br><code class=...>" as text and there was no code element to read.
    assert "<code" not in page.locator("main").inner_text()
    secret = page.locator("code.gt-secret").inner_text().replace(" ", "")
    page.get_by_label("Code from your app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on sign-in code").click()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    page.get_by_role("link", name="Children", exact=True).click()
    page.goto(f"{live_server.url}/account/sessions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Where you are signed in")
    assert_accessible(page, "your sessions")
    watch.assert_clean(page, "your sessions")

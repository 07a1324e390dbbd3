"""The plan workspace in a real browser, checked by axe-core: live feedback flags a weak outcome;
the builder makes a better one; help (provision) is linked, the gaps shrink, and the plan is issued
and read back as a PDF and a Word document."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from goldenthread.web.plans.models import Outcome, ThemeTag
from goldenthread.web.plans.services.plans import plan_save
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


def _coordinator_signed_in(browser: Browser, base: str) -> Page:
    """A new page signed in as the area's coordinator (axe is injected inline: no CSP)."""
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    return page


def test_live_feedback_flags_a_weak_outcome_and_the_fixed_one_is_saved(
    browser: Browser, live_server: Any, area: factories.Area
) -> None:
    base = live_server.url
    page = _coordinator_signed_in(browser, base)
    page.get_by_role("link", name="Children", exact=True).click()

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


# The learned judge is unsure whether this says exactly what will change (docs/adr/0062).
UNSURE = "Sam will take part in group work in class."


def test_live_feedback_says_not_sure_where_the_judge_is_unsure(
    browser: Browser, live_server: Any, area: factories.Area
) -> None:
    page = _coordinator_signed_in(browser, live_server.url)
    page.goto(f"{live_server.url}/plans/{area.thread.plan.pk}/outcomes/add/")
    page.locator("textarea[name=text]").press_sequentially(UNSURE, delay=2)
    expect(page.locator("#gt-feedback-status")).to_contain_text(
        re.compile("worth a second look", re.IGNORECASE)
    )
    unsure = page.locator("#quality li", has=page.locator(".gt-feedback__unsure"))
    expect(unsure).to_have_count(1)
    expect(unsure.locator(".govuk-tag")).to_have_text("Not sure")
    expect(page.locator("#quality .gt-feedback__second-look")).to_contain_text(
        "our checks are not sure about whether it says exactly what will change"
    )
    assert_accessible(page, "the outcome form saying a check is not sure")


BUILT_PARTS = {
    "when": "the end of Year 6",
    "action": "walk to the bus stop with a friend",
    "measure": "4 days out of 5",
    "context": "after school",
}
HELP = "Physiotherapy exercises to build stamina, planned with the PE teacher"


def _gap_count(page: Page) -> int:
    return page.locator("#gaps li").count()


def test_coordinator_builds_a_linked_outcome_and_issues_the_plan(
    browser: Browser, live_server: Any, area: factories.Area, tmp_path: Path
) -> None:
    """Sign in → child → weak outcome flagged → fixed with the builder → provision linked →
    fewer gaps → plan issued → the PDF and the Word document read back; axe on every page."""
    plan = plan_save(area.thread.plan, user=None, fields={"status": "draft", "issued_on": None})
    child = area.child
    base = live_server.url
    page = browser.new_context(bypass_csp=True, accept_downloads=True).new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    page.get_by_role("link", name="Children", exact=True).click()
    assert_accessible(page, "the caseload")

    page.get_by_role("link", name=child.full_name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(child.full_name)
    assert_accessible(page, "the child's page")
    page.get_by_role("link", name="See the golden thread: a diagram, a table and every gap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The golden thread of this plan")
    gaps_before = _gap_count(page)
    assert gaps_before == 4
    assert_accessible(page, "the golden thread")
    page.get_by_role("link", name="Back").click()

    page.get_by_role("link", name="Add an outcome").click()
    page.locator("textarea[name=text]").press_sequentially(WEAK, delay=5)
    expect(page.locator("#gt-feedback-status")).to_contain_text("Not SMART yet")
    expect(page.locator('#quality li[data-status="fail"]').first).to_be_visible()
    assert_accessible(page, "the outcome form flagging a weak outcome")

    page.get_by_role("link", name="Build an outcome step by step instead").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Build an outcome step by step")
    page.get_by_label(f"Need: {area.thread.unmet_need.text}").check()
    for name, words in BUILT_PARTS.items():
        page.locator(f"input[name={name}]").fill(words)
    page.get_by_role("button", name="Check this outcome").click()
    expect(page.locator("#built-outcome")).to_contain_text("walk to the bus stop")
    expect(page.locator("#gt-feedback-status")).to_have_text("This outcome is SMART.")
    assert_accessible(page, "the builder with a checked outcome")
    page.get_by_role("button", name="Save outcome").click()
    expect(page.locator("#saved")).to_be_visible()
    built = Outcome.objects.get(plan=plan, text__contains="walk to the bus stop with a friend")
    assert list(built.needs.all()) == [area.thread.unmet_need]
    assert_accessible(page, "the builder after saving")

    page.locator("#add-provision").click()
    expect(page.locator(f'input[name="outcomes"][value="{built.pk}"]')).to_be_checked()
    page.locator(f'input[name="outcomes"][value="{area.thread.unhelped_outcome.pk}"]').check()
    page.locator("textarea[name=description]").fill(HELP)
    page.locator('input[name="domain"][value="health"]').check()
    assert_accessible(page, "the provision form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(child.full_name)

    page.get_by_role("link", name="See the golden thread: a diagram, a table and every gap").click()
    assert _gap_count(page) == gaps_before - 2
    page.get_by_role("link", name="Back").click()

    page.get_by_role("link", name="Issue the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Issue the plan")
    assert_accessible(page, "the issue page")
    page.get_by_role("button", name="Issue the plan").click()
    expect(page.locator("#issued")).to_be_visible()
    assert_accessible(page, "the issued plan")

    with page.expect_download() as pdf_download:
        page.locator("#download-pdf").click()
    pdf_path = tmp_path / "plan.pdf"
    pdf_download.value.save_as(pdf_path)
    reader = PdfReader(pdf_path)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    positions = [text.index(f"Section {letter}:") for letter in "ABCDEFGHIJK"]
    assert positions == sorted(positions)
    assert "walk to the bus stop with a friend" in text and HELP[:40] in text
    assert "Issued on" in text

    with page.expect_download() as docx_download:
        page.locator("#download-docx").click()
    docx_path = tmp_path / "plan.docx"
    docx_download.value.save_as(docx_path)
    paragraphs = [p.text for p in Document(str(docx_path)).paragraphs]
    assert built.text in paragraphs and HELP in paragraphs

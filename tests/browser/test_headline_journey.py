"""Issue 22: a leader opens the headline page on a demo area, sees every question answered with
figures for three school years, follows a figure to the dashboard behind it, and downloads the
self-evaluation report, which opens with the summary (read back from the PDF). axe-core checks
each page."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from goldenthread.web.accounts.models import User
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.plans.demo.builder import area_seed
from tests.browser.conftest import assert_accessible
from tests.web import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
DEMO_CHILDREN = 400
QUESTIONS = 7


@pytest.fixture
def leader(transactional_db: None) -> User:
    area_seed(children=DEMO_CHILDREN, seed=22, today=timezone.localdate())
    facts_refresh()  # as the seed command does: the fact dashboards have figures
    user = User.objects.get(username="leader")
    user.set_password(factories.PASSWORD)
    user.save()
    return user


def test_a_leader_reads_the_headline_answers_and_the_report_summary(
    browser: Browser, live_server: Any, leader: User
) -> None:
    base = live_server.url
    context = browser.new_context(bypass_csp=True, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(leader.username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{base}/insights/")
    page.get_by_role("link", name="How the area is doing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How the area is doing")
    assert page.locator("[data-question]").count() == QUESTIONS
    latest = timezone.localdate().year - (1 if timezone.localdate().month >= 9 else 2)
    expect(page.locator("[data-measure='met'] [data-sentence]")).to_contain_text(
        f"in {latest} to {latest + 1}"
    )
    shown = page.locator("[data-measure='met'] td").all_inner_texts()
    assert len(shown) == 3 and all(text.replace(".", "").isdigit() for text in shown)
    assert_accessible(page, "the headline page")

    page.locator("[data-measure='on-time']").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review timeliness")

    # Every figure on the What works dashboard compares three school years (issue 22, item 2).
    page.goto(f"{base}/insights/attainment/")
    trends = page.locator("[data-year-on-year]")
    assert trends.count() == page.locator("section[aria-labelledby]").count() > 0
    first = trends.first
    expect(first.get_by_role("columnheader").last).to_contain_text("Compared with")
    assert any(
        text.startswith(("Up", "Down", "No change"))
        for text in first.locator("td:last-child").all_inner_texts()
    )
    assert_accessible(page, "a dashboard with year on year tables")

    page.goto(f"{base}/insights/report/")
    # Every dashboard's figures and year on year tables: slow to typeset on a loaded machine.
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("link", name="Download this report (PDF)").click(timeout=180_000)
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    opening = pdf.pages[0].extract_text()
    assert "Summary" in opening and "What got better" in opening
    assert dt.date.today().year >= latest
    context.close()

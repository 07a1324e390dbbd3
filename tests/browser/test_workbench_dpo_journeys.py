"""Issue 18 journeys, axe-core clean on every page:

- a quality lead uploads 200 statements, filters to "not time-bound", downloads the result,
  and goes from a dashboard figure to its outcomes (and from a hidden one to why);
- a data protection officer finds a child by name and downloads a readable copy that lists
  every look.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import Role
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.plans.models import Child, Outcome
from goldenthread.web.workbench.models import QualityUploadRow
from tests.browser.conftest import assert_accessible
from tests.web import factories
from tests.web.insights_world import InsightsWorld, insights_world_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ACTIVITIES = ("read 20 words aloud", "say hello to two friends", "put on my coat", "count to 50")
WHEN = ("By July 2027, ", "By the end of Year 6, ", "", "")


def _statements(tmp_path: Path) -> tuple[Path, int]:
    """200 statements; half say by when. Returns the file and how many do not."""
    path = tmp_path / "statements.csv"
    untimed = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "text"])
        for n in range(200):
            when = WHEN[n % 4]
            untimed += not when
            writer.writerow([f"S{n + 1}", f"{when}I will {ACTIVITIES[n % 3]} at school {n} times."])
    return path, untimed


def _sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def world(transactional_db: None) -> InsightsWorld:
    made = insights_world_create()
    Child.objects.filter(current_setting=made.tiny_school).update(current_setting=made.big_school)
    for index, child in enumerate(made.children):
        smart = None if index < 2 else index % 3 != 0
        Outcome.objects.filter(plan__child=child).update(quality_smart=smart)
    facts_refresh()
    return made


def test_a_quality_lead_checks_a_file_filters_downloads_and_drills(
    browser: Browser, live_server: Any, world: InsightsWorld, tmp_path: Path
) -> None:
    base = live_server.url
    page = browser.new_context(bypass_csp=True, accept_downloads=True).new_page()
    _sign_in(page, base, world.quality_lead.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your quality workbench")
    assert_accessible(page, "the quality lead's workbench")

    path, untimed = _statements(tmp_path)
    page.get_by_label("Upload a file of outcome statements").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Results for statements.csv")
    expect(page.locator("[data-summary]")).to_contain_text("of 200 statements are SMART")
    assert_accessible(page, "the results of a checked file")

    page.get_by_label("Check").select_option(label="Fails: Says by when")
    page.get_by_role("button", name="Show results").click()
    failing = QualityUploadRow.objects.filter(failing__contains=",time_bound,").count()
    assert failing >= untimed  # every statement with no "by when" fails the check
    expect(page.locator("[data-matching]")).to_have_text(f"{failing} statements match.")
    assert_accessible(page, "the results filtered to not time-bound")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download these results (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == failing + 1
    assert all("Says by when" in row[6] for row in rows[1:])

    page.get_by_role("link", name="Back to your workbench").click()
    page.get_by_role("link", name="Outcome quality figures").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Outcome quality")
    assert_accessible(page, "the quality dashboard with links to outcomes")
    page.get_by_role("link", name="outcomes: Brook Lane Primary, SMART").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Outcomes to check")
    expect(page.locator("[data-drill]")).to_contain_text("Brook Lane Primary, SMART")
    smart = Outcome.objects.filter(quality_smart=True, plan__child__local_authority=world.area)
    expect(page.locator("[data-matching]")).to_have_text(f"{smart.count()} outcomes match.")
    assert_accessible(page, "the outcomes behind a dashboard figure")
    html = page.content()
    for name in world.names:
        assert name not in html

    page.go_back()
    page.get_by_role("link", name="outcomes: Brook Lane Primary, Not checked").first.click()
    expect(page.locator("[data-drill-message]")).to_contain_text("This number is hidden")
    assert_accessible(page, "a hidden dashboard figure's explanation")

    page.goto(f"{base}/outcomes-to-check/?verdict=not_smart")
    assert_accessible(page, "outcomes to check, filtered")


def test_a_dpo_finds_a_child_by_name_and_downloads_a_readable_copy(
    browser: Browser, live_server: Any, transactional_db: None
) -> None:
    area = factories.area_create()
    dpo = factories.user_create(role=Role.DPO, organisation=area.local_authority)
    audit_event_record(
        person=area.coordinator,
        action=AuditAction.VIEW,
        child_id=area.child.pk,
        object_type="child",
        url_name="child",
    )
    base = live_server.url
    page = browser.new_context(bypass_csp=True, accept_downloads=True).new_page()
    _sign_in(page, base, dpo.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a child's record")
    assert_accessible(page, "find a child")

    page.get_by_label("Name").fill("ada lovelace")
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_role("table")).to_contain_text("Ada Lovelace-Example")
    assert_accessible(page, "the records found")
    page.get_by_role("link", name="Who has looked, and their copy").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ada Lovelace-Example")
    expect(page.get_by_role("table")).to_contain_text("They work with the child")
    assert_accessible(page, "the child's trail")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the copy (PDF)").click()
    reader = PdfReader(info.value.path())
    words = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Who has looked at or changed the record" in words
    assert "EHC coordinator at" in words and "They work with the child" in words
    assert "Data protection officer" in words  # the officer's own looks are listed too
    for bookkeeping in ("Row version", "Is synthetic", "T0", "+00:00"):
        assert bookkeeping not in words

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the copy (web page)").click()
    copy = browser.new_context(bypass_csp=True).new_page()
    copy.set_content(Path(info.value.path()).read_text(encoding="utf-8"))
    expect(copy.get_by_role("heading", level=1)).to_contain_text("Ada Lovelace-Example")
    assert_accessible(copy, "the family's copy as a web page")

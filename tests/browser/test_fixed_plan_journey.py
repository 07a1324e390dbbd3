"""Issued means fixed, in a real browser (issue 16): issue a plan, try to edit it (refused, with
"Amend: start a new version"), amend it, edit the new version, issue it, then download both
versions from the versions page and see each is exactly the document stored when it was issued."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from goldenthread.web.plans.models import IssuedDocument, Plan, ThemeTag
from goldenthread.web.plans.services.plans import plan_save
from tests.browser.conftest import assert_accessible
from tests.web import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_NEED = "Ada needs a quiet place to calm down after lunch."


@pytest.fixture
def area(transactional_db: None) -> factories.Area:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    return factories.area_create()


def _issue(page: Page, base: str, plan: Plan) -> None:
    page.goto(f"{base}/plans/{plan.pk}/issue/")
    page.get_by_role("button", name="Issue the plan").click()
    expect(page.locator("#issued")).to_be_visible()


def _pdf(page: Page, link: Any, path: Path) -> bytes:
    with page.expect_download() as download:
        link.click()
    download.value.save_as(path)
    return path.read_bytes()


def test_issue_refuse_amend_edit_reissue_and_download_both_versions(
    browser: Browser, live_server: Any, area: factories.Area, tmp_path: Path
) -> None:
    v1 = plan_save(area.thread.plan, user=None, fields={"status": "draft", "issued_on": None})
    base = live_server.url
    page = browser.new_context(bypass_csp=True, accept_downloads=True).new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    _issue(page, base, v1)
    page.goto(f"{base}/children/{area.child.pk}/?plan={v1.pk}")
    expect(page.locator("#plan-fixed")).to_be_visible()
    expect(page.get_by_role("link", name="Add a need")).to_have_count(0)
    assert_accessible(page, "an issued plan")

    for tried in ("edit/", "needs/add/"):  # the plan's details and a part: a saved link or a guess
        page.goto(f"{base}/plans/{v1.pk}/{tried}")
        expect(page.get_by_role("heading", level=1)).to_have_text("This plan has been issued")
    assert_accessible(page, "the refusal")
    page.get_by_role("link", name="Amend: start a new version").click()
    page.get_by_role("button", name="Start a new version").click()
    v2 = Plan.objects.get(previous_version=v1)
    expect(page.get_by_role("link", name="Add a need")).to_be_visible()

    page.get_by_role("link", name="Add a need").click()
    page.locator("textarea[name=text]").fill(NEW_NEED)
    page.locator('input[name="area"]').first.check()
    page.locator('input[name="domain"][value="education"]').check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(NEW_NEED).first).to_be_visible()
    _issue(page, base, v2)

    page.goto(f"{base}/plans/{v2.pk}/versions/")
    assert_accessible(page, "the versions page")
    got = {}
    for version in (v1, v2):
        link = page.get_by_role("link", name=f"PDF document for version {version.version}")
        got[version.pk] = _pdf(page, link, tmp_path / f"v{version.version}.pdf")
        word = page.get_by_role("link", name=f"Word document for version {version.version}")
        docx = _pdf(page, word, tmp_path / f"v{version.version}.docx")
        stored_word = IssuedDocument.objects.get(plan=version, format="docx")
        assert docx == bytes(stored_word.content)
        assert hashlib.sha256(docx).hexdigest() == stored_word.sha256
    for version in (v1, v2):
        stored = IssuedDocument.objects.get(plan=version, format="pdf")
        assert got[version.pk] == bytes(stored.content)
        assert hashlib.sha256(got[version.pk]).hexdigest() == stored.sha256
    # Nothing changed the first version's record after it was issued.
    v1.refresh_from_db()
    assert v1.is_fixed and not v1.needs.filter(text=NEW_NEED).exists()
    texts = {
        pk: " ".join(
            " ".join((p.extract_text() or "").split())
            for p in PdfReader(tmp_path / f"v{Plan.objects.get(pk=pk).version}.pdf").pages
        )
        for pk in got
    }
    assert NEW_NEED in texts[v2.pk] and NEW_NEED not in texts[v1.pk]

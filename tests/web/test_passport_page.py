"""The passport page and its PDF: what a new professional reads, and what is logged."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from goldenthread.web.access.models import (
    AuditAction,
    AuditEvent,
    AuditResult,
    ChildPrivacy,
    ParentsCanSee,
)
from goldenthread.web.passport.selectors import PROGRESS_WORDS
from goldenthread.web.plans.models import ContributionStatus, Outcome, Provision
from tests.web import factories
from tests.web.access_world import world_create
from tests.web.conftest import PageClient

pytestmark = pytest.mark.django_db


def _url(child_id: int, tail: str = "passport/") -> str:
    return f"/children/{child_id}/{tail}"


def test_the_passport_shows_who_i_am_hopes_outcomes_help_and_what_is_next(
    coordinator_page: PageClient, area: factories.Area
) -> None:
    factories.all_about_me_create(child=area.child, important_to_me="My dog, Biscuit.")
    Outcome.objects.filter(pk=area.thread.outcome.pk).update(achievement_status="improving")
    text = coordinator_page.get(_url(area.child.pk)).text
    for expected in (
        "Who I am",
        "My dog, Biscuit.",
        area.thread.hope.text,
        area.thread.outcome.text,
        area.thread.unhelped_outcome.text,
        PROGRESS_WORDS["improving"][0],
        "16 July 2027",
        area.thread.help.description,
        "Coming up",
    ):
        assert expected in text, expected
    assert area.other_child.full_name not in text


def test_outcomes_are_grouped_by_theme(coordinator_page: PageClient, area: factories.Area) -> None:
    html = coordinator_page.get(_url(area.child.pk)).html
    headings = [h.get_text(strip=True) for h in html.select("#outcomes ~ h3, section h3")]
    assert "Other outcomes" in headings
    assert any(h != "Other outcomes" for h in headings)


def test_a_parent_who_may_not_see_all_about_me_does_not_see_it_on_the_passport(
    page: PageClient,
) -> None:
    world = world_create()
    factories.all_about_me_create(child=world.child, important_to_me="A private thing.")
    ChildPrivacy.objects.create(child=world.child, parents_can_see=ParentsCanSee.PLAN)
    page.sign_in(world.people["parent"])
    text = page.get(_url(world.child.pk)).text
    assert "A private thing." not in text
    assert world.area.thread.outcome.text in text


def test_a_look_at_the_passport_is_logged(
    coordinator_page: PageClient, area: factories.Area
) -> None:
    coordinator_page.get(_url(area.child.pk))
    event = AuditEvent.objects.get(action=AuditAction.VIEW, url_name="passport")
    assert (event.child_id, event.person_id) == (area.child.pk, area.coordinator.pk)


def test_the_pdf_is_a_real_pdf_of_at_most_two_pages_with_the_outcomes(
    coordinator_page: PageClient, area: factories.Area
) -> None:
    response = coordinator_page.get(_url(area.child.pk, "passport.pdf")).response
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert 1 <= len(reader.pages) <= 2
    words = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for outcome in (area.thread.outcome, area.thread.unhelped_outcome):
        assert outcome.text in words
    printed = AuditEvent.objects.filter(action=AuditAction.PRINT, child_id=area.child.pk)
    assert printed.count() == 1


def test_someone_with_no_reason_gets_not_found(page: PageClient, area: factories.Area) -> None:
    page.sign_in(area.stranger)
    page.get(_url(area.child.pk), status=404)
    page.get(_url(area.child.pk, "passport.pdf"), status=404)
    tried = AuditEvent.objects.filter(person=area.stranger, child=area.child)
    assert set(tried.values_list("result", flat=True)) == {AuditResult.REFUSED}  # no look


SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "passport-v1.schema.json"


def test_the_json_export_follows_the_versioned_schema_and_is_logged(
    coordinator_page: PageClient, area: factories.Area
) -> None:
    factories.all_about_me_create(child=area.child, important_to_me="My dog, Biscuit.")
    response = coordinator_page.get(_url(area.child.pk, "passport.json")).response
    data = json.loads(response.content)
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    texts = {o["text"] for plan in data["plans"] for o in plan["outcomes"]}
    assert area.thread.outcome.text in texts
    assert data["all_about_me"]["important_to_me"] == "My dog, Biscuit."
    exported = AuditEvent.objects.filter(action=AuditAction.EXPORT, child_id=area.child.pk)
    assert exported.count() == 1


def test_parts_waiting_for_the_coordinator_are_not_on_the_passport_or_in_the_record(
    coordinator_page: PageClient, area: factories.Area
) -> None:
    waiting, returned = area.thread.outcome, area.thread.help
    Outcome.objects.filter(pk=waiting.pk).update(contribution_status=ContributionStatus.PROPOSED)
    Provision.objects.filter(pk=returned.pk).update(contribution_status=ContributionStatus.RETURNED)
    text = coordinator_page.get(_url(area.child.pk)).text
    assert waiting.text not in text and returned.description not in text
    assert area.thread.unhelped_outcome.text in text
    record = coordinator_page.get(_url(area.child.pk, "passport.json")).response.content.decode()
    assert waiting.text not in record and returned.description not in record
    assert area.thread.unhelped_outcome.text in record

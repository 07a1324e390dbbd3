"""Adding, editing and archiving each part of a plan's golden thread through its pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import models

from goldenthread.web.formfields import DATE_INCOMPLETE, DATE_INVALID
from goldenthread.web.plans.forms import END_BEFORE_START
from goldenthread.web.plans.models import Aspiration, Need, Outcome, Provision, Step
from tests.web.conftest import Page, PageClient
from tests.web.factories import Area
from tests.web.pagecheck import error_summary_links, field_error

# kind: (model, the text field, what a new one needs besides its text)
KINDS: dict[str, tuple[type[models.Model], str, dict[str, str]]] = {
    "aspirations": (Aspiration, "text", {}),
    "needs": (Need, "text", {"area": "cognition_and_learning", "domain": "education"}),
    "outcomes": (Outcome, "text", {"domain": "education"}),
    "provision": (Provision, "description", {"domain": "health"}),
    "steps": (Step, "text", {}),
}


def add_url(area: Area, kind: str) -> str:
    plan = area.thread.plan
    if kind == "steps":
        return f"/plans/{plan.pk}/outcomes/{area.thread.outcome.pk}/steps/add/"
    return f"/plans/{plan.pk}/{kind}/add/"


def existing(area: Area, kind: str) -> Any:
    thread = area.thread
    return {
        "aspirations": thread.hope,
        "needs": thread.need,
        "outcomes": thread.outcome,
        "provision": thread.help,
        "steps": thread.step,
    }[kind]


def part_url(area: Area, kind: str, action: str) -> str:
    return f"/plans/{area.thread.plan.pk}/{kind}/{existing(area, kind).pk}/{action}/"


def submit(page: PageClient, url: str, changes: dict[str, Any], *, status: int = 302) -> Page:
    """Open the form, change some boxes, and press Save, as a person would."""
    values = page.get(url).form()
    values.update(changes)
    return page.post(url, values, status=status)


@pytest.mark.parametrize("kind", KINDS)
def test_add_a_part(coordinator_page: PageClient, area: Area, kind: str) -> None:
    model, text_field, required = KINDS[kind]
    words = f"A new {kind} written in a test."
    saved = submit(coordinator_page, add_url(area, kind), {text_field: words, **required})
    plan = area.thread.plan
    assert saved.redirect_url == f"/children/{area.child.pk}/?plan={plan.pk}"
    record = model.objects.get(**{text_field: words})
    assert (record.outcome.plan if kind == "steps" else record.plan) == plan
    assert words in coordinator_page.follow(saved).text


@pytest.mark.parametrize("kind", KINDS)
def test_edit_a_part(coordinator_page: PageClient, area: Area, kind: str) -> None:
    _, text_field, _ = KINDS[kind]
    record = existing(area, kind)
    form = coordinator_page.get(part_url(area, kind, "edit"))
    assert form.form()[text_field] == getattr(record, text_field)
    assert form.form()["row_version"] == "1"
    submit(coordinator_page, part_url(area, kind, "edit"), {text_field: "Changed in a test."})
    record.refresh_from_db()
    assert getattr(record, text_field) == "Changed in a test."
    assert record.row_version == 2


@pytest.mark.parametrize("kind", KINDS)
def test_archive_a_part_keeps_it(coordinator_page: PageClient, area: Area, kind: str) -> None:
    model, text_field, _ = KINDS[kind]
    record = existing(area, kind)
    words = getattr(record, text_field)
    confirm = coordinator_page.get(part_url(area, kind, "archive"))
    assert words[:80] in confirm.html.select_one(".govuk-inset-text").get_text()
    assert record.archived_at is None
    done = coordinator_page.post(part_url(area, kind, "archive"))
    record.refresh_from_db()
    assert record.archived_at is not None
    assert model.objects.filter(pk=record.pk).exists()
    assert words not in coordinator_page.follow(done).text


@pytest.mark.parametrize("kind", KINDS)
def test_the_words_are_required(coordinator_page: PageClient, area: Area, kind: str) -> None:
    _, text_field, required = KINDS[kind]
    refused = submit(
        coordinator_page, add_url(area, kind), {text_field: "  ", **required}, status=400
    )
    assert list(error_summary_links(refused.html).values()) == [text_field]
    assert field_error(refused.html, text_field)


def test_a_need_must_say_its_area_and_service(coordinator_page: PageClient, area: Area) -> None:
    refused = submit(coordinator_page, add_url(area, "needs"), {"text": "Reading"}, status=400)
    assert error_summary_links(refused.html) == {
        "Select broad area of need": "area",
        "Select which service": "domain",
    }
    assert not Need.objects.filter(text="Reading").exists()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2027", DATE_INVALID),
        ("1", "13", "2027", DATE_INVALID),
        ("x", "1", "2027", DATE_INVALID),
        ("1", "", "2027", DATE_INCOMPLETE),
    ],
)
def test_a_bad_date_links_to_the_day_box(
    coordinator_page: PageClient, area: Area, day: str, month: str, year: str, message: str
) -> None:
    url = part_url(area, "outcomes", "edit")
    refused = submit(
        coordinator_page,
        url,
        {"due_date-day": day, "due_date-month": month, "due_date-year": year, "text": "Not saved"},
        status=400,
    )
    assert error_summary_links(refused.html) == {message: "due_date-day"}
    assert field_error(refused.html, "due_date-day") == message
    assert refused.form()["due_date-day"] == day  # what they typed is kept to fix
    area.thread.outcome.refresh_from_db()
    assert area.thread.outcome.text != "Not saved"


def test_provision_must_end_after_it_starts(coordinator_page: PageClient, area: Area) -> None:
    refused = submit(
        coordinator_page,
        part_url(area, "provision", "edit"),
        {
            "start_date-day": "1",
            "start_date-month": "9",
            "start_date-year": "2027",
            "end_date-day": "1",
            "end_date-month": "9",
            "end_date-year": "2026",
        },
        status=400,
    )
    assert error_summary_links(refused.html) == {END_BEFORE_START: "end_date-day"}


def test_outcome_links_offer_only_this_plans_live_parts(
    coordinator_page: PageClient, area: Area
) -> None:
    area.thread.unmet_need.archived_at = area.thread.plan.created_at
    area.thread.unmet_need.save()
    form = coordinator_page.get(part_url(area, "outcomes", "edit")).html
    offered = {int(box["value"]) for box in form.select("input[name=needs]")}
    assert offered == {area.thread.need.pk}
    ticked = {int(box["value"]) for box in form.select("input[name=needs][checked]")}
    assert ticked == {area.thread.need.pk}


def test_a_guessed_link_to_another_plans_need_is_refused(
    coordinator_page: PageClient, area: Area
) -> None:
    foreign = area.other_thread.need.pk
    refused = submit(
        coordinator_page, part_url(area, "outcomes", "edit"), {"needs": [str(foreign)]}, status=400
    )
    assert list(error_summary_links(refused.html).values()) == ["needs"]
    assert list(area.thread.outcome.needs.all()) == [area.thread.need]


def test_ticking_links_and_themes_saves_them(coordinator_page: PageClient, area: Area) -> None:
    thread = area.thread
    submit(
        coordinator_page,
        part_url(area, "outcomes", "edit"),
        {
            "needs": [str(thread.need.pk), str(thread.unmet_need.pk)],
            "aspirations": [str(thread.lonely_hope.pk)],
            "themes": ["1", "3"],
        },
    )
    outcome = Outcome.objects.get(pk=thread.outcome.pk)
    assert set(outcome.needs.all()) == {thread.need, thread.unmet_need}
    assert list(outcome.aspirations.all()) == [thread.lonely_hope]
    assert sorted(outcome.themes.values_list("number", flat=True)) == [1, 3]


def test_unticking_every_link_clears_them(coordinator_page: PageClient, area: Area) -> None:
    values = coordinator_page.get(part_url(area, "provision", "edit")).form()
    values.pop("outcomes")
    values.pop("needs")
    coordinator_page.post(part_url(area, "provision", "edit"), values)
    assert not area.thread.help.outcomes.exists()
    assert not area.thread.help.needs.exists()


def test_an_unknown_kind_of_part_is_not_found(coordinator_page: PageClient, area: Area) -> None:
    coordinator_page.get(f"/plans/{area.thread.plan.pk}/reviews/add/", status=404)
    coordinator_page.get(f"/plans/{area.thread.plan.pk}/plans/1/edit/", status=404)


def test_a_date_typed_in_the_boxes_is_saved(coordinator_page: PageClient, area: Area) -> None:
    submit(
        coordinator_page,
        part_url(area, "outcomes", "edit"),
        # The words say "By the end of Year 6" (July 2027): a date that agrees saves at once.
        {"due_date-day": "16", "due_date-month": "7", "due_date-year": "2027"},
    )
    area.thread.outcome.refresh_from_db()
    assert area.thread.outcome.due_date == dt.date(2027, 7, 16)


def test_saving_without_changes_keeps_every_value(coordinator_page: PageClient, area: Area) -> None:
    outcome = area.thread.outcome
    before = (
        outcome.text,
        outcome.due_date,
        outcome.domain,
        outcome.term,
        set(outcome.needs.all()),
        set(outcome.aspirations.all()),
        set(outcome.themes.all()),
    )
    submit(coordinator_page, part_url(area, "outcomes", "edit"), {})
    outcome = Outcome.objects.get(pk=outcome.pk)
    after = (
        outcome.text,
        outcome.due_date,
        outcome.domain,
        outcome.term,
        set(outcome.needs.all()),
        set(outcome.aspirations.all()),
        set(outcome.themes.all()),
    )
    assert after == before

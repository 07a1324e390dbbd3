"""Due dates (issue 16): after the child's 25th birthday is refused, on the page and the API;
already past, or disagreeing with the words, is warned about (GOV.UK warning text naming the
field, saved only with "Save anyway"), and the API saves but returns the same ``warnings``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from goldenthread.core.due_dates import DUE_PASSED, due_date_warnings
from goldenthread.core.record_rules import DUE_AFTER_25
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.plans.due_warnings import SAVE_ANYWAY
from goldenthread.web.plans.models import Child, Outcome, Step
from tests.web.conftest import Page, PageClient
from tests.web.factories import Area
from tests.web.pagecheck import field_error

BORN = dt.date(2016, 3, 14)  # in Year 6 in the school year 2026/27
TODAY = dt.date(2026, 12, 6)


def test_a_past_due_date_is_warned_unless_the_outcome_is_finished() -> None:
    past = dt.date(2025, 1, 31)
    assert due_date_warnings("I will swim", past, born=BORN, today=TODAY) == [
        DUE_PASSED.format(due="31 January 2025")
    ]
    assert due_date_warnings("I will swim", past, born=BORN, today=TODAY, finished=True) == []
    assert due_date_warnings("I will swim", TODAY, born=BORN, today=TODAY) == []


@pytest.mark.parametrize(
    ("words", "due", "warned"),
    [
        ("By the end of Year 6 I will read to a friend", dt.date(2027, 7, 20), False),
        ("By the end of Year 6 I will read to a friend", dt.date(2030, 3, 1), True),
        ("By July 2027 I will swim a width", dt.date(2027, 7, 1), False),
        ("By July 2027 I will swim a width", dt.date(2028, 7, 31), True),
        ("Within 6 months I will swim a width", dt.date(2027, 6, 6), False),
        ("Within 6 months I will swim a width", dt.date(2029, 6, 6), True),
        ("By my next review I will swim a width", dt.date(2029, 6, 6), False),  # approximate
        ("One day I will swim a width", dt.date(2029, 6, 6), False),  # vague: no date to compare
    ],
)
def test_words_and_date_that_disagree_are_warned(words: str, due: dt.date, warned: bool) -> None:
    found = due_date_warnings(words, due, born=BORN, today=TODAY)
    assert bool(found) is warned
    if warned:
        assert "The words say" in found[0] and f"{due.year}" in found[0]


def test_a_duration_counts_from_the_day_the_outcome_was_written() -> None:
    words = "Within 6 months I will swim a width"
    written = dt.date(2026, 1, 10)
    assert due_date_warnings(
        words, dt.date(2026, 7, 10), born=BORN, today=TODAY, written_on=written
    )
    assert not due_date_warnings(
        words,
        dt.date(2027, 6, 6),
        born=BORN,
        today=dt.date(2026, 1, 1),
        written_on=dt.date(2026, 12, 6),
    )


# The pages ----------------------------------------------------------------------------------


def _dated(day: dt.date) -> dict[str, str]:
    return {
        "due_date-day": str(day.day),
        "due_date-month": str(day.month),
        "due_date-year": str(day.year),
    }


def _open(page: PageClient, url: str, changes: dict[str, Any], *, status: int) -> Page:
    values = page.get(url).form()
    values.update(changes)
    return page.post(url, values, status=status)


def _child_born(area: Area, born: dt.date = BORN) -> None:
    Child.objects.filter(pk=area.child.pk).update(date_of_birth=born)


def _warnings_on(shown: Page) -> list[str]:
    box = shown.html.select_one("#due-date-warnings")
    assert box is not None and "govuk-warning-text" in box["class"]
    return [" ".join(item.get_text().split()) for item in box.select("li")]


def test_a_past_due_date_asks_first_then_saves_anyway(
    coordinator_page: PageClient, area: Area
) -> None:
    _child_born(area)
    url = f"/plans/{area.thread.plan.pk}/outcomes/add/"
    past = timezone.localdate() - dt.timedelta(days=40)
    changes = {"text": "I will swim a width of the pool", "domain": "education"} | _dated(past)
    asked = _open(coordinator_page, url, changes, status=200)
    lines = _warnings_on(asked)
    assert len(lines) == 1 and lines[0].startswith("Due date:") and "already passed" in lines[0]
    assert asked.html.select_one("#due-date-warnings a")["href"] == "#due_date"
    assert not Outcome.objects.filter(text=changes["text"]).exists()
    button = asked.html.select_one(f"button[name={SAVE_ANYWAY}]")
    assert button is not None and button.get_text(strip=True) == "Save anyway"
    values = asked.form() | {SAVE_ANYWAY: button["value"]}
    coordinator_page.post(url, values)
    assert Outcome.objects.get(text=changes["text"]).due_date == past


def test_words_that_disagree_with_the_date_are_warned_and_asked_again_if_changed(
    coordinator_page: PageClient, area: Area
) -> None:
    _child_born(area, dt.date(timezone.localdate().year - 9, 3, 14))
    url = f"/plans/{area.thread.plan.pk}/outcomes/add/"
    text = "By the end of Year 6 I will read a short book to a friend"
    far = timezone.localdate().replace(month=1, day=10) + dt.timedelta(days=365 * 4)
    asked = _open(
        coordinator_page, url, {"text": text, "domain": "education"} | _dated(far), status=200
    )
    (line,) = _warnings_on(asked)
    assert line.startswith("Due date: The words say") and "By the end of Year 6" in line
    token = asked.html.select_one(f"button[name={SAVE_ANYWAY}]")["value"]
    # A different wrong date is a different warning: "Save anyway" for the old one does not save.
    values = asked.form() | _dated(far + dt.timedelta(days=400)) | {SAVE_ANYWAY: token}
    again = coordinator_page.post(url, values, status=200)
    assert _warnings_on(again) and not Outcome.objects.filter(text=text).exists()


def test_a_step_with_a_past_due_date_is_warned(coordinator_page: PageClient, area: Area) -> None:
    url = f"/plans/{area.thread.plan.pk}/outcomes/{area.thread.outcome.pk}/steps/add/"
    past = timezone.localdate() - dt.timedelta(days=3)
    asked = _open(coordinator_page, url, {"text": "Swim with a float"} | _dated(past), status=200)
    assert "already passed" in _warnings_on(asked)[0]
    assert not Step.objects.filter(text="Swim with a float").exists()


def test_a_due_date_after_the_25th_birthday_is_refused_on_the_page(
    coordinator_page: PageClient, area: Area
) -> None:
    _child_born(area)
    url = f"/plans/{area.thread.plan.pk}/outcomes/add/"
    changes = {"text": "I will live in my own flat", "domain": "education"}
    refused = _open(coordinator_page, url, changes | _dated(dt.date(2050, 1, 1)), status=400)
    assert field_error(refused.html, "due_date") == DUE_AFTER_25
    assert refused.html.select_one(f"button[name={SAVE_ANYWAY}]") is None  # refused, not warned


# The API ------------------------------------------------------------------------------------


def _post(client: Client, area: Area, body: dict[str, Any]) -> Any:
    _, secret = api_token_create(owner=area.coordinator, name="Case system")
    return client.post(
        f"/api/plans/{area.thread.plan.pk}/outcomes/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )


def test_the_api_saves_a_past_due_date_and_returns_the_warning(client: Client, area: Area) -> None:
    _child_born(area)
    past = timezone.localdate() - dt.timedelta(days=40)
    made = _post(
        client,
        area,
        {"text": "I will swim a width", "domain": "education", "due_date": past.isoformat()},
    )
    assert made.status_code == 201, made.content
    (warning,) = made.json()["warnings"]
    assert warning["path"] == "/due_date" and "already passed" in warning["message"]
    assert Outcome.objects.get(pk=made.json()["id"]).due_date == past


def test_the_api_refuses_a_due_date_after_the_25th_birthday(client: Client, area: Area) -> None:
    _child_born(area)
    before = Outcome.objects.count()
    refused = _post(
        client, area, {"text": "I will drive", "domain": "education", "due_date": "2050-01-01"}
    )
    assert refused.status_code == 400
    assert refused.json()["problems"] == [{"path": "/due_date", "message": DUE_AFTER_25}]
    assert Outcome.objects.count() == before

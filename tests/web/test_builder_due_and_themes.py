"""The outcome builder (issue 18, item 4): an outcome it makes has a due date and themes, chosen
or worked out from the words, and nothing typed is lost when the page comes back with an error."""

from __future__ import annotations

import datetime as dt

from goldenthread.web.plans.models import Outcome, ThemeTag
from tests.web.conftest import PageClient
from tests.web.factories import Area

PARTS = {
    "when": "the end of July 2027",
    "action": "ask a friend to play",
    "measure": "3 times a week",
    "context": "at break time",
}


def _url(area: Area) -> str:
    return f"/plans/{area.thread.plan.pk}/outcomes/build/"


def test_the_due_date_and_themes_chosen_are_saved(coordinator_page: PageClient, area: Area) -> None:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    values = {
        "start": f"need:{area.thread.need.pk}",
        "go": "save",
        **PARTS,
        "due_date-day": "20",
        "due_date-month": "7",
        "due_date-year": "2027",
        "themes": ["2"],
    }
    coordinator_page.post(_url(area), values)
    outcome = Outcome.objects.get(text__startswith="By the end of July 2027, I will ask")
    assert outcome.due_date == dt.date(2027, 7, 20)
    assert [t.number for t in outcome.themes.all()] == [2]


def test_left_empty_they_come_from_the_words(coordinator_page: PageClient, area: Area) -> None:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    values = {"start": f"need:{area.thread.need.pk}", "go": "save", **PARTS}
    coordinator_page.post(_url(area), values)
    outcome = Outcome.objects.get(text__startswith="By the end of July 2027, I will ask")
    assert outcome.due_date == dt.date(2027, 7, 31)
    assert outcome.themes.exists()


def test_what_was_typed_comes_back_with_the_error(coordinator_page: PageClient, area: Area) -> None:
    values = {"go": "save", **PARTS, "due_date-day": "31", "due_date-month": "2",
              "due_date-year": "2027"}  # fmt: skip
    page = coordinator_page.post(_url(area), values, status=400).html
    for name, typed in PARTS.items():
        field = page.select_one(f'input[name="{name}"]')
        assert field is not None and field["value"] == typed, name
    assert page.select_one('input[name="due_date-day"]')["value"] == "31"
    assert not Outcome.objects.filter(text__contains="ask a friend").exists()

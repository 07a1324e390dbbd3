"""The outcome builder opens an outcome already in the plan (issue 18, item 4): its words, start,
service, date and themes come back filled in; saving changes that outcome (not a new one), keeps
its links and history, and is refused if someone saved it meanwhile or the plan is issued."""

from __future__ import annotations

import datetime as dt

from goldenthread.web.plans.models import Outcome, Plan, PlanStatus, ThemeTag
from goldenthread.web.plans.services.contributions import plan_issue
from tests.web.conftest import PageClient
from tests.web.factories import Area

NEW_WORDS = "By the end of July 2027, I will ask a friend to play 3 times a week at break time."


def _url(area: Area) -> str:
    return f"/plans/{area.thread.plan.pk}/outcomes/build/?outcome={area.thread.outcome.pk}"


def _saved_values(area: Area, page_html: object) -> dict[str, object]:
    """What the opened page would send back, as a browser would, with ``go=save``."""
    outcome = area.thread.outcome
    return {
        "text": outcome.text,
        "start": f"need:{area.thread.need.pk}",
        "domain": outcome.domain or "education",
        "themes": [str(t.number) for t in outcome.themes.all()],
        "row_version": str(outcome.row_version),
        "go": "save",
    }


def test_the_opened_outcome_comes_back_filled_in(coordinator_page: PageClient, area: Area) -> None:
    page = coordinator_page.get(_url(area)).html
    outcome = area.thread.outcome
    assert page.select_one("h1").get_text(strip=True) == "Change an outcome step by step"
    assert page.select_one('textarea[name="text"]').get_text().strip() == outcome.text
    checked = page.select_one('input[name="start"][checked]')
    assert checked is not None and checked["value"] == f"need:{area.thread.need.pk}"
    assert page.select_one('input[name="row_version"]')["value"] == str(outcome.row_version)
    themes = {box["value"] for box in page.select('input[name="themes"][checked]')}
    assert themes == {str(t.number) for t in outcome.themes.all()}
    assert page.select_one("#built-outcome").get_text(strip=True) == outcome.text


def test_new_words_change_the_same_outcome_and_keep_its_links(
    coordinator_page: PageClient, area: Area
) -> None:
    outcome = area.thread.outcome
    before = Outcome.objects.count()
    history = outcome.history.count()
    values = {**_saved_values(area, None), "text": NEW_WORDS}
    coordinator_page.post(_url(area), values)
    outcome.refresh_from_db()
    assert outcome.text == NEW_WORDS
    assert Outcome.objects.count() == before
    assert outcome.history.count() > history
    assert list(outcome.needs.all()) == [area.thread.need]
    assert list(outcome.aspirations.all()) == [area.thread.hope]
    assert outcome.due_date == dt.date(2027, 7, 31)  # from the words: no date was given


def test_answers_write_the_words_again(coordinator_page: PageClient, area: Area) -> None:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    parts = {"when": "the end of July 2027", "action": "ask a friend to play"}
    parts |= {"measure": "3 times a week", "context": "at break time"}
    coordinator_page.post(_url(area), {**_saved_values(area, None), **parts})
    area.thread.outcome.refresh_from_db()
    assert area.thread.outcome.text == NEW_WORDS


def test_a_change_saved_meanwhile_is_not_overwritten(
    coordinator_page: PageClient, area: Area
) -> None:
    values = {**_saved_values(area, None), "text": NEW_WORDS}
    Outcome.objects.filter(pk=area.thread.outcome.pk).update(row_version=99)
    page = coordinator_page.post(_url(area), values, status=400).html
    summary = page.select_one(".govuk-error-summary").get_text().lower()
    assert "someone else saved a change" in summary
    area.thread.outcome.refresh_from_db()
    assert area.thread.outcome.text != NEW_WORDS


def test_empty_words_are_refused_by_name(coordinator_page: PageClient, area: Area) -> None:
    values = {**_saved_values(area, None), "text": ""}
    page = coordinator_page.post(_url(area), values, status=400).html
    assert page.select_one('a[href="#id_text"]') is not None or "Enter the outcome" in page.text


def test_an_outcome_of_another_plan_is_not_found(coordinator_page: PageClient, area: Area) -> None:
    other = area.thread.outcome.pk + 10_000
    coordinator_page.get(
        f"/plans/{area.thread.plan.pk}/outcomes/build/?outcome={other}", status=404
    )


def test_an_issued_plan_cannot_be_changed_here(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT, issued_on=None)
    plan.refresh_from_db()
    plan_issue(plan, user=area.coordinator)
    values = {**_saved_values(area, None), "text": NEW_WORDS}
    coordinator_page.post(_url(area), values, status=409)
    area.thread.outcome.refresh_from_db()
    assert area.thread.outcome.text != NEW_WORDS


def test_the_edit_page_offers_the_builder(coordinator_page: PageClient, area: Area) -> None:
    plan, outcome = area.thread.plan, area.thread.outcome
    page = coordinator_page.get(f"/plans/{plan.pk}/outcomes/{outcome.pk}/edit/").html
    link = page.select_one("#open-in-builder")
    assert link is not None and link["href"].endswith(f"?outcome={outcome.pk}")

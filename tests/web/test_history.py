"""The history page of each part says who changed what: words, links, archiving."""

from __future__ import annotations

from bs4 import Tag

from tests.web.conftest import PageClient
from tests.web.factories import Area

SUGGESTED = " Suggested by the computer"


def history_rows(page: PageClient, url: str, *, with_suggestions: bool = False) -> list[list[str]]:
    """Each row of the history table as [when, who, what happened], newest first.

    What the computer suggested (shown last in a row, see test_linking_pages) is left out
    unless asked for, so these tests read only the person's changes.
    """
    table = page.get(url).html.select_one("table.govuk-table tbody")
    assert isinstance(table, Tag)
    rows = [
        [" ".join(cell.get_text(" ").split()) for cell in row.select("td")]
        for row in table.select("tr")
    ]
    if not with_suggestions:
        for row in rows:
            row[-1] = row[-1].split(SUGGESTED)[0]
    return rows


def save(page: PageClient, url: str, changes: dict[str, object]) -> None:
    values = page.get(url).form()
    values.update(changes)
    page.post(url, values)


def outcome_url(area: Area, action: str) -> str:
    return f"/plans/{area.thread.plan.pk}/outcomes/{area.thread.outcome.pk}/{action}/"


def test_a_new_part_has_one_created_row(coordinator_page: PageClient, area: Area) -> None:
    thread = area.thread
    url = f"/plans/{thread.plan.pk}/outcomes/{thread.unhelped_outcome.pk}/history/"
    rows = history_rows(coordinator_page, url)
    assert [row[1:] for row in rows] == [["The system", "Created"]]


def test_a_text_change_shows_who_and_from_and_to(coordinator_page: PageClient, area: Area) -> None:
    old = area.thread.outcome.text
    save(coordinator_page, outcome_url(area, "edit"), {"text": "I will ask for help with words."})
    newest = history_rows(coordinator_page, outcome_url(area, "history"), with_suggestions=True)[0]
    assert newest[1] == "Casey Coordinator"
    assert newest[2].startswith(f"Changed Text From: {old} To: I will ask for help with words.")
    # What linking suggested for the new words is kept beside them.
    assert SUGGESTED.strip() in newest[2]


def test_a_link_change_names_the_parts(coordinator_page: PageClient, area: Area) -> None:
    thread = area.thread
    save(
        coordinator_page,
        outcome_url(area, "edit"),
        {"needs": [str(thread.need.pk), str(thread.unmet_need.pk)]},
    )
    newest = history_rows(coordinator_page, outcome_url(area, "history"))[0]
    assert newest[1] == "Casey Coordinator"
    assert "Needs From: " + thread.need.text in newest[2]
    assert thread.unmet_need.text in newest[2].split("To:")[1]


def test_a_theme_change_is_kept(coordinator_page: PageClient, area: Area) -> None:
    save(coordinator_page, outcome_url(area, "edit"), {"themes": ["2", "3"]})
    newest = history_rows(coordinator_page, outcome_url(area, "history"))[0]
    assert "Themes From: 2. Family, Friends and Community To:" in newest[2]
    assert "3. Good Health and Wellbeing" in newest[2].split("To:")[1]


def test_provision_link_change_is_kept(coordinator_page: PageClient, area: Area) -> None:
    thread = area.thread
    url = f"/plans/{thread.plan.pk}/provision/{thread.stray_help.pk}/"
    save(coordinator_page, url + "edit/", {"outcomes": [str(thread.unhelped_outcome.pk)]})
    newest = history_rows(coordinator_page, url + "history/")[0]
    assert newest[2] == f"Changed Outcomes From: (none) To: {thread.unhelped_outcome.text}"


def test_archiving_is_shown_as_archived(coordinator_page: PageClient, area: Area) -> None:
    coordinator_page.post(outcome_url(area, "archive"))
    rows = history_rows(coordinator_page, outcome_url(area, "history"))
    assert rows[0][1:] == ["Casey Coordinator", "Archived"]
    assert rows[-1][2] == "Created"


def test_every_change_is_a_row_newest_first(coordinator_page: PageClient, area: Area) -> None:
    for words in ["First change.", "Second change."]:
        save(coordinator_page, outcome_url(area, "edit"), {"text": words})
    rows = history_rows(coordinator_page, outcome_url(area, "history"))
    assert [row[2].split(" From:")[0] for row in rows[:2]] == ["Changed Text", "Changed Text"]
    assert rows[-1][2] == "Created"
    assert rows[0][2].endswith("To: Second change.")
    assert "From: First change." in rows[0][2]


def test_an_archived_part_keeps_its_history_page(coordinator_page: PageClient, area: Area) -> None:
    coordinator_page.post(outcome_url(area, "archive"))
    found = coordinator_page.get(outcome_url(area, "history"))
    assert area.thread.outcome.text in found.html.select_one(".govuk-inset-text").get_text()


def test_one_save_of_words_and_links_is_one_row(coordinator_page: PageClient, area: Area) -> None:
    thread = area.thread
    before = len(history_rows(coordinator_page, outcome_url(area, "history")))
    save(
        coordinator_page,
        outcome_url(area, "edit"),
        {"text": "I will ask for help.", "themes": ["3"], "needs": [str(thread.unmet_need.pk)]},
    )
    rows = history_rows(coordinator_page, outcome_url(area, "history"))
    assert len(rows) == before + 1
    assert "Text From:" in rows[0][2]
    assert "Themes From:" in rows[0][2]
    assert "Needs From:" in rows[0][2]

"""A child's page: about them, all about me, their plans and the golden thread with its gaps."""

from __future__ import annotations

from bs4 import Tag

from goldenthread.core.thread import GAP_MESSAGES, GapKind
from tests.web import factories
from tests.web.conftest import Page, PageClient
from tests.web.factories import Area


def child_page(page: PageClient, area: Area) -> Page:
    return page.get(f"/children/{area.child.pk}/")


def item_for(found: Page, words: str) -> Tag:
    """The list item in the thread that holds these words."""
    for item in found.html.select("ul.gt-thread-list > li"):
        if words in item.get_text():
            return item
    raise AssertionError(f"{words!r} is not in the thread")


def gaps_in(item: Tag) -> list[str]:
    return [" ".join(p.get_text(" ").split()) for p in item.select(".gt-thread-gap")]


def test_child_page_shows_who_the_child_is(coordinator_page: PageClient, area: Area) -> None:
    found = child_page(coordinator_page, area)
    assert found.html.h1.get_text(strip=True) == "Ada Lovelace-Example"
    assert "14 March 2016" in found.text
    assert "ASD: Autistic spectrum disorder" in found.text
    assert "Brook Lane Primary" in found.text


def test_the_thread_runs_aspirations_needs_outcomes_provision(
    coordinator_page: PageClient, area: Area
) -> None:
    found = child_page(coordinator_page, area)
    thread_sections = {"aspirations", "needs", "outcomes", "provision"}
    sections = [h2["id"] for h2 in found.html.select("h2[id]") if h2["id"] in thread_sections]
    assert sections == ["aspirations", "needs", "outcomes", "provision"]
    thread = area.thread
    words = [
        thread.hope.text,
        thread.lonely_hope.text,
        thread.need.text,
        thread.unmet_need.text,
        thread.outcome.text,
        thread.unhelped_outcome.text,
        thread.help.description,
        thread.stray_help.description,
    ]
    positions = [found.text.index(w) for w in words]
    assert positions == sorted(positions)


def test_each_part_sits_under_its_own_heading(coordinator_page: PageClient, area: Area) -> None:
    found = child_page(coordinator_page, area)
    for section, text in [
        ("aspirations", area.thread.hope.text),
        ("needs", area.thread.need.text),
        ("outcomes", area.thread.outcome.text),
        ("provision", area.thread.help.description),
    ]:
        heading = found.html.find(id=section)
        assert text in heading.find_next_sibling("ul").get_text()


def test_gaps_are_counted_and_called_out_beside_each_part(
    coordinator_page: PageClient, area: Area
) -> None:
    found = child_page(coordinator_page, area)
    assert "This plan has 4 gaps in its golden thread" in found.text
    thread = area.thread
    expected = {
        thread.lonely_hope.text: GapKind.ASPIRATION_WITHOUT_OUTCOME,
        thread.unmet_need.text: GapKind.NEED_WITHOUT_OUTCOME,
        thread.unhelped_outcome.text: GapKind.OUTCOME_WITHOUT_PROVISION,
        thread.stray_help.description: GapKind.PROVISION_WITHOUT_OUTCOME,
    }
    for words, kind in expected.items():
        assert gaps_in(item_for(found, words)) == [f"Gap {GAP_MESSAGES[kind]}"]
    for linked in [
        thread.hope.text,
        thread.need.text,
        thread.outcome.text,
        thread.help.description,
    ]:
        assert gaps_in(item_for(found, linked)) == []


def test_a_fully_linked_plan_says_so(coordinator_page: PageClient, area: Area) -> None:
    thread = area.thread
    thread.unhelped_outcome.needs.add(thread.unmet_need)
    thread.unhelped_outcome.aspirations.add(thread.lonely_hope)
    thread.stray_help.outcomes.add(thread.unhelped_outcome)
    found = child_page(coordinator_page, area)
    assert "Every need, outcome, help and hope in this plan is linked." in found.text
    assert found.html.select(".gt-thread-gap") == []


def test_outcome_shows_its_themes_and_steps(coordinator_page: PageClient, area: Area) -> None:
    item = item_for(child_page(coordinator_page, area), area.thread.outcome.text)
    assert [tag.get_text(strip=True) for tag in item.select(".govuk-tag--blue")] == [
        "Family, Friends and Community"
    ]
    assert area.thread.step.text in item.get_text()
    assert (
        "No theme chosen"
        in item_for(
            child_page(coordinator_page, area), area.thread.unhelped_outcome.text
        ).get_text()
    )


def test_all_about_me_is_shown_when_written(coordinator_page: PageClient, area: Area) -> None:
    assert (
        "Not written yet. It is written once and used by every plan."
        in child_page(coordinator_page, area).text
    )
    factories.all_about_me_create(child=area.child, important_to_me="My dog, Biscuit.")
    found = child_page(coordinator_page, area)
    assert "What is important to me My dog, Biscuit." in found.text


def test_a_child_without_a_plan_has_no_thread(coordinator_page: PageClient, area: Area) -> None:
    lone = factories.child_create(local_authority=area.local_authority, first_name="Fin")
    factories.relationship_create(child=lone, person=area.coordinator)
    found = coordinator_page.get(f"/children/{lone.pk}/")
    assert "Add a plan" in found.text
    assert found.html.find(id="outcomes") is None

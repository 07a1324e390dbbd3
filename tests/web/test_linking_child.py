"""The child page flags possible duplicates and shows the plan by theme; the outcome form shows
outcomes others wrote for a similar need, without names, only from the same area."""

from __future__ import annotations

import re

from goldenthread.web.plans.models import Child, Need, Outcome, ThemeTag
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.plans.services.plans import plan_create
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area

TALK = "communication_and_interaction"


def _outcome(child: Child, text: str, *, need_text: str, kind: str = "iep") -> Outcome:
    """An outcome saved as the pages save it (so it has its embedding and SMART verdict)."""
    plan = plan_create(child=child, user=None, kind=kind, status="final")
    need = Need.objects.create(plan=plan, text=need_text, area=TALK, domain="education")
    outcome = part_save(Outcome(plan=plan), user=None, fields={"text": text, "domain": "education"})
    outcome.needs.add(need)
    return outcome


def test_possible_duplicates_across_plans_are_flagged_with_a_percentage(
    coordinator_page: PageClient, area: Area
) -> None:
    twin = _outcome(
        area.child,
        "By the end of Year 6, I will ask a question in a group of four, without help.",
        need_text="Ada finds group talk hard.",
    )
    page = coordinator_page.get(f"/children/{area.child.pk}/")
    section = page.html.select_one("#duplicates")
    assert section is not None
    table = page.html.select_one("table.govuk-table")
    assert table is not None
    cells = [" ".join(td.get_text(" ").split()) for td in table.select("tbody td")]
    assert "% alike" in cells[2]
    hrefs = {str(a["href"]) for a in table.select("a")}
    assert hrefs == {
        f"?plan={area.thread.plan.pk}#outcome-{area.thread.outcome.pk}",
        f"?plan={twin.plan_id}#outcome-{twin.pk}",
    }
    # The outcome in the plan shown is marked too.
    marked = page.html.select_one(f"#outcome-{area.thread.outcome.pk}")
    assert marked is not None and "May repeat" in marked.get_text()


def test_no_duplicates_no_section(coordinator_page: PageClient, area: Area) -> None:
    page = coordinator_page.get(f"/children/{area.child.pk}/")
    assert page.html.select_one("#duplicates") is None


def test_view_by_theme_groups_outcomes_under_each_of_their_themes(
    coordinator_page: PageClient, area: Area
) -> None:
    thread = area.thread
    thread.outcome.themes.add(ThemeTag.objects.get(number=4))  # now themes 2 and 4
    page = coordinator_page.get(f"/children/{area.child.pk}/?view=themes")
    assert "Show by section" in page.text and "Showing by theme" in page.text

    def group(slug: str) -> str:
        heading = page.html.select_one(f"#{slug}")
        assert heading is not None
        body = heading.find_next_sibling()
        assert body is not None
        return " ".join(body.get_text(" ").split())

    for slug in ("theme-2", "theme-4"):
        assert thread.outcome.text in group(slug)
        assert thread.help.description in group(slug)  # with its provision
    assert "No outcomes under this theme yet" in group("theme-1")
    assert thread.unhelped_outcome.text in group("theme-none")
    section_view = coordinator_page.get(f"/children/{area.child.pk}/")
    assert "Show by theme" in section_view.text


def test_similar_outcomes_come_from_other_children_without_their_names(
    coordinator_page: PageClient, area: Area
) -> None:
    other = area.other_child  # Bo Other-Example, same local authority
    _outcome(
        other,
        "By the end of Year 6, I will join in talk with Bo Other-Example's group of four in "
        "class and take two turns without help.",
        need_text="Bo finds it hard to join in talk in class.",
    )
    elsewhere = factories.child_create(
        local_authority=factories.local_authority_create(name="Eastshire Council"),
        first_name="Zed",
        last_name="Faraway-Example",
    )
    far = _outcome(
        elsewhere,
        "By the end of Year 6, I will take two turns when my group of four talks in class.",
        need_text="Zed finds it hard to join in talk in class.",
    )
    assert far.quality_smart is True
    thread = area.thread
    page = coordinator_page.get(f"/plans/{thread.plan.pk}/outcomes/{thread.outcome.pk}/edit/")
    similar = page.html.select_one(".gt-similar")
    assert similar is not None
    shown = " ".join(similar.get_text(" ").split())
    assert "join in talk with [name]'s group of four" in shown
    html = page.response.content.decode()
    for name in ("Bo", "Other-Example", "Zed", "Faraway"):
        assert not re.search(rf"\b{name}\b", html), name
    assert far.text not in html


def test_similar_outcomes_need_linked_needs(coordinator_page: PageClient, area: Area) -> None:
    _outcome(
        area.other_child,
        "By the end of Year 6, I will take two turns when my group of four talks in class.",
        need_text="Bo finds it hard to join in talk in class.",
    )
    page = coordinator_page.get(f"/plans/{area.thread.plan.pk}/outcomes/add/")
    assert page.html.select_one(".gt-similar") is None

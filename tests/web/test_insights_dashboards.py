"""Dashboard figures match an independent calculation over the rows, and only leaders see them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from goldenthread.core import vocabulary as v
from goldenthread.web.accounts.models import Role
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.insights_expected import grids, live_outcomes, protected_texts
from tests.web.insights_world import InsightsWorld, insights_world_create

pytestmark = pytest.mark.django_db

AREA_KEYS = [a.value for a in v.AREA_LABELS]
AREA_LABELS = list(v.AREA_LABELS.values())
DOMAIN_KEYS = [d.value for d in v.DOMAIN_LABELS]
DOMAIN_LABELS = list(v.DOMAIN_LABELS.values())


@pytest.fixture
def world() -> InsightsWorld:
    return insights_world_create()


def table_rows(soup: BeautifulSoup, caption_starts: str) -> list[list[str]]:
    for table in soup.select("table"):
        caption = table.select_one("caption")
        if caption and caption.get_text(strip=True).startswith(caption_starts):
            return [
                [cell.get_text(strip=True) for cell in row.select("th, td")]
                for row in table.select("tbody tr")
            ]
    raise AssertionError(f"no table {caption_starts!r}")


def test_outcomes_by_area_and_service_match_an_independent_count(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.leader)
    shown_page = page.get("/insights/outcomes/")
    outcomes = live_outcomes(world.area.pk)
    rows = [*AREA_KEYS, ""]
    units, children = grids(outcomes, rows, DOMAIN_KEYS, lambda o: o.area, lambda o: o.domain)
    keep = [i for i, key in enumerate(rows) if key or sum(units[i])]
    expected = protected_texts(
        [units[i] for i in keep],
        [children[i] for i in keep],
        [[*AREA_LABELS, "Not recorded"][i] for i in keep],
        DOMAIN_LABELS,
    )
    assert table_rows(shown_page.html, "Outcomes by area of need and service") == expected


def test_smart_share_by_setting_matches_an_independent_count(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.quality_lead)
    shown_page = page.get("/insights/quality/")
    outcomes = live_outcomes(world.area.pk)
    settings = ["Brook Lane Primary", "Tiny Oaks School"]
    columns = [True, False, None]
    units, children = grids(
        outcomes,
        settings,
        columns,
        lambda o: o.plan.child.current_setting.name,
        lambda o: o.quality_smart,
    )
    expected = protected_texts(units, children, settings, ["SMART", "Not SMART", "Not checked"])
    shown = [row[:-1] for row in table_rows(shown_page.html, "SMART outcomes by setting")]
    assert shown == expected
    big = table_rows(shown_page.html, "SMART outcomes by setting")[0]
    exact = f"{100 * units[0][0] / sum(units[0]):.1f}"
    # A share is withheld with its count or its total (here the total partners the tiny row's).
    assert big[-1] == ("c" if "c" in (expected[0][1], expected[0][-1]) else exact)
    # The tiny school's 3 children: everything about them is withheld.
    assert set(table_rows(shown_page.html, "SMART outcomes by setting")[1][1:]) <= {"c", "0"}


def test_attainment_by_primary_need_matches_an_independent_count(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.leader)
    shown_page = page.get("/insights/attainment/")
    outcomes = live_outcomes(world.area.pk)
    group = {"achieved": 0, "sustaining": 0, "not-achieved": 2, "no-progress": 2, "worsening": 2}
    needs = list(v.NEED_CODES)
    units, children = grids(
        outcomes,
        needs,
        [0, 1, 2],
        lambda o: o.plan.child.primary_need,
        lambda o: group.get(o.achievement_status, 1),
    )
    labels = [f"{code}: {label}" for code, (label, _) in v.NEED_CODES.items()]
    expected = protected_texts(
        units, children, labels, ["Achieved", "Still working on it", "Not achieved"]
    )
    shown = [row[:-1] for row in table_rows(shown_page.html, "Outcomes achieved by primary need")]
    assert shown == expected


def test_every_dashboard_has_a_summary_chart_and_table(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.leader)
    for slug in ("outcomes", "quality", "attainment", "gaps", "reviews", "trends"):
        shown_page = page.get(f"/insights/{slug}/")
        assert shown_page.html.select("[data-summary]"), slug
        assert shown_page.html.select("table caption"), slug
        if slug != "trends":
            assert shown_page.html.select("svg[role=img] title"), slug
    shown_page = page.get("/insights/outcomes/")
    summary = shown_page.html.select_one("[data-summary=outcomes-by-theme]")
    assert summary is not None and summary.get_text().startswith("Most outcomes are about")


def test_the_reviews_dashboard_counts_late_reviews_by_setting(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.leader)
    rows = table_rows(page.get("/insights/reviews/").html, "Late annual reviews by setting")
    assert rows[0][0] == "Brook Lane Primary"
    assert rows[1][0] == "Tiny Oaks School"
    assert "c" in rows[1] and set(rows[1][1:]) <= {"c", "0"}  # true zeros name no child


@pytest.mark.parametrize(
    "role", [r for r in Role if r not in (Role.STRATEGIC_LEADER, Role.QUALITY_LEAD)]
)
def test_everyone_else_is_refused(page: PageClient, world: InsightsWorld, role: Role) -> None:
    page.sign_in(factories.user_create(role=role, organisation=world.area))
    for url in (
        "/insights/",
        "/insights/outcomes/",
        "/insights/outcomes/download/",
        "/insights/outcomes/outcomes-by-theme.csv",
        "/insights/report/",
        "/insights/report/download/",
    ):
        page.get(url, status=403)


def test_signed_out_people_are_sent_to_sign_in(page: PageClient, world: InsightsWorld) -> None:
    response = page.client.get("/insights/outcomes/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_no_page_names_a_child(page: PageClient, world: InsightsWorld) -> None:
    page.sign_in(world.leader)
    urls = [
        f"/insights/{slug}/"
        for slug in ("outcomes", "quality", "attainment", "gaps", "reviews", "trends")
    ]
    urls += [
        "/insights/",
        "/insights/report/",
        f"/insights/outcomes/?setting={world.tiny_school.pk}",
    ]
    for url in urls:
        html = page.get(url).response.content.decode()
        for name in world.names:
            assert name not in html, (url, name)

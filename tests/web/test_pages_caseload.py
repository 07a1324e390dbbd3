"""The caseload: the children a person works with, filtered and split into pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goldenthread.web.plans.models import Plan
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area

CASELOAD = "/children/"


def names_on(page: PageClient, query: dict[str, str] | None = None) -> list[str]:
    """The names listed; a ``name`` is searched by POST (kept in the session), never in the URL."""
    query = dict(query or {})
    name = query.pop("name", None)
    if name is not None:
        page.post(CASELOAD, {"name": name})
    listing = page.get(CASELOAD, data=query)
    return [link.get_text(strip=True) for link in listing.html.select("table.govuk-table td a")]


def born_in_year_group(group: int) -> dt.date:
    """A birthday in December, so the child is in ``group`` this school year."""
    today = timezone.localdate()
    start_year = today.year if today.month >= 9 else today.year - 1
    return dt.date(start_year - group - 5, 12, 1)


@pytest.fixture
def caseload(area: Area) -> Area:
    """Three more children on the coordinator's caseload, each different in one way."""
    other_school = factories.organisation_create(
        name="Hill Top Academy", parent=area.local_authority
    )
    for first, last, setting, need, group in [
        ("Cleo", "Brown", other_school, "SLCN", 2),
        ("Dev", "Patel", area.school, "SEMH", 9),
        ("Eli", "Smith", other_school, "MLD", 9),
    ]:
        child = factories.child_create(
            local_authority=area.local_authority,
            setting=setting,
            first_name=first,
            last_name=last,
            primary_need=need,
            date_of_birth=born_in_year_group(group),
        )
        factories.relationship_create(child=child, person=area.coordinator)
    return area


def test_caseload_lists_only_my_children_by_surname(
    coordinator_page: PageClient, caseload: Area
) -> None:
    assert names_on(coordinator_page) == [
        "Cleo Brown",
        "Ada Lovelace-Example",
        "Dev Patel",
        "Eli Smith",
    ]
    assert "Bo Other-Example" not in coordinator_page.get(CASELOAD).text
    assert "4 children" in coordinator_page.get(CASELOAD).text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pat", ["Dev Patel"]),
        ("ELI smith", ["Eli Smith"]),
        ("nobody", []),
    ],
)
def test_filter_by_name(
    coordinator_page: PageClient, caseload: Area, name: str, expected: list[str]
) -> None:
    assert names_on(coordinator_page, {"name": name}) == expected


def test_no_match_says_so(coordinator_page: PageClient, caseload: Area) -> None:
    coordinator_page.post(CASELOAD, {"name": "zz"})
    assert "No children match these filters." in coordinator_page.get(CASELOAD).text


def test_filter_by_setting(coordinator_page: PageClient, caseload: Area) -> None:
    assert names_on(coordinator_page, {"setting": str(caseload.school.pk)}) == [
        "Ada Lovelace-Example",
        "Dev Patel",
    ]


def test_filter_by_need_includes_secondary_need(
    coordinator_page: PageClient, caseload: Area
) -> None:
    caseload.child.secondary_need = "SEMH"
    caseload.child.save()
    assert names_on(coordinator_page, {"need": "SEMH"}) == ["Ada Lovelace-Example", "Dev Patel"]
    assert names_on(coordinator_page, {"need": "SLCN"}) == ["Cleo Brown"]


def test_filter_by_year_group(coordinator_page: PageClient, caseload: Area) -> None:
    assert names_on(coordinator_page, {"year_group": "9"}) == ["Dev Patel", "Eli Smith"]
    assert names_on(coordinator_page, {"year_group": "2"}) == ["Cleo Brown"]
    assert names_on(coordinator_page, {"year_group": "11"}) == []


def test_filters_combine(coordinator_page: PageClient, caseload: Area) -> None:
    assert names_on(coordinator_page, {"year_group": "9", "setting": str(caseload.school.pk)}) == [
        "Dev Patel"
    ]


def set_review_due(area: Area, days_from_today: int) -> None:
    Plan.objects.filter(pk=area.thread.plan.pk).update(
        next_review_due=timezone.localdate() + dt.timedelta(days=days_from_today)
    )


@pytest.mark.parametrize(
    ("days", "overdue", "due_soon"),
    [
        (-1, True, False),
        (0, False, True),
        (56, False, True),
        (57, False, False),
    ],
)
def test_filter_by_review(
    coordinator_page: PageClient, caseload: Area, days: int, overdue: bool, due_soon: bool
) -> None:
    set_review_due(caseload, days)
    ada = "Ada Lovelace-Example"
    assert (ada in names_on(coordinator_page, {"review": "overdue"})) is overdue
    assert (ada in names_on(coordinator_page, {"review": "due_soon"})) is due_soon


def test_an_archived_plan_is_not_counted_for_reviews(
    coordinator_page: PageClient, caseload: Area
) -> None:
    set_review_due(caseload, -1)
    Plan.objects.filter(pk=caseload.thread.plan.pk).update(archived_at=timezone.now())
    assert names_on(coordinator_page, {"review": "overdue"}) == []


def test_a_bad_filter_value_is_an_error_not_a_crash(
    coordinator_page: PageClient, caseload: Area
) -> None:
    coordinator_page.get(CASELOAD, data={"year_group": "99"}, status=400)


def test_pagination_keeps_the_filters(coordinator_page: PageClient, area: Area) -> None:
    for number in range(30):
        child = factories.child_create(
            local_authority=area.local_authority, first_name="Pager", last_name=f"Child{number:02}"
        )
        factories.relationship_create(child=child, person=area.coordinator)
    coordinator_page.post(CASELOAD, {"name": "pager"})
    first = coordinator_page.get(CASELOAD, data={"need": "ASD"})
    assert len(first.html.select("table.govuk-table tbody tr")) == 25
    assert "30 children" in first.text
    assert first.html.select_one(".govuk-pagination__prev") is None
    numbers = [a.get_text(strip=True) for a in first.html.select(".govuk-pagination__item a")]
    assert numbers == ["1", "2"]
    next_link = first.html.select_one(".govuk-pagination__next a")
    assert next_link is not None
    assert "need=ASD" in next_link["href"]
    assert "pager" not in next_link["href"].lower()  # the name stays out of the address
    second = coordinator_page.get(CASELOAD + str(next_link["href"]))
    rows = [a.get_text(strip=True) for a in second.html.select("table.govuk-table td a")]
    assert rows == [f"Pager Child{n:02}" for n in range(25, 30)]
    assert second.html.select_one(".govuk-pagination__next") is None
    assert second.html.select_one(".govuk-pagination__prev a") is not None


def test_a_name_search_never_puts_the_name_in_the_address(
    coordinator_page: PageClient, caseload: Area
) -> None:
    """Names are personal data: they must not sit in browser history, proxy logs or the
    referrer (issue 14). The search is a POST, kept in the session; every link on the result
    page is free of it."""
    posted = coordinator_page.client.post(CASELOAD, {"name": "Lovelace"})
    assert posted.status_code == 302 and "Lovelace" not in posted["Location"]
    page = coordinator_page.get(CASELOAD)
    assert "Ada Lovelace-Example" in page.text
    hrefs = [a.get("href", "") for a in page.html.find_all("a")]
    assert hrefs and not any("lovelace" in href.lower() for href in hrefs)
    assert all(
        form.get("method", "get").lower() == "post"
        for form in page.html.find_all("form")
        if form.find("input", attrs={"name": "name"})
    )

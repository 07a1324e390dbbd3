"""Year on year for every dashboard figure (issue 22, item 2).

Each figure's trend table shows, for each of the last three school years, exactly what the
dashboard publishes with that school year chosen in the filter (so nothing new is published),
and the change from last year is worked out from the two published values. The differencing
attacker reads these tables too (``tests/web/differencing_attack.py``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from goldenthread.core import calendar
from goldenthread.web.accounts.models import Organisation, User
from goldenthread.web.insights.figures import Figure
from goldenthread.web.insights.filters import area_of
from goldenthread.web.insights.protection import Line, Value
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.insights.year_on_year import NOT_COMPARED, trend_of
from goldenthread.web.plans.demo.builder import area_seed
from tests.web.conftest import PageClient
from tests.web.shared_rows import deferred_checks_run

DEMO_CHILDREN = 300


def _figure(lines: list[Line], *, share: bool = True, totals: Line | None = None) -> Figure:
    return Figure(
        key="achieved-by-need",
        title="Outcomes achieved by primary need",
        unit="outcomes",
        row_heading="Primary need",
        columns=("Achieved", "Not yet"),
        lines=tuple(lines),
        totals=totals,
        share_heading="% achieved" if share else "",
    )


def _line(label: str, share: str | None, total: str = "c") -> Line:
    number = float(share) if share not in (None, "c", "z") else None
    shown = Value(share, number, number is None) if share is not None else None
    total_number = float(total) if total.isdigit() else None
    return Line(label, (Value("c"), Value("c")), Value(total, total_number), shown)


def test_the_change_from_last_year_is_worked_out_from_the_published_values() -> None:
    this = _figure(
        [_line("ASD", "60"), _line("SLCN", "40"), _line("MLD", "c"), _line("SEMH", "50")]
    )
    last = _figure([_line("ASD", "55.5"), _line("SLCN", "45"), _line("MLD", "30")])
    before = _figure([_line("ASD", "50"), _line("SLCN", "c")])
    trend = trend_of(this, [("2023 to 2024", before), ("2024 to 2025", last), ("2025", this)])
    rows = {row.label: row for row in trend.rows}
    assert rows["ASD"].values == ("50", "55.5", "60") and rows["ASD"].change == "Up 4.5 points"
    assert rows["SLCN"].values == ("c", "45", "40") and rows["SLCN"].change == "Down 5 points"
    assert rows["MLD"].change == "No comparison"  # hidden this year
    assert rows["SEMH"].values == ("x", "x", "50")  # not in the earlier figures: no figure
    assert rows["SEMH"].change == "No comparison"
    assert trend.measure == "% achieved" and trend.percent
    assert trend.headers == [
        "Primary need",
        "2023 to 2024",
        "2024 to 2025",
        "2025",
        ("Compared with 2024 to 2025"),
    ]
    assert trend.summary == (
        "Compared with 2024 to 2025, % achieved went up in 1 and down in 1 of the 2 rows that"
        " can be compared."
    )


def test_a_count_figure_compares_row_totals_and_a_missing_row_holds_nobody() -> None:
    this = _figure([_line("ASD", None, "40"), _line("SLCN", None, "15")], share=False)
    last = _figure([_line("ASD", None, "40")], share=False)
    trend = trend_of(this, [("a", None), ("b", last), ("c", this)])
    rows = {row.label: row for row in trend.rows}
    assert rows["ASD"].values == ("0", "40", "40") and rows["ASD"].change == "No change"
    assert rows["SLCN"].values == ("0", "0", "15") and rows["SLCN"].change == "Up 15"
    assert trend.measure == "Number of outcomes" and not trend.percent


@pytest.fixture(scope="module")
def demo_area(django_db_setup: None, django_db_blocker: Any) -> Iterator[Organisation]:
    with django_db_blocker.unblock(), transaction.atomic():
        area_seed(children=DEMO_CHILDREN, seed=2026, today=timezone.localdate())
        facts_refresh()
        area = area_of(User.objects.get(username="leader"))
        assert area is not None
        deferred_checks_run()
        yield area
        transaction.set_rollback(True)


def _table(page: Any, key: str) -> list[list[str]]:
    """A figure's published table on the page, row by row (header row first)."""
    section = page.html.select_one(f'section[aria-labelledby="{key}-heading"]')
    return [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in section.select("table tr")
    ]


def _trend(page: Any, key: str) -> list[list[str]]:
    block = page.html.select_one(f'[data-year-on-year="{key}"]')
    assert block is not None, key
    return [
        [cell.get_text(strip=True) for cell in row.select("th, td")] for row in block.select("tr")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["outcomes", "quality", "attainment", "gaps"])
def test_each_figure_shows_three_school_years_as_the_school_year_filter_publishes_them(
    demo_area: Organisation, page: PageClient, slug: str
) -> None:
    page.sign_in(User.objects.get(username="leader"))
    shown = page.get(f"/insights/{slug}/")
    keys = [
        s["aria-labelledby"][: -len("-heading")]
        for s in shown.html.select("section[aria-labelledby]")
    ]
    assert keys
    this_year = calendar.academic_year_start(timezone.localdate())
    years = range(this_year - 2, this_year + 1)
    by_year = {year: page.get(f"/insights/{slug}/", data={"period": str(year)}) for year in years}
    compared = 0
    for key in keys:
        if shown.html.select_one(f'[data-no-year-on-year="{key}"]'):
            continue  # overlapping counts with no total: checked below
        trend = _trend(shown, key)
        head, rows = trend[0], trend[1:]
        caption = shown.html.select_one(f'[data-year-on-year="{key}"] caption').get_text(
            " ", strip=True
        )
        assert head[1:4] == [f"{y} to {y + 1}" for y in years[:2]] + [
            f"{this_year} to {this_year + 1} (so far)"
        ]
        measure = head[0]
        for index, year in enumerate(years):
            table = _table(by_year[year], key)
            column = _measure_column(table[0], caption)
            published = {row[0]: row[column] for row in table[1:]}
            for row in rows:
                assert row[1 + index] == published.get(row[0], row[1 + index]), (key, year, row)
        for row in rows:
            last, now, change = row[2], row[3], row[4]
            if _number(last) is not None and _number(now) is not None:
                compared += 1
                difference = _number(now) - _number(last)  # type: ignore[operator]
                word = "No change" if difference == 0 else ("Up" if difference > 0 else "Down")
                assert change.startswith(word), (key, row)
            else:
                assert change == "No comparison", (key, row)
        assert measure
    for key in [k for k in keys if shown.html.select_one(f'[data-no-year-on-year="{k}"]')]:
        header = _table(shown, key)[0]
        assert "Total" not in header and not any(h.startswith("%") for h in header), key
    assert compared > 0  # the demo is big enough for some rows to be compared


def _measure_column(header: list[str], caption: str) -> int:
    """The published column the trend reads: the one its caption names, else the total."""
    named = [i for i, heading in enumerate(header) if heading and caption.startswith(heading)]
    if named:
        return named[0]
    return header.index("Total") if "Total" in header else 1


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(NOT_COMPARED))
def test_a_dashboard_with_no_year_on_year_says_why(
    demo_area: Organisation, page: PageClient, slug: str
) -> None:
    page.sign_in(User.objects.get(username="leader"))
    shown = page.get(f"/insights/{slug}/")
    assert not shown.html.select("[data-year-on-year]")
    assert NOT_COMPARED[slug] in shown.text


@pytest.mark.django_db
def test_the_report_and_its_pdf_carry_the_year_on_year_tables(
    demo_area: Organisation, page: PageClient
) -> None:
    page.sign_in(User.objects.get(username="leader"))
    on_dashboards = {
        block["data-year-on-year"]
        for slug in ("outcomes", "quality", "attainment", "gaps")
        for block in page.get(f"/insights/{slug}/").html.select("[data-year-on-year]")
    }
    report = page.get("/insights/report/")
    assert {b["data-year-on-year"] for b in report.html.select("[data-year-on-year]")} == (
        on_dashboards
    )
    pdf = page.client.get("/insights/report/download/")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert text.count("Year on year:") >= len(on_dashboards)

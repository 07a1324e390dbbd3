"""Downloads carry exactly the protected values on the page; the PDF report reads back."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.web.conftest import PageClient
from tests.web.insights_world import InsightsWorld, insights_world_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> InsightsWorld:
    return insights_world_create()


def _page_tables(page: PageClient, url: str) -> dict[str, list[list[str]]]:
    shown = page.get(url)
    tables = {}
    for section in shown.html.select("section[aria-labelledby]"):
        key = str(section["aria-labelledby"]).removesuffix("-heading")
        table = section.select_one("table")
        assert table is not None
        tables[key] = [
            [cell.get_text(strip=True) for cell in row.select("th, td")]
            for row in table.select("tr")
        ]
    return tables


@pytest.mark.parametrize("slug", ["outcomes", "quality", "gaps", "reviews"])
def test_csv_and_xlsx_match_the_page(page: PageClient, world: InsightsWorld, slug: str) -> None:
    page.sign_in(world.leader)
    query = f"?setting={world.big_school.pk}" if slug == "quality" else ""
    tables = _page_tables(page, f"/insights/{slug}/{query}")
    assert tables
    for key, rows in tables.items():
        response = page.client.get(f"/insights/{slug}/{key}.csv{query}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert list(csv.reader(io.StringIO(response.content.decode()))) == rows
    response = page.client.get(f"/insights/{slug}/download/{query}")
    book = load_workbook(io.BytesIO(response.content))
    for key, rows in tables.items():
        sheet = book[key[:31]]
        values = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
        assert values[1 : 1 + len(rows)] == rows


def test_downloads_never_name_a_child(page: PageClient, world: InsightsWorld) -> None:
    page.sign_in(world.leader)
    content = page.client.get("/insights/reviews/reviews-by-setting.csv").content.decode()
    content += page.client.get("/insights/outcomes/outcomes-by-theme.csv").content.decode()
    for name in world.names:
        assert name not in content


def test_the_self_evaluation_report_reads_back_from_its_pdf(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.leader)
    html = page.get("/insights/report/")
    summary = html.html.select_one("[data-summary=outcomes-by-theme]")
    assert summary is not None
    response = page.client.get("/insights/report/download/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Self-evaluation report" in text and "Westshire Council" in text
    assert " ".join(summary.get_text().split()) in text
    assert "Late annual reviews by setting" in text
    for name in world.names:
        assert name not in text

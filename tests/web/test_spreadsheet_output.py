"""Every CSV and XLSX the web product writes keeps formulas as text and numbers as numbers:
the DPO's audit-trail download, the insights downloads and the daily review deadlines CSV."""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stdout

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from goldenthread.cli import main
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.insights.exports import figure_csv, figures_xlsx
from goldenthread.web.insights.figures import Figure
from goldenthread.web.insights.protection import Line, Value
from tests.web.access_world import world_create
from tests.web.factories import Area
from tests.web.reviews_helpers import make_late

FORMULAS = ["-2+3", '=HYPERLINK("http://example.invalid/?x=1","Open")', "@SUM(A1:A9)", "\tx"]


@pytest.mark.django_db
def test_the_audit_trail_download_keeps_formulas_as_text(client: Client) -> None:
    world = world_create()
    dpo = world.people["dpo"]
    events = [
        audit_event_record(
            person=dpo, action=AuditAction.BREAK_GLASS, child_id=world.child.pk, reason=reason
        )
        for reason in FORMULAS
    ]
    client.force_login(dpo)
    response = client.get("/audit-trail/download/", {"child_id": world.child.pk})
    text = response.content.decode()
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert [rows[str(event.pk)]["reason"] for event in events] == [
        "'" + reason for reason in FORMULAS
    ]
    # A real number stays a bare number: the id column is not quoted.
    assert f'\r\n{events[0].pk},"' in text


def _figure() -> Figure:
    return Figure(
        key="demand-projection",
        title=FORMULAS[1],
        unit="children",
        row_heading="Primary need",
        columns=("Change each year", "Projection"),
        lines=(
            Line(FORMULAS[0], (Value("-5%"), Value("-7", -7))),
            Line(FORMULAS[2], (Value(FORMULAS[3]), Value("12", 12))),
        ),
        totals=None,
        summary="+1+1 more",
        notes=("=1+1",),
    )


def test_the_insights_csv_keeps_formulas_as_text_and_numbers_as_they_are() -> None:
    rows = list(csv.reader(io.StringIO(figure_csv(_figure()))))
    assert rows == [
        ["Primary need", "Change each year", "Projection"],
        ["'" + FORMULAS[0], "-5%", "-7"],
        ["'" + FORMULAS[2], "'" + FORMULAS[3], "12"],
    ]


def test_the_insights_workbook_has_no_formula_cells_and_keeps_numbers() -> None:
    book = load_workbook(io.BytesIO(figures_xlsx([_figure()], about=["@about"])))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert cells and all(cell.data_type != "f" for cell in cells)
    assert book["About"]["A1"].value == "'@about"
    sheet = book["demand-projection"]
    values = [[v for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["'" + FORMULAS[1]]
    assert values[2] == ["'" + FORMULAS[0], "-5%", -7]
    assert values[3] == ["'" + FORMULAS[2], "'" + FORMULAS[3], 12]
    assert sheet["C3"].data_type == "n"
    assert ["'+1+1 more"] in values and ["'=1+1"] in values


@pytest.mark.django_db
def test_the_review_deadlines_csv_keeps_a_formula_username_as_text(area: Area) -> None:
    make_late(area.thread.plan)
    coordinator = area.coordinator
    coordinator.username = "-2+3"  # a valid Django username
    coordinator.save(update_fields=["username"])
    out = io.StringIO()
    today = str(timezone.localdate())
    with redirect_stdout(out):
        assert main(["reviews", "due", "--format", "csv", "--today", today]) == 0
    rows = list(csv.reader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONNUMERIC))
    mine = [row for row in rows[1:] if row[0] == area.thread.plan.pk]
    assert mine and all(row[2] == "'-2+3" for row in mine)
    assert all(isinstance(row[5], float) and row[5] >= 0 for row in mine)  # days late: a number

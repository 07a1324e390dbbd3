"""From a figure on the quality dashboard to the outcomes behind it (issue 18).

Each cell of the quality dashboard's tables links here with the dashboard's own filters, the
figure, the row and the column. The figure is built again (from the same cache, so the same
published values) and the cell is looked at: when disclosure control withheld it (a ``c``), the
page says so and lists nothing; otherwise the row and column become filters on the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from goldenthread.core import vocabulary as v
from goldenthread.web.insights.dashboards import DASHBOARDS
from goldenthread.web.insights.figures import Figure
from goldenthread.web.insights.filters import InsightFilter, area_of
from goldenthread.web.insights.forms import InsightFilterForm
from goldenthread.web.insights.measures import CRITERIA_ROWS
from goldenthread.web.insights.protection import Line, Value
from goldenthread.web.workbench.selectors import area_choices

BOARD = "quality"
# figure key: (what its rows are, what its columns are)
DRILLS: dict[str, tuple[str, str]] = {
    **{f"smart-by-{row}": (row, "verdict") for row in ("setting", "service", "team", "domain")},
    "smart-failures": ("criterion", "fails"),
    **{f"smart-failures-by-{row}": (row, "criterion") for row in ("setting", "service", "team")},
}
VERDICT_COLUMNS = ("smart", "not_smart", "unchecked")
HIDDEN = (
    "This number is hidden (shown as c) because it covers so few children that one of them "
    "could be picked out, or because it would let a hidden number be worked out. The outcomes "
    "behind it are not listed here."
)
NOT_FOUND = "This figure is no longer on the dashboard: the figures may have been worked out again."
NO_TOTAL_ROW = "The outcomes behind a total are the rows above it: choose a row."
DRILL_FIELDS = ("figure", "row", "col")


@dataclass
class Drill:
    filters: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    message: str = ""
    chosen: InsightFilter | None = None


def drill_href(query: str, key: str, row: int, col: int | None) -> str:
    """The address of the outcomes behind one cell (col None: the row's total)."""
    params = QueryDict(query, mutable=True)
    for name in (*DRILL_FIELDS, "page"):
        params.pop(name, None)
    params.update({"figure": key, "row": str(row), "col": "total" if col is None else str(col)})
    return f"{reverse('quality-audit')}?{params.urlencode()}"


def drill_links(figures: list[Figure], query: str) -> dict[str, list[list[str | None]]]:
    """For each drillable figure: per line, the link for each cell then the row total."""
    links: dict[str, list[list[str | None]]] = {}
    for figure in figures:
        if figure.key not in DRILLS:
            continue
        rows = []
        for i, line in enumerate(figure.lines):
            cells: list[str | None] = [
                drill_href(query, figure.key, i, j) for j in range(len(line.cells))
            ]
            if figure.with_totals and DRILLS[figure.key][1] == "verdict":
                cells.append(drill_href(query, figure.key, i, None))
            rows.append(cells)
        links[figure.key] = rows
    return links


def _row_filter(kind: str, label: str, area_id: int) -> dict[str, Any] | None:
    if kind in {"setting", "service", "team"}:
        options = area_choices(area_id)[f"{kind}s"]
        found = next((pk for pk, name in options if name == label), None)
        return {kind: found} if found is not None else None
    if kind == "domain":
        found_domain = next((d.value for d, name in v.DOMAIN_LABELS.items() if name == label), None)
        return {"domain": found_domain} if found_domain else None
    found_criterion = next((key for key, name in CRITERIA_ROWS if name == label), None)
    return {"criterion": found_criterion} if found_criterion else None


def _column_filter(kind: str, col: int) -> dict[str, Any] | None:
    if kind == "verdict" and col < len(VERDICT_COLUMNS):
        return {"verdict": VERDICT_COLUMNS[col]}
    if kind == "fails":
        return {} if col == 0 else None  # "passes or does not apply" is not listed
    if kind == "criterion" and col < len(CRITERIA_ROWS):
        return {"criterion": CRITERIA_ROWS[col][0]}
    return None


def _cell(figure: Figure | None, params: QueryDict) -> tuple[Line, int | None, Value | None] | None:
    """The line, column (None: the row's total) and published value the address names."""
    if figure is None:
        return None
    try:
        row = int(params.get("row", ""))
        col_text = params.get("col", "")
        col = None if col_text == "total" else int(col_text)
    except ValueError:
        return None
    if not 0 <= row < len(figure.lines):
        return None
    line = figure.lines[row]
    if col is not None and not 0 <= col < len(line.cells):
        return None
    return line, col, line.total if col is None else line.cells[col]


def drill_resolve(request: Any, params: QueryDict) -> Drill:
    """The filters for the cell ``params`` names, or a message saying why there are none."""
    from goldenthread.web.insights.views import build, disclosure_policy

    key = params.get("figure", "")
    if key not in DRILLS:
        return Drill(message=NOT_FOUND)
    today = timezone.localdate()
    area = area_of(request.user)
    if area is None:
        return Drill(message=NOT_FOUND)
    form = InsightFilterForm(params, area=area, today=today)
    chosen = form.chosen(area_id=area.pk, today=today)
    figures = build(DASHBOARDS[BOARD], chosen, disclosure_policy())
    figure = next((f for f in figures if f.key == key), None)
    cell = _cell(figure, params)
    if figure is None or cell is None:
        return Drill(message=NOT_FOUND)
    line, col, value = cell
    row_kind, col_kind = DRILLS[key]
    column = figure.columns[col] if col is not None else "Total"
    description = f"{figure.title}: {line.label}, {column}"
    if value is None or value.withheld or value.number is None:
        return Drill(description=description, message=HIDDEN)
    row_filter = _row_filter(row_kind, line.label, area.pk)
    column_filter = _column_filter(col_kind, col) if col is not None else None
    if col is None and col_kind == "verdict":
        column_filter = {}
    if row_filter is None or column_filter is None:
        return Drill(description=description, message=NOT_FOUND)
    return Drill(
        filters={**row_filter, **column_filter},
        description=f"{description}: the dashboard shows {value.text}, rounded.",
        chosen=chosen,
    )


def query_without_drill(params: QueryDict) -> str:
    kept = {k: v for k, v in params.items() if k not in (*DRILL_FIELDS, "page")}
    return urlencode(kept)

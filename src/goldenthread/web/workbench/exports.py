"""An upload's results as CSV or Excel: every cell made safe (``core.spreadsheet_safety``)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook

from goldenthread.core import vocabulary as v
from goldenthread.core.spreadsheet_safety import SpreadsheetCsvWriter, spreadsheet_row
from goldenthread.web.insights.measures import CRITERION_NAMES
from goldenthread.web.workbench.models import QualityUploadRow

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADINGS = [
    "Row", "Id", "Statement", "What it is", "SMART", "Score", "Checks it fails", "Themes",
    "Suggested wording", "Worth a second look",
]  # fmt: skip


def _values(row: QualityUploadRow) -> list[object]:
    return [
        row.position,
        row.record_id,
        row.text,
        row.kind,
        "Yes" if row.smart else "No",
        row.score,
        "; ".join(CRITERION_NAMES.get(name, name) for name in row.failing_list),
        "; ".join(v.THEMES[n][0] for n in row.theme_list if n in v.THEMES),
        row.suggestion,
        row.second_look_words,
    ]


def rows_csv(rows: Iterable[QualityUploadRow]) -> str:
    out = io.StringIO()
    writer = SpreadsheetCsvWriter(out)
    writer.writerow(HEADINGS)
    for row in rows.iterator() if hasattr(rows, "iterator") else rows:
        writer.writerow(_values(row))
    return out.getvalue()


def rows_xlsx(rows: Iterable[QualityUploadRow]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Results"
    sheet.append(HEADINGS)
    for row in rows.iterator() if hasattr(rows, "iterator") else rows:
        sheet.append(spreadsheet_row(_values(row)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""Downloads: every figure as CSV or XLSX, and the self-evaluation report as PDF.

They are written from the same ``Figure`` objects as the page, so the numbers are the same
protected values: nothing here sees a raw count.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook

from goldenthread.web.insights.figures import Figure

SHEET_NAME_LIMIT = 31
FORMULA_STARTS = ("=", "+", "-", "@")


def _safe(text: str) -> str:
    """Cells that a spreadsheet would run as a formula are prefixed (CSV injection)."""
    if (
        text.startswith(FORMULA_STARTS)
        and not text.lstrip("+-").replace(".", "").replace("%", "").isdigit()
    ):
        return "'" + text
    return text


def _xlsx_cell(text: str) -> str | int:
    return int(text) if text.isdigit() else _safe(text)


def figure_rows(figure: Figure) -> list[list[str]]:
    return [figure.headers, *figure.rows_as_text()]


def figure_csv(figure: Figure) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in figure_rows(figure):
        writer.writerow([_safe(cell) for cell in row])
    return out.getvalue()


def figures_xlsx(figures: Sequence[Figure], *, about: Sequence[str]) -> bytes:
    """One sheet per figure, after a sheet that says what the figures are and the rules."""
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "About"
    for line in about:
        notes.append([line])
    for figure in figures:
        sheet = book.create_sheet(figure.key[:SHEET_NAME_LIMIT])
        sheet.append([figure.title])
        for row in figure_rows(figure):
            sheet.append([_xlsx_cell(cell) for cell in row])
        sheet.append([])
        sheet.append([figure.summary])
        for note in figure.notes:
            sheet.append([note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def report_pdf(html: str, *, base_url: str) -> bytes:
    from weasyprint import HTML  # heavy: only when a PDF is asked for

    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf

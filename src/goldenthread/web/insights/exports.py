"""Downloads: every figure as CSV or XLSX, and the self-evaluation report as PDF.

They are written from the same ``Figure`` objects as the page, so the numbers are the same
protected values: nothing here sees a raw count.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook

from goldenthread.core.spreadsheet_safety import (
    SpreadsheetCsvWriter,
    spreadsheet_number_or_text,
    spreadsheet_text,
)
from goldenthread.web.insights.figures import Figure

SHEET_NAME_LIMIT = 31


def figure_rows(figure: Figure) -> list[list[str]]:
    return [figure.headers, *figure.rows_as_text()]


def figure_csv(figure: Figure) -> str:
    out = io.StringIO()
    writer = SpreadsheetCsvWriter(out)
    writer.writerows(figure_rows(figure))
    return out.getvalue()


def figures_xlsx(figures: Sequence[Figure], *, about: Sequence[str]) -> bytes:
    """One sheet per figure, after a sheet that says what the figures are and the rules."""
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "About"
    for line in about:
        notes.append([spreadsheet_text(line)])
    for figure in figures:
        sheet = book.create_sheet(figure.key[:SHEET_NAME_LIMIT])
        sheet.append([spreadsheet_text(figure.title)])
        for row in figure_rows(figure):
            sheet.append([spreadsheet_number_or_text(cell) for cell in row])
        sheet.append([])
        sheet.append([spreadsheet_text(figure.summary)])
        for note in figure.notes:
            sheet.append([spreadsheet_text(note)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def report_pdf(html: str, *, base_url: str) -> bytes:
    from weasyprint import HTML  # heavy: only when a PDF is asked for

    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf

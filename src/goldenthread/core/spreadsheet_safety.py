"""Cells for CSV and Excel files that a spreadsheet will never run as a formula.

Every CSV and XLSX the product writes goes through here (CSV injection, OWASP). The rule:

* text that starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a NUL gets a
  leading single quote, so the spreadsheet shows it as text and runs nothing;
* text that is wholly a plain number (``-3``, ``-0.4``, ``+12%``) is left alone: it can name no
  function, cell or program, and a spreadsheet reads it as the number it is;
* numbers (int, float, Decimal) and dates stay numbers and dates; only text is ever changed;
* CSV files quote every text cell (``csv.QUOTE_NONNUMERIC``), so a comma, quote or line break in
  a value can never start a new cell that begins with a formula.

Reasons and sources: docs/adr/0020-input-limits-and-spreadsheet-output.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

# Characters a spreadsheet treats as the start of a formula (OWASP CSV Injection: = + - @ tab
# carriage return; ASVS 5.0 requirement 1.2.10 adds NUL).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
TEXT_MARKER = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?", re.ASCII)
_WHOLE_NUMBER = re.compile(r"-?\d+", re.ASCII)

SpreadsheetValue = str | int | float | Decimal | dt.date | dt.time


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def spreadsheet_text(text: str) -> str:
    """``text`` with a leading quote if a spreadsheet would run it as a formula."""
    if text.startswith(FORMULA_TRIGGERS) and _PLAIN_NUMBER.fullmatch(text) is None:
        return TEXT_MARKER + text
    return text


def spreadsheet_cell(value: object) -> SpreadsheetValue:
    """A value ready for a CSV or XLSX cell: numbers and dates as they are, None as an empty
    cell, anything else as text made safe by ``spreadsheet_text``."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    if isinstance(value, dt.date | dt.time):
        return value
    return spreadsheet_text(value if isinstance(value, str) else str(value))


def spreadsheet_row(values: Iterable[object]) -> list[SpreadsheetValue]:
    """Every value of a row made safe by ``spreadsheet_cell``."""
    return [spreadsheet_cell(value) for value in values]


def spreadsheet_number_or_text(text: str) -> SpreadsheetValue:
    """For a cell shown on a page as text: a whole number becomes a number (so a spreadsheet can
    add it up), anything else is made safe as text."""
    if _WHOLE_NUMBER.fullmatch(text) is not None:
        return int(text)
    return spreadsheet_text(text)


class SpreadsheetCsvWriter:
    """A ``csv.writer`` that makes every cell safe and quotes every text cell."""

    def __init__(self, stream: _Writable, *, lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(
            stream, quoting=csv.QUOTE_NONNUMERIC, lineterminator=lineterminator
        )

    def writerow(self, values: Iterable[object]) -> None:
        self._writer.writerow(spreadsheet_row(values))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for values in rows:
            self.writerow(values)

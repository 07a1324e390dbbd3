"""The shapes the audit reads and the error it raises on bad input.

Every message the audit can show about an input file is a constant here, so the tests can
import it and the wording lives in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Statements longer than this are refused: no real outcome is this long, and it stops a
# pasted document from being treated as one statement.
MAX_TEXT_BYTES = 100 * 1024

MSG_UNREADABLE = "{file}: the file cannot be opened ({reason})"
MSG_NOT_UTF8 = "{file}, line {line}: the file is not UTF-8 text. Save it as UTF-8 and try again"
MSG_UNKNOWN_FORMAT = "{file}: the file type is not known. Use a .csv, .xlsx, .jsonl or .docx file"
MSG_NO_TEXT_COLUMN = "{file}: there is no column headed 'text'. Add one, with a statement per row"
MSG_EMPTY_TEXT = "{file}, line {line}: the text is empty"
MSG_TEXT_TOO_LONG = "{file}, line {line}: the text is longer than 100 KB"
MSG_TEXT_NOT_STRING = "{file}, line {line}: 'text' must be a piece of text in quotes"
MSG_BAD_JSON = "{file}, line {line}: this line is not valid JSON ({reason})"
MSG_BAD_CSV = "{file}, line {line}: this row cannot be read as CSV ({reason})"
MSG_NOT_OBJECT = "{file}, line {line}: each line must be a JSON object with a 'text' field"
MSG_BAD_DATE = "{file}, line {line}: '{value}' in '{field}' is not a date. Write it as YYYY-MM-DD"
MSG_BAD_ID = "{file}, line {line}: 'id' must be text or a whole number"
MSG_CORRUPT_XLSX = "{file}: this is not an Excel workbook that can be read ({reason})"
MSG_CORRUPT_DOCX = "{file}: this is not a Word document that can be read ({reason})"
MSG_NO_STATEMENTS = "{file}: no statements were found"
# Limits (goldenthread.core.audit.limits): each message names the file and the limit.
MSG_FILE_TOO_BIG = "{file} is {size}; the limit is {limit}. Split it into smaller files"
MSG_UNZIPPED_TOO_BIG = "{file} is {size} when unzipped; the limit is {limit}"
MSG_TOO_MANY_PARTS = "{file} holds {count} files inside it; the limit is {limit}"
MSG_PART_TOO_PACKED = (
    "{file}: '{part}' unzips to {ratio} times its packed size; the limit is {limit} times"
)
MSG_TOO_MANY_ROWS = (
    "{file} has more than {limit} rows; the limit is {limit}. Split it into smaller files"
)
MSG_TOO_MANY_STATEMENTS = (
    "{file} has more than {limit} statements; the limit is {limit}. Split it into smaller files"
)
MSG_CELL_TOO_LONG = "{file}, line {line}: a cell is longer than the limit of {limit}"


class AuditInputError(Exception):
    """A problem with an input file, worded for the person who gave us the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class AuditItem:
    """One statement to audit, with where it came from.

    ``position`` is the id used when the input gives none: the line number for CSV, XLSX and
    JSONL, and a paragraph or table-cell position for Word documents.
    """

    position: str | int
    text: str
    item_id: str | int | None = None
    section: str | None = None
    domain: str | None = None
    date_of_birth: dt.date | None = None
    today: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def record_id(self) -> str | int:
        """The id written to the output: the input's own id, else the position."""
        return self.item_id if self.item_id is not None else self.position

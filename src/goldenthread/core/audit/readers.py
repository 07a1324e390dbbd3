"""Read statements from CSV, XLSX, JSONL and Word files into audit items, checking every one.

Everything is read and checked before anything is audited or written, so a bad file stops the
run with a message that names the file and line, and no half-written output.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from goldenthread.core.audit.limits import (
    MAX_CELL_BYTES,
    MAX_ROWS,
    file_bytes_read,
    size_text,
    zip_container_check,
)
from goldenthread.core.audit.model import (
    MAX_TEXT_BYTES,
    MSG_BAD_CSV,
    MSG_BAD_DATE,
    MSG_BAD_ID,
    MSG_BAD_JSON,
    MSG_CELL_TOO_LONG,
    MSG_CORRUPT_XLSX,
    MSG_EMPTY_TEXT,
    MSG_NO_STATEMENTS,
    MSG_NO_TEXT_COLUMN,
    MSG_NOT_OBJECT,
    MSG_NOT_UTF8,
    MSG_TEXT_NOT_STRING,
    MSG_TEXT_TOO_LONG,
    MSG_TOO_MANY_ROWS,
    MSG_UNKNOWN_FORMAT,
    AuditInputError,
    AuditItem,
)

# Columns (or JSON keys) the audit understands; anything else is passed through as ``extra``.
TEXT_FIELD = "text"
ID_FIELD = "id"
DOB_FIELD = "dob"
TODAY_FIELD = "today"
SECTION_FIELD = "section"
DOMAIN_FIELD = "domain"
KNOWN_FIELDS = frozenset(
    {TEXT_FIELD, ID_FIELD, DOB_FIELD, TODAY_FIELD, SECTION_FIELD, DOMAIN_FIELD}
)

JSON_TOO_DEEP = "it is nested too deeply"

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl", ".docx": "docx"}


def audit_items_read(path: Path) -> list[AuditItem]:
    """Read and check every statement in ``path``; raise AuditInputError on the first problem.

    The limits (size on disk, and for Word and Excel files what the zip says it unzips to) are
    checked before any parser runs; rows and cells are checked as they are read.
    """
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise AuditInputError(MSG_UNKNOWN_FORMAT.format(file=path.name))
    raw = file_bytes_read(path)
    if kind in {"xlsx", "docx"}:
        zip_container_check(raw, name=path.name, kind=kind)
    if kind == "csv":
        items = csv_items_read(raw, name=path.name)
    elif kind == "jsonl":
        items = jsonl_items_read(raw, name=path.name)
    elif kind == "xlsx":
        items = xlsx_items_read(raw, name=path.name)
    else:
        from goldenthread.core.audit.docx_reader import docx_items_read

        items = docx_items_read(raw, name=path.name)
    if not items:
        raise AuditInputError(MSG_NO_STATEMENTS.format(file=path.name))
    return items


def _decode(raw: bytes, *, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise AuditInputError(MSG_NOT_UTF8.format(file=name, line=line)) from error


def csv_items_read(raw: bytes, *, name: str) -> list[AuditItem]:
    """Read a CSV file with a header row; the id is the data row's line number in the file."""
    text = _decode(raw, name=name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        rows: list[tuple[int, list[str]]] = []
        start = reader.line_num + 1
        for row in reader:
            rows.append((start, row))
            _rows_check(len(rows), name=name)
            start = reader.line_num + 1
    except csv.Error as error:
        if str(error).startswith("field larger than field limit"):
            raise AuditInputError(
                MSG_CELL_TOO_LONG.format(
                    file=name, line=reader.line_num, limit=size_text(MAX_CELL_BYTES)
                )
            ) from error
        raise AuditInputError(
            MSG_BAD_CSV.format(file=name, line=reader.line_num, reason=error)
        ) from error
    return _table_items(header or [], rows, name=name)


def xlsx_items_read(raw: bytes, *, name: str) -> list[AuditItem]:
    """Read the first sheet of an Excel workbook; the id is the spreadsheet row number."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        values = []
        for row in sheet.iter_rows(values_only=True):
            values.append(row)
            _rows_check(len(values) - 1, name=name)  # the first row is the header
        workbook.close()
    except AuditInputError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as error:
        raise AuditInputError(MSG_CORRUPT_XLSX.format(file=name, reason=error)) from error
    except Exception as error:  # openpyxl raises its own types for broken workbooks
        raise AuditInputError(MSG_CORRUPT_XLSX.format(file=name, reason=error)) from error
    if not values:
        return []
    header = [_cell_text(cell) for cell in values[0]]
    rows = [
        (number, [_cell_text(cell) for cell in row]) for number, row in enumerate(values[1:], 2)
    ]
    return _table_items(header, rows, name=name)


def _rows_check(count: int, *, name: str) -> None:
    """Stop reading at the first row past the limit."""
    if count > MAX_ROWS:
        raise AuditInputError(MSG_TOO_MANY_ROWS.format(file=name, limit=f"{MAX_ROWS:,}"))


def _cells_check(row: list[str], *, line: int, name: str) -> None:
    for cell in row:
        # A cell of n characters is at most 4n bytes of UTF-8: most need no encoding to check.
        if len(cell) * 4 > MAX_CELL_BYTES and len(cell.encode("utf-8")) > MAX_CELL_BYTES:
            raise AuditInputError(
                MSG_CELL_TOO_LONG.format(file=name, line=line, limit=size_text(MAX_CELL_BYTES))
            )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table_items(
    header: list[str], rows: Iterable[tuple[int, list[str]]], *, name: str
) -> list[AuditItem]:
    columns = [cell.strip().lower() for cell in header]
    if TEXT_FIELD not in columns:
        raise AuditInputError(MSG_NO_TEXT_COLUMN.format(file=name))
    items = []
    for line, row in rows:
        _cells_check(row, line=line, name=name)
        if not any(cell.strip() for cell in row):
            continue  # spreadsheets often end in blank rows
        record = {
            column: row[index] if index < len(row) else ""
            for index, column in enumerate(columns)
            if column
        }
        record = {key: value for key, value in record.items() if key in KNOWN_FIELDS or value}
        items.append(_item_from_mapping(record, line=line, name=name))
    return items


def jsonl_items_read(raw: bytes, *, name: str) -> list[AuditItem]:
    """Read JSON Lines: an object per line with ``text`` and optional ``id``, ``dob``, ``today``."""
    text = _decode(raw, name=name)
    items = []
    for line, source in enumerate(text.splitlines(), 1):
        _rows_check(line, name=name)
        if not source.strip():
            continue
        try:
            value = json.loads(source)
        except json.JSONDecodeError as error:
            raise AuditInputError(
                MSG_BAD_JSON.format(file=name, line=line, reason=error.msg)
            ) from error
        except RecursionError as error:
            raise AuditInputError(
                MSG_BAD_JSON.format(file=name, line=line, reason=JSON_TOO_DEEP)
            ) from error
        if not isinstance(value, dict):
            raise AuditInputError(MSG_NOT_OBJECT.format(file=name, line=line))
        if TEXT_FIELD not in value:
            raise AuditInputError(MSG_NOT_OBJECT.format(file=name, line=line))
        items.append(_item_from_mapping(value, line=line, name=name))
    return items


def _item_from_mapping(record: Mapping[str, Any], *, line: int, name: str) -> AuditItem:
    text = record.get(TEXT_FIELD)
    if not isinstance(text, str):
        raise AuditInputError(MSG_TEXT_NOT_STRING.format(file=name, line=line))
    text = text.strip()
    if not text:
        raise AuditInputError(MSG_EMPTY_TEXT.format(file=name, line=line))
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise AuditInputError(MSG_TEXT_TOO_LONG.format(file=name, line=line))
    item_id = record.get(ID_FIELD)
    if isinstance(item_id, bool) or not isinstance(item_id, str | int | None):
        raise AuditInputError(MSG_BAD_ID.format(file=name, line=line))
    if isinstance(item_id, str):
        item_id = item_id.strip() or None
    extra = {key: value for key, value in record.items() if key not in KNOWN_FIELDS}
    return AuditItem(
        position=line,
        text=text,
        item_id=item_id,
        section=_optional_text(record.get(SECTION_FIELD)),
        domain=_optional_text(record.get(DOMAIN_FIELD)),
        date_of_birth=date_parse(record.get(DOB_FIELD), field=DOB_FIELD, line=line, name=name),
        today=date_parse(record.get(TODAY_FIELD), field=TODAY_FIELD, line=line, name=name),
        extra=extra,
    )


def _optional_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def date_parse(value: object, *, field: str, line: int, name: str) -> dt.date | None:
    """Read an ISO date (YYYY-MM-DD); empty means unknown."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as error:
        raise AuditInputError(
            MSG_BAD_DATE.format(file=name, line=line, value=value, field=field)
        ) from error

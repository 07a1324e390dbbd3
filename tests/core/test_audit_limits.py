"""Limits on the audit's input: size on disk, what a zip says it unzips to, parts, packing,
rows and cells. Each refusal names the file and the limit, and nothing is processed."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

import pytest
from tests.core.zip_bombs import (
    SHEET_PART,
    declared_size_set,
    docx_bomb_write,
    xlsx_bomb_write,
)

from goldenthread.commands import audit as audit_command
from goldenthread.core.audit import readers
from goldenthread.core.audit.limits import (
    MAX_CELL_BYTES,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_PARTS,
    size_text,
)
from goldenthread.core.audit.model import (
    MSG_CELL_TOO_LONG,
    MSG_CORRUPT_XLSX,
    MSG_FILE_TOO_BIG,
    MSG_PART_TOO_PACKED,
    MSG_TOO_MANY_PARTS,
    MSG_TOO_MANY_ROWS,
    MSG_TOO_MANY_STATEMENTS,
    MSG_UNZIPPED_TOO_BIG,
    AuditInputError,
)
from goldenthread.core.audit.readers import audit_items_read

MEGABYTE = 1024 * 1024


def _refused(path: Path) -> str:
    with pytest.raises(AuditInputError) as caught:
        audit_items_read(path)
    return caught.value.message


def _audit(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    audit_command.add_arguments(parser)
    return audit_command.run(parser.parse_args(list(argv)))


def _sparse_csv(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.write(b"text\nI will read a book.\n")
        handle.truncate(size)  # the rest is a hole: no time or disk to write it
    return path


def test_size_text_reads_as_people_write_sizes() -> None:
    assert size_text(int(7.2 * 1024**3)) == "7.2 GB"
    assert size_text(200 * MEGABYTE) == "200 MB"
    assert size_text(100 * 1024) == "100 KB"
    assert size_text(12) == "12 bytes"


def test_a_csv_just_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = _sparse_csv(tmp_path / "outcomes.csv", MAX_FILE_BYTES + 1)
    assert _refused(path) == MSG_FILE_TOO_BIG.format(
        file="outcomes.csv", size=size_text(MAX_FILE_BYTES + 1), limit="50 MB"
    )


def test_a_200_mb_csv_is_refused_by_the_command_with_exit_2_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _sparse_csv(tmp_path / "outcomes.csv", 200 * MEGABYTE)
    out = tmp_path / "audit.csv"
    assert _audit(str(path), "-o", str(out)) == 2
    error = capsys.readouterr().err
    assert "outcomes.csv is 200 MB; the limit is 50 MB" in error
    assert not out.exists()


def test_an_xlsx_bomb_is_refused_from_its_zip_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "outcomes.xlsx"
    xlsx_bomb_write(path, unzipped_bytes=256 * MEGABYTE)
    assert path.stat().st_size < 2 * MEGABYTE  # small on disk, a quarter of a gigabyte inside
    expected = MSG_UNZIPPED_TOO_BIG.format(
        file="outcomes.xlsx", size="256 MB", limit=size_text(MAX_UNZIPPED_BYTES)
    )
    assert _refused(path) == expected
    out = tmp_path / "audit.jsonl"
    assert _audit(str(path), "-o", str(out)) == 2
    assert expected in capsys.readouterr().err
    assert not out.exists()


def test_the_bomb_builder_makes_a_workbook_that_is_read_when_small(tmp_path: Path) -> None:
    """The bombs above are real workbooks: a small one reads row by row."""
    path = tmp_path / "small.xlsx"
    rows = xlsx_bomb_write(path, unzipped_bytes=200 * 1024)
    items = audit_items_read(path)
    assert len(items) == rows > 1000
    assert items[0].text == "By July 2027 I will read aloud."


def test_a_part_packed_tighter_than_the_ratio_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.xlsx"
    xlsx_bomb_write(path, unzipped_bytes=20 * MEGABYTE)  # under the size limit, packed ~300:1
    message = _refused(path)
    prefix = MSG_PART_TOO_PACKED.split("{ratio}")[0].format(file="outcomes.xlsx", part=SHEET_PART)
    assert message.startswith(prefix)
    assert message.endswith(f"the limit is {MAX_COMPRESSION_RATIO} times")


def test_a_zip_that_lies_about_its_sizes_is_refused_as_broken(tmp_path: Path) -> None:
    """The directory says the sheet is small; zipfile stops at the declared size and the
    checksum fails, so nothing past the declared size is ever unzipped."""
    honest = tmp_path / "honest.xlsx"
    xlsx_bomb_write(honest, unzipped_bytes=50 * MEGABYTE)
    with zipfile.ZipFile(honest) as archive:
        packed = archive.getinfo(SHEET_PART).compress_size
    path = tmp_path / "outcomes.xlsx"
    path.write_bytes(declared_size_set(honest.read_bytes(), part=SHEET_PART, size=packed * 2))
    message = _refused(path)
    assert message.startswith(MSG_CORRUPT_XLSX.format(file="outcomes.xlsx", reason="")[:-1])
    assert "CRC" in message


def test_a_zip_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(MAX_ZIP_PARTS + 1):
            archive.writestr(f"word/media/{number}.xml", b"")
    assert _refused(path) == MSG_TOO_MANY_PARTS.format(
        file="plan.docx", count=f"{MAX_ZIP_PARTS + 1:,}", limit=f"{MAX_ZIP_PARTS:,}"
    )


def test_a_docx_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    docx_bomb_write(path, unzipped_bytes=256 * MEGABYTE)
    assert path.stat().st_size < 2 * MEGABYTE
    with zipfile.ZipFile(path) as archive:
        unzipped = sum(info.file_size for info in archive.infolist())
    assert unzipped > 256 * MEGABYTE
    assert _refused(path) == MSG_UNZIPPED_TOO_BIG.format(
        file="plan.docx", size=size_text(unzipped), limit=size_text(MAX_UNZIPPED_BYTES)
    )


def test_the_docx_bomb_builder_makes_a_plan_that_is_read_when_small(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    paragraphs = docx_bomb_write(path, unzipped_bytes=30 * 1024)
    items = audit_items_read(path)
    assert len(items) == paragraphs > 400
    assert {item.section for item in items} == {"E"}


def test_a_word_plan_with_too_many_statements_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goldenthread.core.audit import docx_reader

    monkeypatch.setattr(docx_reader, "MAX_ROWS", 50)
    path = tmp_path / "plan.docx"
    docx_bomb_write(path, unzipped_bytes=30 * 1024)
    assert _refused(path) == MSG_TOO_MANY_STATEMENTS.format(file="plan.docx", limit="50")


def test_a_csv_with_one_row_too_many_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text("text\n" + "I will read a book.\n" * (MAX_ROWS + 1), encoding="utf-8")
    assert _refused(path) == MSG_TOO_MANY_ROWS.format(file="outcomes.csv", limit=f"{MAX_ROWS:,}")


def test_a_csv_at_the_row_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    path = tmp_path / "outcomes.csv"
    path.write_text("text\na\nb\nc\n", encoding="utf-8")
    assert [item.text for item in audit_items_read(path)] == ["a", "b", "c"]


def test_csv_reading_stops_at_the_first_row_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows after the limit are never read: a cell there that is too long is not reached."""
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    path = tmp_path / "outcomes.csv"
    too_long = "x" * (MAX_CELL_BYTES * 2)
    path.write_text("text\na\nb\nc\nd\n" + too_long + "\n", encoding="utf-8")
    assert _refused(path) == MSG_TOO_MANY_ROWS.format(file="outcomes.csv", limit="3")


def test_an_xlsx_with_too_many_rows_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_ROWS", 100)
    path = tmp_path / "outcomes.xlsx"
    xlsx_bomb_write(path, unzipped_bytes=100 * 1024)
    assert _refused(path) == MSG_TOO_MANY_ROWS.format(file="outcomes.xlsx", limit="100")


@pytest.mark.parametrize("size", [MAX_CELL_BYTES + 1, 200 * 1024])
def test_a_csv_cell_over_the_cell_limit_is_refused_whichever_column(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text(f"text,notes\nI will read.,{'x' * size}\n", encoding="utf-8")
    assert _refused(path) == MSG_CELL_TOO_LONG.format(file="outcomes.csv", line=2, limit="100 KB")


def test_deeply_nested_jsonl_is_refused_as_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.jsonl"
    path.write_text('{"text": "I will swim", "x": ' + "[" * 100_000 + "\n", encoding="utf-8")
    assert "nested too deeply" in _refused(path)

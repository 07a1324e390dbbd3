"""Write audit records as JSONL, CSV or an HTML report, never leaving a half-written file.

Output goes to a temporary file beside the target, which is renamed over it only once every
record has been written (``os.replace`` is atomic on the same file system).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from goldenthread.core.audit.runner import AuditResult
from goldenthread.core.audit.summary import AuditSummary, AuditTally
from goldenthread.core.quality.second_look import second_look_sentence
from goldenthread.core.spreadsheet_safety import SpreadsheetCsvWriter

OUTPUT_FORMATS = ("jsonl", "csv", "html")
CSV_MAIN_COLUMNS = (
    "id",
    "section",
    "plan_domain",
    "suggested_domain",
    "kind",
    "kind_confidence",
    "smart",
    "score",
    "due_date",
    "themes",
    "text",
    "suggestion",
)


def audit_write(
    results: Iterable[AuditResult],
    *,
    output_format: str,
    out: Path | None,
    source_name: str,
) -> AuditSummary:
    """Write ``results`` to ``out`` (or standard output when ``out`` is None) atomically, and
    return their summary.

    JSONL is written as results arrive (memory stays flat); CSV and HTML need them all first.
    A file is written beside ``out`` and renamed over it only when complete.
    """
    tally = AuditTally()
    counted = tally.counted(results)
    if output_format == "jsonl":
        chunks = jsonl_render(counted)
    else:
        everything = list(counted)
        chunks = audit_render(
            everything,
            output_format=output_format,
            summary=tally.summary(),
            source_name=source_name,
        )
    if out is None:
        _stream_write(chunks, sys.stdout)
        return tally.summary()
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed on success
        mode="w",
        encoding="utf-8",
        newline="",
        dir=out.parent if str(out.parent) else ".",
        prefix=f".{out.name}.",
        suffix=".tmp",
        delete=False,
    )
    temporary = Path(handle.name)
    try:
        with handle:
            _stream_write(chunks, handle)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(out)  # atomic rename (os.replace)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return tally.summary()


def _stream_write(chunks: Iterable[str], stream: IO[str]) -> None:
    for chunk in chunks:
        stream.write(chunk)


def audit_render(
    results: Sequence[AuditResult],
    *,
    output_format: str,
    summary: AuditSummary,
    source_name: str,
) -> Iterator[str]:
    """The output as pieces of text, in ``output_format`` (jsonl, csv or html)."""
    if output_format == "jsonl":
        return jsonl_render(results)
    records = [result.record() for result in results]
    if output_format == "csv":
        return csv_render(records)
    if output_format == "html":
        return html_render(records, summary=summary, source_name=source_name)
    raise ValueError(f"unknown output format: {output_format}")


def jsonl_render(results: Iterable[AuditResult]) -> Iterator[str]:
    """One JSON object per line, UTF-8, keys in the record's order (written by the workers)."""
    for result in results:
        yield result.line + "\n"


def _criterion_names(records: Sequence[Mapping[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for record in records[:1000]:
        names.update(dict.fromkeys(record.get("criteria") or {}))
    return list(names)


def _extra_names(records: Sequence[Mapping[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for record in records:
        names.update(dict.fromkeys(record.get("extra") or {}))
    return list(names)


def themes_text(themes: object) -> str:
    """Theme links as short text: "1 (0.82); 3 (0.41)"."""
    if not isinstance(themes, list):
        return ""
    return "; ".join(
        f"{link.get('theme')} ({float(link.get('confidence', 0)):.2f})"
        for link in themes
        if isinstance(link, dict)
    )


def _best_domain(domains: object) -> str:
    """The most likely suggested domain, from theme linking's list."""
    if isinstance(domains, list) and domains and isinstance(domains[0], dict):
        return str(domains[0].get("domain", "")).replace("_", " ")
    return ""


def _csv_value(value: object) -> object:
    """Yes or no for a check; anything else as it is (the writer makes every cell safe)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def csv_render(records: Sequence[Mapping[str, Any]]) -> Iterator[str]:
    """One row per statement: the main fields, a status column per criterion, then extra columns.

    Cells a spreadsheet would run as a formula are kept as text (``spreadsheet_safety``)."""
    criteria = _criterion_names(records)
    extras = [name for name in _extra_names(records) if name not in CSV_MAIN_COLUMNS]
    buffer = io.StringIO()
    writer = SpreadsheetCsvWriter(buffer)
    writer.writerow([*CSV_MAIN_COLUMNS, *criteria, *extras])
    for record in records:
        findings = record.get("criteria") or {}
        extra = record.get("extra") or {}
        row = [_csv_value(record.get(column)) for column in CSV_MAIN_COLUMNS]
        row[CSV_MAIN_COLUMNS.index("themes")] = themes_text(record.get("themes"))
        row[CSV_MAIN_COLUMNS.index("suggested_domain")] = _best_domain(record.get("domain"))
        row += [_csv_value((findings.get(name) or {}).get("status")) for name in criteria]
        row += [_csv_value(extra.get(name)) for name in extras]
        writer.writerow(row)
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def html_render(
    records: Sequence[Mapping[str, Any]], *, summary: AuditSummary, source_name: str
) -> Iterator[str]:
    """A self-contained, accessible HTML report with a summary, escaped by Jinja2."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["themes_text"] = themes_text
    environment.filters["second_look_text"] = second_look_sentence
    template = environment.get_template("audit_report.html")
    return template.generate(
        records=records,
        summary=summary,
        source_name=source_name,
        criteria=_criterion_names(records),
    )

"""``goldenthread audit FILE``: check every statement in a CSV, XLSX, JSONL or Word file."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

EXIT_OK = 0
EXIT_BAD_INPUT = 2
MSG_BAD_TODAY = "--today: '{value}' is not a date. Write it as YYYY-MM-DD"
MSG_CANNOT_WRITE = "{file}: the report cannot be written ({reason})"
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}
# Below this many statements a run is over before a progress bar would be worth drawing.
PROGRESS_MINIMUM = 500


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a .csv, .xlsx, .jsonl or .docx file of statements")
    parser.add_argument(
        "--format",
        choices=("jsonl", "csv", "html"),
        help="output format (default: from the -o file name, else jsonl)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, help="write here instead of to standard output"
    )
    parser.add_argument(
        "--today",
        help="the date to judge time frames against, YYYY-MM-DD (default: today)",
    )

    parser.add_argument(
        "--no-themes",
        action="store_true",
        help="leave out theme, area and domain suggestions (about twice as fast)",
    )


def run(args: argparse.Namespace) -> int:
    from goldenthread.core.audit.model import AuditInputError
    from goldenthread.core.audit.readers import audit_items_read
    from goldenthread.core.audit.runner import audit_stream
    from goldenthread.core.audit.summary import audit_summary_text
    from goldenthread.core.audit.writers import audit_write

    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        print(MSG_BAD_TODAY.format(value=args.today), file=sys.stderr)
        return EXIT_BAD_INPUT
    output: Path | None = args.output if args.output and str(args.output) != "-" else None
    output_format = args.format or (
        SUFFIX_FORMATS.get(output.suffix.lower(), "jsonl") if output else "jsonl"
    )
    try:
        items = audit_items_read(args.file)
    except AuditInputError as error:
        print(error.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        with _progress(len(items)) as advance:
            results = audit_stream(items, today=today, progress=advance, themes=not args.no_themes)
            summary = audit_write(
                results, output_format=output_format, out=output, source_name=args.file.name
            )
    except OSError as error:
        name = output.name if output else "standard output"
        print(MSG_CANNOT_WRITE.format(file=name, reason=error.strerror or error), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(audit_summary_text(summary), file=sys.stderr)
    return EXIT_OK


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on standard error, shown only to a person watching a terminal."""
    if not sys.stderr.isatty() or total < PROGRESS_MINIMUM:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Checking statements", total=total)
        yield lambda done: bar.advance(task, done)

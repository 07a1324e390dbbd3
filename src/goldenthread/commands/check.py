"""``goldenthread check "TEXT"``: check one statement against the outcome guidance."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

MAX_TEXT_BYTES = 100_000
EMPTY_TEXT = "There is no statement to check. Put the words in quotes after 'check'."
TEXT_TOO_LONG = "The statement is too long to check (over 100 KB). Check one statement at a time."
BAD_DATE = "{name} must be a date written as YYYY-MM-DD, like 2027-07-31."
# Display styles and marks, not passwords (bandit B105 misreads "pass").
_PASS = "pass"  # noqa: S105  # nosec B105
STATUS_STYLE = {_PASS: "bold green", "warn": "bold yellow", "fail": "bold red", "n/a": "dim"}
STATUS_MARK = {_PASS: "✓ pass", "warn": "! warn", "fail": "✗ fail", "n/a": "– n/a"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help="the statement to check, in quotes")
    parser.add_argument("--dob", help="the child's date of birth (YYYY-MM-DD)")
    parser.add_argument("--today", help="the date to judge on (YYYY-MM-DD); default: today")
    parser.add_argument("--plan-end", help="the date the plan ends (YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(BAD_DATE.format(name=name)) from None


def run(args: argparse.Namespace) -> int:
    text: str = args.text
    if not text.strip():
        print(EMPTY_TEXT, file=sys.stderr)
        return 2
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        print(TEXT_TOO_LONG, file=sys.stderr)
        return 2
    try:
        dob = _date(args.dob, "--dob")
        today = _date(args.today, "--today") or dt.date.today()
        plan_end = _date(args.plan_end, "--plan-end")
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2

    from goldenthread.core.quality import StatementContext, assess, assessment_to_record

    assessment = assess(text, StatementContext(today=today, date_of_birth=dob, plan_end=plan_end))
    record = assessment_to_record(assessment, None)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        _print_report(record)
    return 0


def _print_report(record: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    statement = Text(record["text"])
    for found in record["criteria"].values():
        if found["status"] in {"warn", "fail"}:
            style = "underline red" if found["status"] == "fail" else "underline yellow"
            for start, end in found["spans"]:
                statement.stylize(style, start, end)
    console.print(statement)
    verdict = "[bold green]SMART[/]" if record["smart"] else "[bold red]not SMART yet[/]"
    due = record["due_date"] or "not known"
    console.print(
        f"Kind: [bold]{record['kind']}[/] ({record['kind_confidence']:.0%} sure)   "
        f"Verdict: {verdict}   Score: [bold]{record['score']}[/]/100   Due: {due}"
    )
    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("Criterion", no_wrap=True)
    table.add_column("Result", no_wrap=True)
    table.add_column("What we found")
    table.add_column("Try this")
    for name, found in record["criteria"].items():
        status = found["status"]
        table.add_row(
            name.replace("_", " "),
            Text(STATUS_MARK[status], STATUS_STYLE[status]),
            found["message"],
            found["suggestion"],
        )
    console.print(table)
    if record["unsure"]:
        from goldenthread.core.quality.second_look import second_look_sentence

        console.print(f"[bold]{second_look_sentence(record['unsure'])}[/]")
    for note in record["notes"]:
        console.print(f"[dim]Note: {note}[/]")
    console.print("[bold]A SMART outline from your words:[/]")
    console.print(Text(record["suggestion"]))

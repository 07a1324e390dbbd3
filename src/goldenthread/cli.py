"""The ``goldenthread`` command: one entry point, one module per sub-command.

Each sub-command lives in ``goldenthread.commands.<name>`` and provides
``add_arguments(parser)`` and ``run(args) -> int``. Modules are imported only when their
command runs, so ``goldenthread check`` never pays for Django or the web stack.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> one-line help. Order here is the order in ``goldenthread --help``.
COMMANDS: dict[str, str] = {
    "check": "Check one statement against the outcome guidance.",
    "audit": "Check every statement in a CSV, XLSX, JSONL or Word file.",
    "eval": "Measure the quality engine and theme linking against the labelled sets.",
    "seed": "Build a synthetic demo local area in the database.",
    "serve": "Migrate the database and serve the web app.",
    "export-child": "Export everything held about one child (subject access).",
    "retention": "List or apply the retention periods (erase or anonymise what is due).",
    "reviews": "List review deadlines late or due soon (daily), or work them out again.",
    "passport": "Export a child's passport (JSON or FHIR), or import one from another area.",
    "api-token": "Make, list or revoke a token for a system using the REST API.",
    "audit-trail": "Verify the audit trail's hash chain (`audit-trail verify`).",
    "insights": "Rebuild the area dashboards' figures (nightly; `insights refresh`).",
    "backup": "Back up the PostgreSQL database and stored documents into one checked archive.",
    "restore": "Restore a backup archive into an empty database and compare every table.",
    "quality-rejudge": "Judge again stale stored quality verdicts (nightly; after a model change).",
    "worker": "Run the scheduled jobs (nightly figures, daily digest...) until stopped.",
    "demo-code": "Print a demo account's current sign-in code (development and test only).",
    "returns": "Make the statutory returns (SEN2 XML, Annex A lists), checked before writing.",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goldenthread",
        description="Golden Thread: outcomes in plans for children and young people with SEND.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        _command_module(name).add_arguments(sub)
    return parser


def _command_module(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"goldenthread.commands.{name.replace('-', '_')}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = _command_module(args.command).run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())

"""Every ``goldenthread`` command the README shows parses with the real argument parser.

A documented command that no longer parses (an option renamed, one now required) fails here.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from goldenthread.cli import COMMANDS, build_parser

README = Path(__file__).resolve().parents[2] / "README.md"
COMMAND_LINE = re.compile(r"(?:^|\s)\.venv/bin/goldenthread\s+(?P<args>.*)$")


def _documented() -> list[list[str]]:
    found = []
    for line in README.read_text(encoding="utf-8").splitlines():
        match = COMMAND_LINE.search(line)
        if match:
            found.append(shlex.split(match["args"], comments=True))
    return found


def test_every_documented_command_parses() -> None:
    documented = _documented()
    parser = build_parser()
    for argv in documented:
        parsed = parser.parse_args(argv)  # exits (fails the test) on a bad command
        assert parsed.command in COMMANDS


def test_the_readme_shows_retention_the_trail_and_exports_for_a_person() -> None:
    shown = {" ".join(argv) for argv in _documented()}
    wanted = [
        ("retention", "--dry-run"),
        ("retention", "--confirm"),
        ("audit-trail", "verify"),
        ("export-child", "--user"),
        ("passport export", "--user"),
        ("demo-code",),
    ]
    for words in wanted:
        assert any(all(word in line for word in words) for line in shown), words

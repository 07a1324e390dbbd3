"""docs/assessment-deadlines.md, generated from the rules.

Run ``python -m goldenthread.core.assessments.catalogue > docs/assessment-deadlines.md``; a test
fails when the file is stale.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from goldenthread.core.assessments import bank_holidays, clock, rules
from goldenthread.core.assessments.rules import ASSESSMENT_RULES

# The page's opening and the table of what the law says (long Markdown lines).
HEADER = (Path(__file__).with_name("law.md")).read_text(encoding="utf-8")


def _doc(obj: object) -> str:
    return inspect.cleandoc(inspect.getdoc(obj) or "")


def _rules() -> list[str]:
    lines = ["## The rules", "", "| rule | source |", "|---|---|"]
    lines += [f"| `{entry.name}` | {entry.source} |" for entry in ASSESSMENT_RULES.values()]
    lines.append("")
    for entry in ASSESSMENT_RULES.values():
        allowed = ", ".join(sorted(clock.EXCEPTIONS_FOR.get(entry.name, ()))) or "none"
        lines += [
            f"### `{entry.name}`",
            "",
            entry.summary,
            "",
            f"**Why:** {entry.reason}",
            "",
            f"**Exceptions that lift it:** {allowed}",
            "",
            f"**Source:** {entry.source}",
            "",
        ]
    return lines


def render() -> str:
    lines = [
        HEADER,
        "## Counting",
        "",
        _doc(rules),
        "",
        "## The timeline of one assessment",
        "",
        _doc(clock),
        "",
        f"A step is *due soon* within {clock.DUE_SOON_DAYS} days of its date (the due day "
        "counted), *late* the day after, *done late* when it was done after its date.",
        "",
        *_rules(),
        "## Bank holidays in England and Wales",
        "",
        _doc(bank_holidays),
        "",
    ]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render(), end="")

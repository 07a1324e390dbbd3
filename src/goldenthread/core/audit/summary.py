"""Count what an audit found: how many statements, how many SMART, which rules fail most."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

FAIL = "fail"


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """The headline figures for a batch of audit records."""

    count: int
    smart_count: int
    failures: tuple[tuple[str, int], ...]  # criterion -> statements failing it, commonest first
    kinds: tuple[tuple[str, int], ...]  # kind -> statements, commonest first
    sections: tuple[tuple[str, int], ...]  # section letter (or "none") -> statements

    @property
    def smart_share(self) -> float:
        """The share of statements judged SMART, 0 to 1."""
        return self.smart_count / self.count if self.count else 0.0


def audit_summarise(records: Iterable[Mapping[str, Any]]) -> AuditSummary:
    """Summarise audit records (as written to JSONL)."""
    count = smart = 0
    failures: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    for record in records:
        count += 1
        smart += bool(record.get("smart"))
        kinds[str(record.get("kind"))] += 1
        sections[str(record.get("section") or "none")] += 1
        for name, finding in (record.get("criteria") or {}).items():
            if finding.get("status") == FAIL:
                failures[name] += 1
    return AuditSummary(
        count=count,
        smart_count=smart,
        failures=tuple(failures.most_common()),
        kinds=tuple(kinds.most_common()),
        sections=tuple(sorted(sections.items())),
    )


def audit_summary_text(summary: AuditSummary) -> str:
    """The summary as a few lines of plain text, for the end of a command-line run."""
    lines = [
        f"Statements checked: {summary.count}",
        f"SMART: {summary.smart_count} ({summary.smart_share:.0%})",
    ]
    if summary.kinds:
        kinds = ", ".join(f"{kind} {number}" for kind, number in summary.kinds)
        lines.append(f"Kinds: {kinds}")
    if summary.failures:
        lines.append("Commonest problems:")
        lines.extend(
            f"  {name}: {number} ({number / summary.count:.0%})"
            for name, number in summary.failures[:7]
        )
    else:
        lines.append("No statement failed a check.")
    return "\n".join(lines)

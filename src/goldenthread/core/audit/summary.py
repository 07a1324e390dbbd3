"""Count what an audit found: how many statements, how many SMART, which rules fail most."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from goldenthread.core.audit.runner import AuditResult


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """The headline figures for a batch of audit records."""

    count: int
    smart_count: int
    failures: tuple[tuple[str, int], ...]  # criterion -> statements failing it, commonest first
    kinds: tuple[tuple[str, int], ...]  # kind -> statements, commonest first
    sections: tuple[tuple[str, int], ...]  # section letter (or "none") -> statements
    second_look_count: int = 0  # statements the learned judge is unsure of (worth a second look)

    @property
    def smart_share(self) -> float:
        """The share of statements judged SMART, 0 to 1."""
        return self.smart_count / self.count if self.count else 0.0


class AuditTally:
    """Counts results as they pass, so a streamed audit can be summarised at the end."""

    def __init__(self) -> None:
        self.count = 0
        self.smart = 0
        self.second_look = 0
        self.failures: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()
        self.sections: Counter[str] = Counter()

    def counted(self, results: Iterable[AuditResult]) -> Iterator[AuditResult]:
        """Pass ``results`` through unchanged, counting each one."""
        for result in results:
            self.count += 1
            self.smart += result.smart
            self.second_look += result.second_look
            self.kinds[result.kind] += 1
            self.sections[result.section or "none"] += 1
            self.failures.update(result.failing)
            yield result

    def summary(self) -> AuditSummary:
        return AuditSummary(
            count=self.count,
            smart_count=self.smart,
            failures=tuple(self.failures.most_common()),
            kinds=tuple(self.kinds.most_common()),
            sections=tuple(sorted(self.sections.items())),
            second_look_count=self.second_look,
        )


def audit_summarise(results: Iterable[AuditResult]) -> AuditSummary:
    """Summarise audit results (the facts each result carries beside its JSONL line)."""
    tally = AuditTally()
    for _ in tally.counted(results):
        pass
    return tally.summary()


def audit_summary_text(summary: AuditSummary) -> str:
    """The summary as a few lines of plain text, for the end of a command-line run."""
    lines = [
        f"Statements checked: {summary.count}",
        f"SMART: {summary.smart_count} ({summary.smart_share:.0%})",
        f"Worth a second look (the learned judge is unsure): "
        f"{summary.second_look_count} ({summary.second_look_count / max(summary.count, 1):.0%})",
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

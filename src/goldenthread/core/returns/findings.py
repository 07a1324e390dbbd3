"""A failed validation check: which rule, which child's record, which field, and why."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A named check: its id, what it asks, and where the rule comes from."""

    rule_id: str
    message: str
    source: str
    severity: str = "error"  # "error" stops the export; "query" is shown, not blocking


@dataclass(frozen=True)
class Finding:
    rule: Rule
    record: int  # the child's record number in Golden Thread (0 for the header)
    field: str
    value: str = ""

    @property
    def blocks_export(self) -> bool:
        return self.rule.severity == "error"

    def describe(self) -> str:
        where = f"child {self.record}" if self.record else "the return's header"
        shown = f" (value {self.value!r})" if self.value else ""
        return f"{self.rule.rule_id} {where}, {self.field}{shown}: {self.rule.message}"


Check = Callable[..., Iterable[Finding]]


def run_checks(checks: Iterable[Check], *args: object) -> list[Finding]:
    found: list[Finding] = []
    for check in checks:
        found.extend(check(*args))
    return found


def blocking(findings: Iterable[Finding]) -> Iterator[Finding]:
    return (f for f in findings if f.blocks_export)

"""The rule registry: every criterion is a named function with a reason and named thresholds.

The reason a rule exists is the last paragraph of its docstring; findings carry it, and the rule
catalogue (docs/quality-rules.md) is generated from this registry.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

from goldenthread.core.quality.model import Finding, Span, Status
from goldenthread.core.quality.statement import Statement

RuleFunction = Callable[[Statement], Finding]


@dataclass(frozen=True, slots=True)
class Rule:
    """One criterion: its function, the reason in plain English and its thresholds."""

    criterion: str
    function: RuleFunction
    summary: str
    reason: str
    thresholds: dict[str, object] = field(default_factory=dict)


RULES: dict[str, Rule] = {}
REASONS: dict[str, str] = {}


def _paragraphs(doc: str) -> list[str]:
    return [" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n") if p.strip()]


def rule(criterion: str, **thresholds: object) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function for ``criterion``; its docstring must end with the reason."""

    def register(function: RuleFunction) -> RuleFunction:
        paragraphs = _paragraphs(function.__doc__ or "")
        if len(paragraphs) < 2:
            msg = f"{function.__name__} needs a docstring ending with the reason"
            raise ValueError(msg)
        RULES[criterion] = Rule(
            criterion, function, "\n\n".join(paragraphs[:-1]), paragraphs[-1], dict(thresholds)
        )
        REASONS[criterion] = paragraphs[-1]
        return function

    return register


_SAME_FINDINGS: dict[tuple[str, Status, str, str], Finding] = {}
MAX_SAME_FINDINGS = 512


def finding(
    criterion: str,
    status: Status,
    message: str,
    *,
    spans: tuple[Span, ...] = (),
    suggestion: str = "",
) -> Finding:
    """A finding for ``criterion`` carrying the rule's reason.

    Findings are frozen, so one with no spans is built once and shared (speed: most of them
    are the same few fixed messages)."""
    if spans:
        return Finding(
            criterion=criterion,
            status=status,
            message=message,
            reason=REASONS[criterion],
            spans=spans,
            suggestion=suggestion,
        )
    key = (criterion, status, message, suggestion)
    found = _SAME_FINDINGS.get(key)
    if found is None:
        found = Finding(
            criterion=criterion,
            status=status,
            message=message,
            reason=REASONS[criterion],
            suggestion=suggestion,
        )
        if len(_SAME_FINDINGS) < MAX_SAME_FINDINGS:
            _SAME_FINDINGS[key] = found
    return found


def quote(text: str, span: Span) -> str:
    """The words of a span, in quotes, for messages."""
    return f"“{text[span.start : span.end].strip()}”"


def nice_date(day: dt.date) -> str:
    """A date as families write it: "31 July 2027"."""
    return f"{day.day} {day:%B %Y}"

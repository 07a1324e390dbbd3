"""The shapes the quality engine returns: a finding per criterion, and an assessment per statement.

These are the contract that the command line, the audit output (JSONL) and the web pages read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a statement is, using the chart in the Waltham Forest guidance."""

    ASPIRATION = "aspiration"
    NEED = "need"
    TARGET = "target"
    PROVISION = "provision"
    OUTCOME = "outcome"


class Status(StrEnum):
    """How a statement fares against one criterion."""

    PASS = "pass"  # noqa: S105 (a status, not a password)  # nosec B105
    WARN = "warn"
    FAIL = "fail"
    NOT_APPLICABLE = "n/a"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start`` to ``end`` (exclusive) of the statement that a finding is about."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Finding:
    """The result of one named rule against one statement."""

    criterion: str
    status: Status
    message: str
    reason: str
    spans: tuple[Span, ...] = ()
    suggestion: str = ""


@dataclass(frozen=True, slots=True)
class StatementContext:
    """What is known about the child and plan when a statement is judged.

    ``today`` defaults to the real date at the point of use; pass it for reproducible results.
    """

    today: dt.date
    date_of_birth: dt.date | None = None
    plan_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the engine says about one statement."""

    text: str
    kind: Kind
    kind_confidence: float
    criteria: dict[str, Finding]
    smart: bool
    score: int
    due_date: dt.date | None
    suggestion: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    rubric: dict[str, object] = field(default_factory=dict)  # exactly the rubric's fields
    second_look: tuple[str, ...] = ()  # rubric fields where the rules and the model disagree
    unsure: tuple[str, ...] = ()  # rubric fields the model decided too near even to trust
    engine_version: str = ""

"""Plain data for review deadlines: periods, deadlines, their state and the rule registry.

Every deadline is a calendar date. A deadline that falls on a Saturday, Sunday or bank holiday
stays on that date: the law counts calendar days, weeks and months, so nothing is moved to the
Friday before or the Monday after. Only the first child in care review counts working days.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from dateutil.relativedelta import relativedelta

from goldenthread.core import calendar as cal

SATURDAY = 5
TERM_LOOKBACK_DAYS = 21


class DeadlineKind(StrEnum):
    """What a deadline is for."""

    NEXT_REVIEW = "next_review"
    MEETING_NOTICE = "meeting_notice"
    REVIEW_REPORT = "review_report"
    LA_DECISION = "la_decision"
    AMENDED_PLAN = "amended_plan"
    PHASE_TRANSFER = "phase_transfer"
    PREPARING_FOR_ADULTHOOD = "preparing_for_adulthood"


class AssessmentDeadlineKind(StrEnum):
    """What an EHC needs assessment deadline is for (``goldenthread.core.assessments``)."""

    DECISION_TO_ASSESS = "decision_to_assess"
    ADVICE = "advice"
    DECISION_TO_ISSUE = "decision_to_issue"
    FAMILY_VIEWS = "family_views"
    FINAL_PLAN = "final_plan"


class DeadlineState(StrEnum):
    """Where a deadline stands on a given day."""

    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"


class PlanStatus(StrEnum):
    """The plan's own status (the same codes as the web layer's plan status)."""

    DRAFT = "draft"
    FINAL = "final"
    CEASED = "ceased"


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days (Monday to Friday) after ``start``.

    Bank holidays are counted as working days: that gives the earlier, safer date and needs no
    holiday list.
    """
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < SATURDAY:
            left -= 1
    return day


@dataclass(frozen=True, slots=True)
class Period:
    """A length of time between two reviews, or from a start to a deadline.

    Months use ``dateutil.relativedelta``: adding months keeps the day of the month, or takes the
    last day of a shorter month (29 February 2024 + 12 months = 28 February 2025; 31 August +
    6 months = 28 or 29 February). ``terms`` counts school term ends: 1 is the end of the term
    after the one the start date counts for. A date counts for the term running, or about to
    start, 3 weeks (``TERM_LOOKBACK_DAYS``) before it: so a review in the Christmas or Easter
    holiday, or the first days of a term, counts for the term just ended, while one in
    September counts for the autumn term.
    """

    months: int = 0
    weeks: int = 0
    working_days: int = 0
    terms: int = 0

    def after(self, start: dt.date, terms: cal.TermDates | None = None) -> dt.date:
        """The date this period after ``start``."""
        day = start + relativedelta(months=self.months, weeks=self.weeks)
        day = add_working_days(day, self.working_days)
        if self.terms:
            counts_for = day - dt.timedelta(days=TERM_LOOKBACK_DAYS)
            day = cal.end_of_term(counts_for, terms, ahead=self.terms)
        return day

    def describe(self) -> str:
        """The period in words: "12 months", "20 working days", "1 term"."""
        parts = [
            _plural(self.months, "month"),
            _plural(self.weeks, "week"),
            _plural(self.working_days, "working day"),
            _plural(self.terms, "term"),
        ]
        return ", ".join(part for part in parts if part) or "no time"


def _plural(count: int, word: str) -> str:
    if not count:
        return ""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated deadline: what it is, when, which rule set it, why and on what authority.

    ``earliest`` is set when the rule gives a window ("due between 3 and 6 months"); ``notes``
    carry things the team must know about this deadline (such as a review that must cover
    preparing for adulthood); ``met_on`` is the day it was met, when it has been.
    """

    kind: DeadlineKind | AssessmentDeadlineKind
    due: dt.date
    rule: str
    reason: str
    source: str
    earliest: dt.date | None = None
    notes: tuple[str, ...] = ()
    met_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DeadlineStatus:
    """A deadline and where it stands on ``today``.

    ``days_left`` is negative once the due date has passed; ``days_late`` is how many days after
    the due date it was met, or (if not met) how many days overdue it is today.
    """

    deadline: Deadline
    state: DeadlineState
    days_left: int
    days_late: int


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """One registered rule: its function, summary, reason and source."""

    name: str
    module: str
    summary: str
    reason: str
    source: str


DEADLINE_RULES: dict[str, DeadlineRule] = {}
RuleFunction = TypeVar("RuleFunction", bound=Callable[..., object])
NO_REASON = "{name} needs a docstring ending with the reason"


def _paragraphs(doc: str) -> list[str]:
    return [" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n") if p.strip()]


def deadline_rule(
    source: str, registry: dict[str, DeadlineRule] | None = None
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a deadline rule; its docstring's last paragraph is the reason. ``registry``
    keeps another family of rules apart (the assessment clock has its own)."""
    rules = DEADLINE_RULES if registry is None else registry

    def register(function: RuleFunction) -> RuleFunction:
        paragraphs = _paragraphs(function.__doc__ or "")
        if len(paragraphs) < 2:
            raise ValueError(NO_REASON.format(name=function.__name__))
        rules[function.__name__] = DeadlineRule(
            name=function.__name__,
            module=function.__module__,
            summary="\n\n".join(paragraphs[:-1]),
            reason=paragraphs[-1],
            source=source,
        )
        return function

    return register


def make_deadline(
    rule: str,
    kind: DeadlineKind | AssessmentDeadlineKind,
    due: dt.date,
    *,
    earliest: dt.date | None = None,
    notes: tuple[str, ...] = (),
    met_on: dt.date | None = None,
    source: str | None = None,
    registry: dict[str, DeadlineRule] | None = None,
) -> Deadline:
    """A deadline carrying the registered rule's reason and source."""
    entry = (DEADLINE_RULES if registry is None else registry)[rule]
    return Deadline(
        kind=kind,
        due=due,
        rule=rule,
        reason=entry.reason,
        source=source or entry.source,
        earliest=earliest,
        notes=notes,
        met_on=met_on,
    )


DUE_SOON_DAYS = 28


def deadline_status(
    deadline: Deadline, *, today: dt.date, due_soon_days: int = DUE_SOON_DAYS
) -> DeadlineStatus:
    """Where a deadline stands on ``today``: met, overdue, due soon (within ``due_soon_days``,
    counting the due day itself) or upcoming."""
    days_left = (deadline.due - today).days
    if deadline.met_on is not None:
        late = max(0, (deadline.met_on - deadline.due).days)
        return DeadlineStatus(deadline, DeadlineState.MET, days_left, late)
    if days_left < 0:
        return DeadlineStatus(deadline, DeadlineState.OVERDUE, days_left, -days_left)
    state = DeadlineState.DUE_SOON if days_left <= due_soon_days else DeadlineState.UPCOMING
    return DeadlineStatus(deadline, state, days_left, 0)

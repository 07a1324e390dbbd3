"""One assessment's clock: every deadline, where each stands today, and where the case is.

The web layer turns an assessment into plain ``AssessmentFacts``; ``assessment_clock`` returns
the timeline. Exceptions: the Regulations do not "stop the clock". They say the authority
"need not comply with the time limit" while it is impractical for one of the reasons in
reg 5(4), reg 8(2) or reg 10(4). So the statutory date never moves; a line with an exception
shows a working target moved on by the days the exception covered (a local practice, shown as
such), and while an exception is still open the line is paused and on no late list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from goldenthread.core.assessments.rules import (
    advice_due,
    decision_to_assess_due,
    decision_to_issue_due,
    family_views_due,
    final_plan_due,
)
from goldenthread.core.reviews.model import Deadline, DeadlineState, deadline_status

DUE_SOON_DAYS = 14
SCHOOL_CLOSURE = "school_closure"
PERSONAL = "personal_circumstances"
ABSENT = "absent_from_area"
MISSED_APPOINTMENT = "missed_appointment"
ALL_REASONS = frozenset({SCHOOL_CLOSURE, PERSONAL, ABSENT, MISSED_APPOINTMENT})
# Which reasons lift which time limit, as each regulation lists them.
EXCEPTIONS_FOR: dict[str, frozenset[str]] = {
    "decision_to_assess_due": frozenset({SCHOOL_CLOSURE, PERSONAL, ABSENT}),  # reg 5(4)(a)-(c)
    "advice_due": frozenset({MISSED_APPOINTMENT}),  # reg 8(2)
    "decision_to_issue_due": ALL_REASONS,  # reg 10(4)(a)-(d)
    "final_plan_due": ALL_REASONS,  # reg 13(3), by reference to reg 10(4)(a)-(d)
    "family_views_due": frozenset(),  # the family's 15 days are a minimum, not a limit
}


class Status:
    """What a line shows: the words on the page and the tag colour."""

    ON_TIME = "on time"
    DONE_LATE = "done late"
    DUE_SOON = "due soon"
    LATE = "late"
    UPCOMING = "upcoming"
    PAUSED = "exception open"


@dataclass(frozen=True, slots=True)
class ExceptionPeriod:
    reason: str
    starts_on: dt.date
    ends_on: dt.date | None = None

    def days(self) -> int:
        """Days covered, both ends counted (an open one covers nothing yet: it is paused)."""
        return 0 if self.ends_on is None else max(0, (self.ends_on - self.starts_on).days + 1)


@dataclass(frozen=True, slots=True)
class AdviceFacts:
    key: int
    label: str
    requested_on: dt.date
    received_on: dt.date | None = None
    missed_appointment_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AssessmentFacts:
    request_received_on: dt.date
    request_outcome: str = ""
    request_outcome_on: dt.date | None = None
    advice: Sequence[AdviceFacts] = ()
    assessment_outcome: str = ""
    assessment_outcome_on: dt.date | None = None
    draft_sent_on: dt.date | None = None
    draft_served_by: str = ""
    views_received_on: dt.date | None = None
    plan_issued_on: dt.date | None = None
    withdrawn_on: dt.date | None = None
    exceptions: Sequence[ExceptionPeriod] = ()


@dataclass(frozen=True, slots=True)
class ClockLine:
    """One deadline on the timeline. ``target`` is the statutory date moved on by the days any
    closed exception covered; ``None`` while an exception is open (paused)."""

    label: str
    deadline: Deadline
    target: dt.date | None
    status: str
    days_late: int
    exception_days: int = 0
    exception_reasons: tuple[str, ...] = ()
    advice_key: int | None = None

    @property
    def excepted(self) -> bool:
        return bool(self.exception_reasons)

    @property
    def is_open(self) -> bool:
        return self.deadline.met_on is None

    @property
    def counts_as_late(self) -> bool:
        return self.status in (Status.LATE, Status.DONE_LATE)


@dataclass(frozen=True, slots=True)
class Clock:
    stage: str
    lines: tuple[ClockLine, ...]
    next_due_on: dt.date | None
    final_due_on: dt.date
    exceptions_apply: bool
    late: bool = field(default=False)
    due_soon: bool = field(default=False)


def _applicable(
    rule: str, exceptions: Sequence[ExceptionPeriod], until: dt.date
) -> list[ExceptionPeriod]:
    allowed = EXCEPTIONS_FOR.get(rule, frozenset())
    return [e for e in exceptions if e.reason in allowed and e.starts_on <= until]


def _line(
    label: str,
    deadline: Deadline,
    exceptions: Sequence[ExceptionPeriod],
    today: dt.date,
    advice_key: int | None = None,
) -> ClockLine:
    until = deadline.met_on or today
    applicable = _applicable(deadline.rule, exceptions, until)
    reasons = tuple(sorted({e.reason for e in applicable}))
    extra = sum(e.days() for e in applicable)
    paused = deadline.met_on is None and any(e.ends_on is None for e in applicable)
    if paused:
        return ClockLine(label, deadline, None, Status.PAUSED, 0, extra, reasons, advice_key)
    target = deadline.due + dt.timedelta(days=extra)
    moved = dataclasses.replace(deadline, due=target)
    state = deadline_status(moved, today=today, due_soon_days=DUE_SOON_DAYS)
    if state.state is DeadlineState.MET:
        status = Status.DONE_LATE if state.days_late else Status.ON_TIME
    elif state.state is DeadlineState.OVERDUE:
        status = Status.LATE
    elif state.state is DeadlineState.DUE_SOON:
        status = Status.DUE_SOON
    else:
        status = Status.UPCOMING
    return ClockLine(label, deadline, target, status, state.days_late, extra, reasons, advice_key)


def assessment_stage(facts: AssessmentFacts) -> str:
    """Where the case is (the codes of ``assessments.AssessmentStage``)."""
    if facts.withdrawn_on is not None or "withdrawn" in (
        facts.request_outcome,
        facts.assessment_outcome,
    ):
        return "closed"
    if facts.request_outcome == "not_assess":
        return "not_assessed"
    if facts.request_outcome != "assess":
        return "requested"
    if facts.assessment_outcome == "no_plan":
        return "no_plan"
    if facts.assessment_outcome == "plan":
        return "issued" if facts.plan_issued_on is not None else "draft"
    advice_in = bool(facts.advice) and all(a.received_on for a in facts.advice)
    return "deciding" if advice_in else "assessing"


OPEN = frozenset({"requested", "assessing", "deciding", "draft"})


def assessment_clock(facts: AssessmentFacts, *, today: dt.date) -> Clock:
    """Every deadline that applies so far, each with its status on ``today``."""
    received = facts.request_received_on
    exceptions = facts.exceptions
    lines = [
        _line(
            "Decide whether to assess",
            decision_to_assess_due(received_on=received, decided_on=facts.request_outcome_on),
            exceptions,
            today,
        )
    ]
    assessing = facts.request_outcome == "assess"
    if assessing:
        for advice in facts.advice:
            deadline = advice_due(requested_on=advice.requested_on, received_on=advice.received_on)
            own = list(exceptions)
            if advice.missed_appointment_on is not None:
                own.append(
                    ExceptionPeriod(
                        MISSED_APPOINTMENT, advice.missed_appointment_on, advice.received_on
                    )
                )
            lines.append(_line(f"Advice: {advice.label}", deadline, own, today, advice.key))
        lines.append(
            _line(
                "Decide whether to issue a plan",
                decision_to_issue_due(received_on=received, decided_on=facts.assessment_outcome_on),
                exceptions,
                today,
            )
        )
    if facts.draft_sent_on is not None:
        lines.append(
            _line(
                "The family's views on the draft (at least 15 days)",
                family_views_due(
                    draft_sent_on=facts.draft_sent_on,
                    served_by=facts.draft_served_by,
                    views_received_on=facts.views_received_on,
                ),
                (),
                today,
            )
        )
    final = final_plan_due(received_on=received, issued_on=facts.plan_issued_on)
    stage = assessment_stage(facts)
    if (assessing and facts.assessment_outcome != "no_plan") or stage == "requested":
        lines.append(_line("Issue the final plan (20 weeks)", final, exceptions, today))
    open_stage = stage in OPEN
    live = [line for line in lines if open_stage and line.is_open and line.target is not None]
    # The family's 15 days are theirs: never a late item for the authority.
    live = [line for line in live if line.deadline.rule != "family_views_due"]
    next_due = min((line.target for line in live if line.target), default=None)
    return Clock(
        stage=stage,
        lines=tuple(lines),
        next_due_on=next_due,
        final_due_on=final.due,
        exceptions_apply=bool(exceptions),
        late=any(line.status == Status.LATE for line in live),
        due_soon=any(line.status == Status.DUE_SOON for line in live),
    )

"""Annual-review decisions within 4 weeks: a timeliness measure for leaders.

The rule: after an annual review meeting of an EHC plan, the local authority must tell the
family whether it will keep, change or stop the plan within 4 weeks of the meeting (SEND
Regulations 2014 reg 20(10); SEND Code of Practice 2015, 9.176). The deadline is the rule
``la_decision_due`` (``deadlines.py``): the meeting date plus 4 weeks (28 days), a calendar
date never moved off a weekend or bank holiday. A decision made on that day is on time; a day
later is late. The SEN2 return works the same item out the same way
(``core.returns.sen2.AnnualReview.decided_within_four_weeks``).

Which reviews count: every annual review meeting whose decision is known, or whose 4 weeks have
passed without one (a decision still not made after 4 weeks is late; leaving it out would
flatter the measure). A meeting still inside its 4 weeks with no decision is not counted yet.

Figures are grouped (service, team, setting or the whole area) and by school term (of the
meeting: autumn from 1 September to the end of the autumn term, spring to the end of the spring
term, summer to 31 August), and every figure goes through disclosure control as the rest of the
timeliness page does (``headline_protect`` for counts, ``rate_protect`` for shares).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from goldenthread.core import calendar as cal
from goldenthread.core.insights import DisclosurePolicy, PublishedCount, PublishedShare
from goldenthread.core.insights.policy import headline_protect, rate_protect
from goldenthread.core.reviews.deadlines import la_decision_due

RULE = "la_decision_due"
SOURCE = "SEND Regulations 2014 reg 20(10); SEND Code of Practice 2015, 9.176"
TERM_ORDER = {cal.Term.AUTUMN: 0, cal.Term.SPRING: 1, cal.Term.SUMMER: 2}


def decision_due(meeting_on: dt.date) -> dt.date:
    """The last day the decision is on time: the meeting plus 4 weeks (``la_decision_due``)."""
    return la_decision_due(meeting_on=meeting_on).due


def decided_within_4_weeks(meeting_on: dt.date, decided_on: dt.date | None) -> bool:
    """True when the decision was made no later than 4 weeks after the meeting."""
    return decided_on is not None and decided_on <= decision_due(meeting_on)


def counts_on(meeting_on: dt.date, decided_on: dt.date | None, today: dt.date) -> bool:
    """Whether a review counts in the measure today: decided, or its 4 weeks are over."""
    return decided_on is not None or today > decision_due(meeting_on)


def term_of(day: dt.date, terms: cal.TermDates | None = None) -> tuple[int, cal.Term]:
    """The school year (by its starting calendar year) and term a day falls in; a holiday
    belongs to the term after it, and the summer holiday to the summer term."""
    terms = terms or cal.DEFAULT_TERMS
    start = cal.academic_year_start(day)
    if day <= terms.term_end(start, cal.Term.AUTUMN):
        return start, cal.Term.AUTUMN
    if day <= terms.term_end(start, cal.Term.SPRING):
        return start, cal.Term.SPRING
    return start, cal.Term.SUMMER


def term_label(year: int, term: cal.Term) -> str:
    return f"{term.value.capitalize()} {year}/{str(year + 1)[-2:]}"


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """One annual review meeting (no names or ids): when, the decision date, its group."""

    meeting_on: dt.date
    decided_on: dt.date | None
    group: str


@dataclass(frozen=True, slots=True)
class DecisionLine:
    group: str
    term: str
    reviews: PublishedCount
    within: PublishedShare
    undecided: PublishedCount


def decision_lines(
    rows: Iterable[DecisionRow], policy: DisclosurePolicy, *, today: dt.date
) -> list[DecisionLine]:
    """One line per group and term, newest term first, groups in name order."""
    cells: dict[tuple[int, cal.Term, str], list[DecisionRow]] = defaultdict(list)
    for row in rows:
        if counts_on(row.meeting_on, row.decided_on, today):
            year, term = term_of(row.meeting_on)
            cells[(year, term, row.group)].append(row)
    ordered = sorted(cells.items(), key=lambda c: (-c[0][0], -TERM_ORDER[c[0][1]], c[0][2]))
    lines = []
    for (year, term, group), found in ordered:
        label = term_label(year, term)
        within = sum(decided_within_4_weeks(r.meeting_on, r.decided_on) for r in found)
        undecided = sum(r.decided_on is None for r in found)
        lines.append(
            DecisionLine(
                group=group,
                term=label,
                reviews=headline_protect(count=len(found), policy=policy, cell=(group, label)),
                within=rate_protect(numerator=within, denominator=len(found), policy=policy),
                undecided=headline_protect(
                    count=undecided, policy=policy, cell=(group, label, "undecided")
                ),
            )
        )
    return lines

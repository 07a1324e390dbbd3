"""All the current review deadlines for one plan, each with where it stands today.

``deadlines_for_plan`` is what the web layer calls. Which deadlines it returns:

- none for a draft or ceased plan (reviews run only while a final plan is in force);
- the next review, from the plan's kind (an EHC plan for a child under 5 at the last review
  uses the 3 to 6 month rule; from Year 9 the EHC plan review carries a preparing-for-adulthood
  note);
- for an EHC plan: the notice for the next meeting (from the booked meeting date, or counted
  back from the date the review is due), the report, the local authority's decision and the
  final amended plan after the last meeting (all counted from that meeting), the next phase
  transfer, and the Year 9 preparing-for-adulthood review while the child is in Year 8 or 9.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from goldenthread.core import calendar as cal
from goldenthread.core.reviews import deadlines as rules
from goldenthread.core.reviews import transfers
from goldenthread.core.reviews.facts import PlanFacts
from goldenthread.core.reviews.intervals import REVIEW_INTERVALS, ReviewInterval
from goldenthread.core.reviews.model import (
    DUE_SOON_DAYS,
    Deadline,
    DeadlineStatus,
    PlanStatus,
    deadline_status,
)
from goldenthread.core.vocabulary import PlanKind

PFA_LEAD_YEARS = 1


def next_review_due(
    facts: PlanFacts,
    *,
    terms: cal.TermDates | None = None,
    intervals: Mapping[PlanKind, ReviewInterval] = REVIEW_INTERVALS,
) -> Deadline | None:
    """The next review for a plan, by its kind; None if the plan has no start date."""
    last = facts.last_review
    start = facts.issued_on or last
    if start is None:
        return None
    if facts.kind is PlanKind.EHC_PLAN:
        return _ehc_review_due(facts, start, intervals)
    if facts.kind in rules.SETTING_PLAN_KINDS:
        return rules.setting_plan_review_due(
            kind=facts.kind, started_on=start, last_review=last, terms=terms, intervals=intervals
        )
    return rules.scheduled_review_due(
        kind=facts.kind,
        started_on=start,
        last_review=last,
        reviews_held=facts.reviews_counted,
        intervals=intervals,
    )


def _ehc_review_due(
    facts: PlanFacts, start: dt.date, intervals: Mapping[PlanKind, ReviewInterval]
) -> Deadline:
    last = facts.last_review
    if rules.is_under_five_at(facts.date_of_birth, last or start):
        deadline = rules.under_five_review_due(
            issued_on=start, last_review=last, intervals=intervals
        )
    else:
        deadline = rules.annual_review_due(issued_on=start, last_review=last, intervals=intervals)
    dob = facts.date_of_birth
    if dob is not None and transfers.covers_preparing_for_adulthood(
        dob, deadline.due, year_group_offset=facts.year_group_offset
    ):
        notes = (*deadline.notes, transfers.PREPARING_FOR_ADULTHOOD_NOTE)
        deadline = replace(deadline, notes=notes)
    return deadline


def _meeting_deadlines(facts: PlanFacts, next_review: Deadline | None) -> list[Deadline]:
    found: list[Deadline] = []
    if facts.next_meeting_on is not None:
        found.append(
            rules.meeting_notice_due(
                meeting_on=facts.next_meeting_on, notice_sent_on=facts.notice_sent_on
            )
        )
    elif next_review is not None:
        counted_back = rules.meeting_notice_due(
            meeting_on=next_review.due, notice_sent_on=facts.notice_sent_on
        )
        found.append(replace(counted_back, notes=(rules.NOTICE_COUNTED_BACK_NOTE,)))
    meeting = facts.last_meeting
    if meeting is None:
        return found
    found.append(
        rules.review_report_due(meeting_on=meeting.held_on, report_sent_on=meeting.report_sent_on)
    )
    found.append(
        rules.la_decision_due(meeting_on=meeting.held_on, decision_made_on=meeting.decision_made_on)
    )
    amended = rules.amended_plan_due(
        meeting_on=meeting.held_on,
        amending=meeting.amending,
        amended_plan_issued_on=meeting.amended_plan_issued_on,
    )
    if amended is not None:
        found.append(amended)
    return found


def _preparing_for_adulthood(
    facts: PlanFacts, *, today: dt.date, terms: cal.TermDates | None
) -> Deadline | None:
    dob = facts.date_of_birth
    if dob is None:
        return None
    year_9 = transfers.year_9_start(dob, year_group_offset=facts.year_group_offset)
    if not year_9 - PFA_LEAD_YEARS <= cal.academic_year_start(today) <= year_9:
        return None
    return transfers.preparing_for_adulthood_review_due(
        date_of_birth=dob,
        year_group_offset=facts.year_group_offset,
        last_review=facts.last_review,
        terms=terms,
    )


def deadlines_for_plan(
    plan_facts: PlanFacts,
    *,
    today: dt.date,
    due_soon_days: int = DUE_SOON_DAYS,
    terms: cal.TermDates | None = None,
    intervals: Mapping[PlanKind, ReviewInterval] = REVIEW_INTERVALS,
) -> list[DeadlineStatus]:
    """Every current deadline for a plan with its state on ``today``, soonest first.

    A deadline is met when the fact that meets it is recorded (notice sent, report sent, decision
    made, amended plan issued, plan amended for the move, Year 9 review held), overdue once its
    date has passed (``days_late`` counts calendar days), due soon within ``due_soon_days``
    (default 28, the due day included) and upcoming otherwise.
    """
    if plan_facts.status is not PlanStatus.FINAL:
        return []
    found: list[Deadline] = []
    review = next_review_due(plan_facts, terms=terms, intervals=intervals)
    if review is not None:
        found.append(review)
    if plan_facts.kind is PlanKind.EHC_PLAN:
        found += _meeting_deadlines(plan_facts, review)
        transfer = transfers.next_phase_transfer(plan_facts, today=today)
        if transfer is not None:
            found.append(transfer)
        adulthood = _preparing_for_adulthood(plan_facts, today=today, terms=terms)
        if adulthood is not None:
            found.append(adulthood)
    statuses = [
        deadline_status(deadline, today=today, due_soon_days=due_soon_days) for deadline in found
    ]
    return sorted(statuses, key=lambda status: (status.deadline.due, status.deadline.kind))

"""Review deadlines: when the next review is due, and what must happen around a review meeting.

Each rule is a named function whose docstring ends with the reason, and which returns a dated
:class:`~goldenthread.core.reviews.model.Deadline`. Deadlines are calendar dates and are never
moved off a weekend or bank holiday. Phase transfers and preparing for adulthood are in
``transfers.py``; ``plan.py`` puts them all together for one plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from goldenthread.core import calendar as cal
from goldenthread.core.reviews.intervals import REVIEW_INTERVALS, UNDER_FIVE_AGE, ReviewInterval
from goldenthread.core.reviews.model import (
    Deadline,
    DeadlineKind,
    Period,
    deadline_rule,
    make_deadline,
)
from goldenthread.core.vocabulary import PlanKind

NOTICE_BEFORE_MEETING = Period(weeks=2)
REPORT_AFTER_MEETING = Period(weeks=2)
DECISION_AFTER_MEETING = Period(weeks=4)
AMENDED_PLAN_AFTER_MEETING = Period(weeks=12)
SETTING_PLAN_KINDS = frozenset({PlanKind.SEN_SUPPORT, PlanKind.IEP, PlanKind.IBP})
UNDER_FIVE_NOTE = "Due between {earliest} and {due}: the child was under 5 at the last review."
IF_AMENDING_NOTE = "Only if the decision is to change the plan."
NOTICE_COUNTED_BACK_NOTE = "No meeting date yet: counted back from the date the review is due."
ANNUAL_SOURCE = "Children and Families Act 2014 s44(1); SEND Regulations 2014 reg 18; CoP 9.166"


def _interval_start(issued_on: dt.date, last_review: dt.date | None) -> dt.date:
    return last_review if last_review is not None else issued_on


@deadline_rule(ANNUAL_SOURCE)
def annual_review_due(
    *,
    issued_on: dt.date,
    last_review: dt.date | None,
    intervals: Mapping[PlanKind, ReviewInterval] = REVIEW_INTERVALS,
) -> Deadline:
    """An EHC plan must be reviewed within 12 months of the day it was issued, or of the last
    review meeting if there has been one.

    Months are added with ``relativedelta``, so a plan issued on 29 February 2024 is due by
    28 February 2025, and one issued on 31 August is due by 31 August the next year.

    The law says the local authority must review the plan at least every 12 months, counted
    from the plan or the last review, so that support keeps up with the child.
    """
    start = _interval_start(issued_on, last_review)
    period = intervals[PlanKind.EHC_PLAN].after_reviews(int(last_review is not None))
    return make_deadline("annual_review_due", DeadlineKind.NEXT_REVIEW, period.after(start))


@deadline_rule("SEND Code of Practice 2015, 9.178 (every 3 to 6 months)")
def under_five_review_due(
    *,
    issued_on: dt.date,
    last_review: dt.date | None,
    intervals: Mapping[PlanKind, ReviewInterval] = REVIEW_INTERVALS,
) -> Deadline:
    """A child under 5 with an EHC plan should have a review every 3 to 6 months: the deadline
    is the latest date (6 months by default, set in ``REVIEW_INTERVALS``) and ``earliest`` is
    3 months.

    Which interval applies is decided by the child's age on the day the interval starts (the
    last review, or the issue date). A child who was 4 at the last review is due within
    6 months even if they turn 5 before then; a child who was 5 is due within 12 months. The
    team knows the date at the meeting itself, and it is the more frequent of the two choices.

    Young children change fast, so the Code of Practice asks for reviews every 3 to 6 months
    rather than once a year.
    """
    interval = intervals[PlanKind.EHC_PLAN]
    latest = interval.under_five or interval.then
    earliest_period = interval.under_five_earliest or latest
    start = _interval_start(issued_on, last_review)
    due = latest.after(start)
    earliest = earliest_period.after(start)
    note = UNDER_FIVE_NOTE.format(earliest=earliest.isoformat(), due=due.isoformat())
    return make_deadline(
        "under_five_review_due",
        DeadlineKind.NEXT_REVIEW,
        due,
        earliest=earliest,
        notes=(note,),
    )


def is_under_five_at(date_of_birth: dt.date | None, day: dt.date) -> bool:
    """Whether the child is under 5 on ``day`` (False if the date of birth is not known)."""
    return date_of_birth is not None and cal.age_on(date_of_birth, day) < UNDER_FIVE_AGE


@deadline_rule(
    "SEND Code of Practice 2015, 6.65 (meet parents at least three times a year); "
    "once a term is a local default"
)
def setting_plan_review_due(
    *,
    kind: PlanKind,
    started_on: dt.date,
    last_review: dt.date | None,
    terms: cal.TermDates | None = None,
    intervals: Mapping[PlanKind, ReviewInterval] = REVIEW_INTERVALS,
) -> Deadline:
    """A setting's own plan (SEN support, IEP or IBP) is reviewed about three times a year: by
    the end of the term after the one in which it started or was last reviewed.

    A review counts for the term running (or about to start) 3 weeks before it, so one held in
    the Christmas or Easter holiday counts for the term just ended. Term ends come from the
    setting's own term dates when given (``terms``), otherwise the calendar's defaults. So a plan
    reviewed on 10 December, or on 6 January, is next due by the end of the spring term.

    Schools should meet parents at least three times a year to set and review targets, so one
    review each term keeps the assess, plan, do, review cycle going.
    """
    start = _interval_start(started_on, last_review)
    period = intervals[kind].after_reviews(int(last_review is not None))
    return make_deadline(
        "setting_plan_review_due", DeadlineKind.NEXT_REVIEW, period.after(start, terms)
    )


@deadline_rule("REVIEW_INTERVALS (the source of each row is given in the table)")
def scheduled_review_due(
    *,
    kind: PlanKind,
    started_on: dt.date,
    last_review: dt.date | None,
    reviews_held: int,
    intervals: Mapping[PlanKind, ReviewInterval] = REVIEW_INTERVALS,
) -> Deadline:
    """Other plans (team around the child or family, child in need, child in care, short
    breaks, health care) are reviewed on the timetable in ``REVIEW_INTERVALS``: the first review
    counted from the plan's start, the second and later ones from the last review.

    For a child in care the first review is 20 working days after they became looked after
    (Monday to Friday, bank holidays counted as working days so the date is never late), the
    second 3 months after the first, then every 6 months.

    Each kind of plan has its own review timetable, set by law, guidance or the local area, and
    the team needs to know the date the next one is due.
    """
    interval = intervals[kind]
    start = _interval_start(started_on, last_review)
    due = interval.after_reviews(reviews_held).after(start)
    return make_deadline(
        "scheduled_review_due", DeadlineKind.NEXT_REVIEW, due, source=interval.source
    )


@deadline_rule("SEND Regulations 2014 regs 20–21; SEND Code of Practice 2015, 9.176")
def meeting_notice_due(*, meeting_on: dt.date, notice_sent_on: dt.date | None = None) -> Deadline:
    """Invitations to an EHC plan review meeting must go out at least 2 weeks before it: the
    deadline is 14 days before the meeting day.

    Everyone invited, and above all the child and family, needs time to arrange to come and to
    send in their views and advice.
    """
    due = meeting_on - dt.timedelta(weeks=NOTICE_BEFORE_MEETING.weeks)
    return make_deadline(
        "meeting_notice_due", DeadlineKind.MEETING_NOTICE, due, met_on=notice_sent_on
    )


@deadline_rule("SEND Regulations 2014 regs 20–21; SEND Code of Practice 2015, 9.176")
def review_report_due(*, meeting_on: dt.date, report_sent_on: dt.date | None = None) -> Deadline:
    """The written report of an EHC plan review meeting must be sent within 2 weeks of the
    meeting.

    The family and the local authority need the record of what was agreed, and the local
    authority's decision depends on it.
    """
    return make_deadline(
        "review_report_due",
        DeadlineKind.REVIEW_REPORT,
        REPORT_AFTER_MEETING.after(meeting_on),
        met_on=report_sent_on,
    )


@deadline_rule(
    "SEND Regulations 2014 reg 20; R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin)"
)
def la_decision_due(*, meeting_on: dt.date, decision_made_on: dt.date | None = None) -> Deadline:
    """The local authority must tell the family whether it will keep, change or stop the plan
    within 4 weeks of the review meeting (with the proposed changes, if changing it).

    Families must not be left waiting: the law sets this time limit, and the High Court confirmed
    it runs from the meeting.
    """
    return make_deadline(
        "la_decision_due",
        DeadlineKind.LA_DECISION,
        DECISION_AFTER_MEETING.after(meeting_on),
        met_on=decision_made_on,
    )


@deadline_rule("SEND Regulations 2014 reg 22; SEND Code of Practice 2015, 9.176 and 9.194")
def amended_plan_due(
    *,
    meeting_on: dt.date,
    amending: bool | None,
    amended_plan_issued_on: dt.date | None = None,
) -> Deadline | None:
    """If the plan is to be changed, the final amended plan must be issued within 12 weeks of
    the review meeting (4 weeks to the decision and draft, then 8 weeks). None when the decision
    was to keep the plan as it is or to stop it; a note when no decision has been made yet.

    The changes agreed at a review only help the child once they are in the final plan, so the
    law limits how long that can take.
    """
    if amending is False:
        return None
    notes = (IF_AMENDING_NOTE,) if amending is None else ()
    return make_deadline(
        "amended_plan_due",
        DeadlineKind.AMENDED_PLAN,
        AMENDED_PLAN_AFTER_MEETING.after(meeting_on),
        notes=notes,
        met_on=amended_plan_issued_on,
    )

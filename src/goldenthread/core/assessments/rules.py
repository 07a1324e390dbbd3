"""The EHC needs assessment time limits, each a named rule with its source and reason.

Every limit in the SEND Regulations 2014 for an assessment is counted in calendar weeks or
calendar days: none is in working days, so a deadline that falls on a weekend or bank holiday
stays on that day (as for reviews, ``goldenthread.core.reviews.model``). Weeks are exact:
6 weeks after Monday 5 January is Monday 16 February, whatever lies between, leap days
included. The one place working days (and so bank holidays) count is the day a draft plan sent
by post is taken to have reached the family (``draft_served_on``).
"""

from __future__ import annotations

import datetime as dt

from goldenthread.core.assessments.bank_holidays import working_days_after
from goldenthread.core.reviews.model import (
    AssessmentDeadlineKind,
    Deadline,
    DeadlineRule,
    Period,
    deadline_rule,
    make_deadline,
)

ASSESSMENT_RULES: dict[str, DeadlineRule] = {}

DECISION_TO_ASSESS = Period(weeks=6)
ADVICE_REPLY = Period(weeks=6)
DECISION_TO_ISSUE = Period(weeks=16)
FINAL_PLAN = Period(weeks=20)
FAMILY_VIEWS_DAYS = 15
POSTED_SERVED_AFTER_WORKING_DAYS = 2

REG_5 = "SEND Regulations 2014 reg 5(1); exceptions reg 5(4); SEND Code of Practice 2015, 9.14"
REG_8 = "SEND Regulations 2014 reg 8(1); exception reg 8(2); SEND Code of Practice 2015, 9.52"
REG_10 = "SEND Regulations 2014 reg 10(1); exceptions reg 10(4); SEND Code of Practice 2015, 9.61"
REG_13_1 = "SEND Regulations 2014 reg 13(1)(a); SEND Code of Practice 2015, 9.77"
REG_13_2 = (
    "SEND Regulations 2014 reg 13(2); exceptions reg 13(3) and reg 10(4)(a) to (d); "
    "SEND Code of Practice 2015, 9.40 to 9.42"
)
POST_SERVICE = (
    "Interpretation Act 1978 s7 (served when it would be delivered in the ordinary course of "
    "post); the second working day after posting first class is the Civil Procedure Rules "
    "6.26 convention, our default"
)


def _make(
    rule: str, kind: AssessmentDeadlineKind, due: dt.date, met_on: dt.date | None
) -> Deadline:
    return make_deadline(rule, kind, due, met_on=met_on, registry=ASSESSMENT_RULES)


@deadline_rule(REG_5, ASSESSMENT_RULES)
def decision_to_assess_due(*, received_on: dt.date, decided_on: dt.date | None = None) -> Deadline:
    """The family must be told whether the authority will carry out an EHC needs assessment
    within 6 weeks of the day the request was received (or the authority became responsible
    for the child).

    The family waits for this answer before anything else can happen, and a "no" must come with
    the right to appeal, so the law sets a short limit.
    """
    return _make(
        "decision_to_assess_due",
        AssessmentDeadlineKind.DECISION_TO_ASSESS,
        DECISION_TO_ASSESS.after(received_on),
        decided_on,
    )


@deadline_rule(REG_8, ASSESSMENT_RULES)
def advice_due(*, requested_on: dt.date, received_on: dt.date | None = None) -> Deadline:
    """Anyone asked for advice or information for an assessment (education, health, social
    care, an educational psychologist and others) must give it within 6 weeks of the day they
    were asked.

    The assessment cannot finish without the advice, and the 20 weeks for the whole plan leave
    no room for late replies.
    """
    return _make(
        "advice_due", AssessmentDeadlineKind.ADVICE, ADVICE_REPLY.after(requested_on), received_on
    )


@deadline_rule(REG_10, ASSESSMENT_RULES)
def decision_to_issue_due(*, received_on: dt.date, decided_on: dt.date | None = None) -> Deadline:
    """The decision whether to issue an EHC plan is due within 16 weeks of the request. The
    law sets 16 weeks for telling the family that no plan will be issued (reg 10(1)); when a
    plan will be issued, the draft needs to go out by then to leave the family their 15 days
    and the authority time to name a setting before week 20, so the same date is the target.

    A family told "no plan" must hear it in time to appeal, and a "yes" must leave room for the
    draft, the family's views and the final plan within 20 weeks.
    """
    return _make(
        "decision_to_issue_due",
        AssessmentDeadlineKind.DECISION_TO_ISSUE,
        DECISION_TO_ISSUE.after(received_on),
        decided_on,
    )


def draft_served_on(sent_on: dt.date, by: str) -> dt.date:
    """The day the draft counts as served: the day it is emailed or handed over, or the second
    working day after it is posted first class (weekends and bank holidays skipped)."""
    if by == "post":
        return working_days_after(sent_on, POSTED_SERVED_AFTER_WORKING_DAYS)
    return sent_on


@deadline_rule(f"{REG_13_1}; for a posted draft, {POST_SERVICE}", ASSESSMENT_RULES)
def family_views_due(
    *, draft_sent_on: dt.date, served_by: str = "", views_received_on: dt.date | None = None
) -> Deadline:
    """The family has at least 15 days, beginning with the day the draft plan was served, to
    give their views, ask for a particular school or college to be named, and ask to meet: the
    last of those days is 14 days after the day it was served. A draft posted first class is
    served on the second working day after posting, so bank holidays count here.

    The family's views and their choice of setting must be heard before the plan is final; the
    plan should not be finalised before this date unless the family has already replied.
    """
    served = draft_served_on(draft_sent_on, served_by)
    due = served + dt.timedelta(days=FAMILY_VIEWS_DAYS - 1)
    return _make("family_views_due", AssessmentDeadlineKind.FAMILY_VIEWS, due, views_received_on)


@deadline_rule(REG_13_2, ASSESSMENT_RULES)
def final_plan_due(*, received_on: dt.date, issued_on: dt.date | None = None) -> Deadline:
    """The final EHC plan must be sent within 20 weeks of the day the request for the
    assessment was received (or the authority became responsible for the child).

    Twenty weeks is the whole statutory process; it is the measure the Department for Education
    publishes for every authority (plans issued within 20 weeks).
    """
    return _make(
        "final_plan_due",
        AssessmentDeadlineKind.FINAL_PLAN,
        FINAL_PLAN.after(received_on),
        issued_on,
    )

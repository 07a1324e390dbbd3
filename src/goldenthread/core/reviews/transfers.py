"""Phase transfers and the Year 9 preparing-for-adulthood review (EHC plans only).

The school year a child moves in is worked out with the school calendar from their date of
birth: a child moves into Year 7 in the September of the academic year in which they are in
Year 7 (``calendar.academic_year_of_year_group``). A child taught out of their year group has
``year_group_offset`` (+1 a year ahead, -1 a year behind), which moves every date by that many
years. A child born on 31 August is the youngest in their year; one born a day later, on
1 September, is the oldest in the next year, and transfers a year later.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from goldenthread.core import calendar as cal
from goldenthread.core.reviews.facts import (
    TRANSFER_INTO_YEAR_GROUP,
    TRANSFER_LABELS,
    PhaseTransfer,
    PlanFacts,
)
from goldenthread.core.reviews.model import Deadline, DeadlineKind, deadline_rule, make_deadline

SCHOOL_TRANSFER_DEADLINE = (2, 15)
POST_16_TRANSFER_DEADLINE = (3, 31)
POST_16_MOVE_NOTICE_MONTHS = 5
TRANSFER_WINDOW_MONTHS = 12
PREPARING_FOR_ADULTHOOD_YEAR = 9
TRANSFER_MONTH = 9
TRANSFER_NOTE = "Moves {label} on {move}."
PREPARING_FOR_ADULTHOOD_NOTE = (
    "This review must cover preparing for adulthood: work, independent living, friends and "
    "community, and good health."
)
REG_18 = "SEND Regulations 2014 reg 18; SEND Code of Practice 2015, 9.179"


def transfer_start_year(
    date_of_birth: dt.date, into_year_group: int, *, year_group_offset: int = 0
) -> int:
    """The calendar year in whose September the child starts ``into_year_group``."""
    return cal.academic_year_of_year_group(date_of_birth, into_year_group) - year_group_offset


def _amended_in_time(amended_on: dt.date | None, move_on: dt.date) -> dt.date | None:
    """An amendment counts for a move when made in the 12 months before it."""
    if amended_on is None:
        return None
    if move_on - relativedelta(months=TRANSFER_WINDOW_MONTHS) <= amended_on <= move_on:
        return amended_on
    return None


@deadline_rule(REG_18)
def phase_transfer_due(
    *,
    transfer: PhaseTransfer,
    date_of_birth: dt.date,
    year_group_offset: int = 0,
    amended_on: dt.date | None = None,
) -> Deadline:
    """Before a school phase transfer the EHC plan must be reviewed and amended to name the new
    setting by 15 February of the calendar year of the move (early years to Reception, infant to
    junior, primary to secondary), or by 31 March for secondary school to post-16.

    The move year comes from the date of birth: a child born 31 August 2015 starts Year 7 in
    September 2026 (deadline 15 February 2026); one born 1 September 2015 a year later. The
    deadline is met by an amendment made in the 12 months before the move.

    Children and families need to know the new school or college in good time to visit, plan the
    move and, if they disagree, appeal before the new year starts.
    """
    if transfer is PhaseTransfer.POST_16_TO_POST_16:
        msg = "use post_16_transfer_due for a move between post-16 settings"
        raise ValueError(msg)
    year = transfer_start_year(
        date_of_birth, TRANSFER_INTO_YEAR_GROUP[transfer], year_group_offset=year_group_offset
    )
    move_on = dt.date(year, TRANSFER_MONTH, 1)
    month_day = (
        POST_16_TRANSFER_DEADLINE
        if transfer is PhaseTransfer.SECONDARY_TO_POST_16
        else SCHOOL_TRANSFER_DEADLINE
    )
    note = TRANSFER_NOTE.format(label=TRANSFER_LABELS[transfer], move=move_on.isoformat())
    return make_deadline(
        "phase_transfer_due",
        DeadlineKind.PHASE_TRANSFER,
        dt.date(year, *month_day),
        notes=(note,),
        met_on=_amended_in_time(amended_on, move_on),
    )


@deadline_rule(REG_18)
def post_16_transfer_due(*, move_on: dt.date, amended_on: dt.date | None = None) -> Deadline:
    """Before a young person moves from one post-16 setting to another, the EHC plan must be
    amended to name the new setting at least 5 months before the move.

    Months are counted back with ``relativedelta``: a move on 31 July needs the plan by
    28 February (or 29 February in a leap year).

    Post-16 courses start at different times, so the law counts back from the move itself to
    give the young person time to prepare.
    """
    due = move_on - relativedelta(months=POST_16_MOVE_NOTICE_MONTHS)
    note = TRANSFER_NOTE.format(
        label=TRANSFER_LABELS[PhaseTransfer.POST_16_TO_POST_16], move=move_on.isoformat()
    )
    return make_deadline(
        "post_16_transfer_due",
        DeadlineKind.PHASE_TRANSFER,
        due,
        notes=(note,),
        met_on=_amended_in_time(amended_on, move_on),
    )


def school_transfers(facts: PlanFacts) -> tuple[PhaseTransfer, ...]:
    """The school phase transfers that apply to this child, in order."""
    transfers = [PhaseTransfer.EARLY_YEARS_TO_SCHOOL]
    if facts.infant_junior_transfer:
        transfers.append(PhaseTransfer.INFANT_TO_JUNIOR)
    transfers += [PhaseTransfer.PRIMARY_TO_SECONDARY, PhaseTransfer.SECONDARY_TO_POST_16]
    return tuple(transfers)


def next_phase_transfer(facts: PlanFacts, *, today: dt.date) -> Deadline | None:
    """The deadline for the next move (the first whose move day is after ``today``): a school
    phase transfer from the date of birth, or a planned post-16 move, whichever comes first."""
    candidates: list[tuple[dt.date, Deadline]] = []
    if facts.date_of_birth is not None:
        for transfer in school_transfers(facts):
            year = transfer_start_year(
                facts.date_of_birth,
                TRANSFER_INTO_YEAR_GROUP[transfer],
                year_group_offset=facts.year_group_offset,
            )
            move_on = dt.date(year, TRANSFER_MONTH, 1)
            if move_on > today:
                deadline = phase_transfer_due(
                    transfer=transfer,
                    date_of_birth=facts.date_of_birth,
                    year_group_offset=facts.year_group_offset,
                    amended_on=facts.transfer_amended_on,
                )
                candidates.append((move_on, deadline))
                break
    if facts.post_16_move_on is not None and facts.post_16_move_on > today:
        move = post_16_transfer_due(
            move_on=facts.post_16_move_on, amended_on=facts.transfer_amended_on
        )
        candidates.append((facts.post_16_move_on, move))
    return min(candidates, key=lambda pair: pair[0])[1] if candidates else None


def year_9_start(date_of_birth: dt.date, *, year_group_offset: int = 0) -> int:
    """The calendar year in whose September the child is taught in Year 9."""
    return transfer_start_year(
        date_of_birth, PREPARING_FOR_ADULTHOOD_YEAR, year_group_offset=year_group_offset
    )


def covers_preparing_for_adulthood(
    date_of_birth: dt.date, review_on: dt.date, *, year_group_offset: int = 0
) -> bool:
    """Whether a review on ``review_on`` falls in Year 9 or later, so must cover preparing for
    adulthood."""
    start = year_9_start(date_of_birth, year_group_offset=year_group_offset)
    return cal.academic_year_start(review_on) >= start


@deadline_rule("SEND Regulations 2014 reg 20(6); SEND Code of Practice 2015, 8.9 and 9.179")
def preparing_for_adulthood_review_due(
    *,
    date_of_birth: dt.date,
    year_group_offset: int = 0,
    last_review: dt.date | None = None,
    terms: cal.TermDates | None = None,
) -> Deadline:
    """The EHC plan review held in Year 9 must cover preparing for adulthood; the deadline is
    the end of the summer term of Year 9, from 1 September (``earliest``). It is met by a review
    held in that school year. Every later review must cover it too.

    From Year 9 reviews look ahead to adult life (work, independent living, friends and
    community, good health) so that the move to adulthood is planned, not left to the last year.
    """
    start = year_9_start(date_of_birth, year_group_offset=year_group_offset)
    earliest = dt.date(start, TRANSFER_MONTH, 1)
    due = (terms or cal.DEFAULT_TERMS).term_end(start, cal.Term.SUMMER)
    met_on = None
    if last_review is not None and cal.academic_year_start(last_review) == start:
        met_on = last_review
    return make_deadline(
        "preparing_for_adulthood_review_due",
        DeadlineKind.PREPARING_FOR_ADULTHOOD,
        due,
        earliest=earliest,
        notes=(PREPARING_FOR_ADULTHOOD_NOTE,),
        met_on=met_on,
    )

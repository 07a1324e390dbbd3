"""The plain facts about a plan that review deadlines are worked out from.

The web layer fills these from its models; nothing here knows about a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from goldenthread.core.reviews.model import PlanStatus
from goldenthread.core.vocabulary import PlanKind


class PhaseTransfer(StrEnum):
    """A move between phases of education that reg 18 sets a deadline for."""

    EARLY_YEARS_TO_SCHOOL = "early_years_to_school"
    INFANT_TO_JUNIOR = "infant_to_junior"
    PRIMARY_TO_SECONDARY = "primary_to_secondary"
    SECONDARY_TO_POST_16 = "secondary_to_post_16"
    POST_16_TO_POST_16 = "post_16_to_post_16"


# The year group a child moves into at each school phase transfer.
TRANSFER_INTO_YEAR_GROUP: dict[PhaseTransfer, int] = {
    PhaseTransfer.EARLY_YEARS_TO_SCHOOL: 0,
    PhaseTransfer.INFANT_TO_JUNIOR: 3,
    PhaseTransfer.PRIMARY_TO_SECONDARY: 7,
    PhaseTransfer.SECONDARY_TO_POST_16: 12,
}

TRANSFER_LABELS: dict[PhaseTransfer, str] = {
    PhaseTransfer.EARLY_YEARS_TO_SCHOOL: "early years to school (Reception)",
    PhaseTransfer.INFANT_TO_JUNIOR: "infant to junior school (Year 2 to Year 3)",
    PhaseTransfer.PRIMARY_TO_SECONDARY: "primary to secondary school (Year 6 to Year 7)",
    PhaseTransfer.SECONDARY_TO_POST_16: "secondary school to post-16 (Year 11 to Year 12)",
    PhaseTransfer.POST_16_TO_POST_16: "one post-16 setting to another",
}


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What happened at and after the last review meeting.

    ``amending`` is True when the local authority decided to amend the plan, False when it
    decided to keep it as it is or to stop it, and None while no decision has been made.
    """

    held_on: dt.date
    report_sent_on: dt.date | None = None
    decision_made_on: dt.date | None = None
    amending: bool | None = None
    amended_plan_issued_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """Plain facts about one plan and its child.

    - ``issued_on``: when the plan was issued (EHC plan) or started (other plans; for a child in
      care, the day they became looked after).
    - ``last_review_meeting``: the last review meeting; if ``last_meeting`` is given and later,
      its date is used instead.
    - ``reviews_held``: how many reviews have been held (for plans whose first intervals differ);
      at least 1 is assumed once a last review date is known.
    - ``year_group_offset``: for a child taught out of their year group, how many years ahead
      (+1) or behind (-1) their normal year group they are taught.
    - ``infant_junior_transfer``: the child moves from an infant school to a separate junior
      school (only then is Year 2 to Year 3 a phase transfer).
    - ``transfer_amended_on``: the day the plan was last amended to name the setting for the
      coming phase transfer.
    - ``post_16_move_on``: the day of a planned move from one post-16 setting to another.
    - ``next_meeting_on`` and ``notice_sent_on``: the next review meeting, if booked, and when
      its invitations went out.
    """

    kind: PlanKind
    status: PlanStatus
    issued_on: dt.date | None
    date_of_birth: dt.date | None = None
    last_review_meeting: dt.date | None = None
    reviews_held: int = 0
    last_meeting: MeetingFacts | None = None
    year_group_offset: int = 0
    infant_junior_transfer: bool = False
    transfer_amended_on: dt.date | None = None
    post_16_move_on: dt.date | None = None
    next_meeting_on: dt.date | None = None
    notice_sent_on: dt.date | None = None

    @property
    def last_review(self) -> dt.date | None:
        """The latest review meeting known from either field."""
        dates = [self.last_review_meeting]
        if self.last_meeting is not None:
            dates.append(self.last_meeting.held_on)
        known = [day for day in dates if day is not None]
        return max(known) if known else None

    @property
    def reviews_counted(self) -> int:
        """Reviews held, taking at least one once a last review is known."""
        return max(self.reviews_held, 1 if self.last_review is not None else 0)

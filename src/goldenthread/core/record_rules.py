"""The rules every piece of a child's record keeps, however it arrives: typed on a page, sent to
the API, or read from an imported JSON record or FHIR Bundle. One copy, so the three paths refuse
the same things with the same words (issue 24; docs/adr/0022-api-contract-and-fuzzing.md).

Text:
- at most a number of characters that depends on what the text is (``TextKind``): a name or a
  short line is as long as its column allows; a part of a plan (an outcome, a need, a step, a
  hope, provision) at most 2,000; longer free text (all about me, communication) at most 10,000.
  Reason: a plan's outcome is a sentence or two; a 2 MB "outcome" is an attack or an accident,
  and it would be copied into every export, page and search.
- no control characters other than tab, new line and carriage return, and no lone surrogate
  halves. Reason: PostgreSQL refuses NUL in text (a 500), FHIR strings may not hold them, and
  they hide text from the person reading it.

Dates:
- an outcome's or step's due date falls on or after the child's date of birth and on or before
  their 25th birthday (the age an EHC plan can last to). Reason: a due date outside the child's
  life is a typing mistake (2000 for 2030) that would make every "overdue" figure wrong.
- a date of birth is not in the future and not more than 25 years ago (issue 16). Reason: the
  record is for children and young people up to 25; "age -4" or a child born in 1900 is a
  typing mistake that would put them in the wrong lists.
- a review meeting is not in the future (issue 16). Reason: a meeting dated ahead moves the
  next review a year on and takes the plan off every late list before it has happened.
- no date in a record is after 2100. Reason: a date like 9999-12-31 is a placeholder, not a plan.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

from goldenthread.core.calendar import ADULT_PLAN_AGE_LIMIT, birthday


class TextKind(Enum):
    """What a piece of text is, and so the most characters it may hold."""

    PART = 2_000
    LONG = 10_000


LATEST_DATE = dt.date(2100, 12, 31)
# C0 controls except tab (09), new line (0A) and carriage return (0D); DEL; C1 controls;
# and the surrogate halves, which cannot be stored as UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

TOO_LONG = "Use {limit:,} characters or fewer (this has {length:,})"
CONTROL_CHARACTER = (
    "Remove the hidden control character (such as a null or bell): "
    "only letters, numbers, punctuation, spaces, tabs and new lines can be saved"
)
DUE_BEFORE_BIRTH = "The due date must be on or after the child's date of birth"
DUE_AFTER_25 = "The due date must be on or before the child's 25th birthday"
TOO_FAR_AHEAD = "The date must be in 2100 or before"
BORN_IN_FUTURE = "The date of birth must be today or in the past"
BORN_TOO_LONG_AGO = "The date of birth must be within the last 25 years (the child is 25 or under)"
MEETING_IN_FUTURE = "The date of the meeting must be today or in the past"


def text_problem(value: str, *, limit: int) -> str | None:
    """What is wrong with this text for a field holding at most ``limit`` characters, or None."""
    if _CONTROL.search(value):
        return CONTROL_CHARACTER
    if len(value) > limit:
        return TOO_LONG.format(limit=limit, length=len(value))
    return None


def date_problem(day: dt.date) -> str | None:
    """What is wrong with any date in a record, or None."""
    return TOO_FAR_AHEAD if day > LATEST_DATE else None


def due_date_problem(due: dt.date, *, born: dt.date | None) -> str | None:
    """What is wrong with a due date for a child born on ``born`` (None: not known), or None."""
    if born is not None and due < born:
        return DUE_BEFORE_BIRTH
    if born is not None and due > birthday(born, ADULT_PLAN_AGE_LIMIT):
        return DUE_AFTER_25
    return date_problem(due)


def birth_date_problem(born: dt.date, *, today: dt.date) -> str | None:
    """What is wrong with a date of birth, or None."""
    if born > today:
        return BORN_IN_FUTURE
    if birthday(born, ADULT_PLAN_AGE_LIMIT + 1) <= today:
        return BORN_TOO_LONG_AGO
    return None


def meeting_date_problem(day: dt.date, *, today: dt.date) -> str | None:
    """What is wrong with the date of a meeting that has been held, or None."""
    return MEETING_IN_FUTURE if day > today else date_problem(day)
